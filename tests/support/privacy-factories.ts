/**
 * A person with data in every feature, for the "see, download and erase my data" journeys: a
 * verified account that registered for a forum (with accessibility needs and an answer), was
 * invited to a breakfast meeting, is on the forum's volunteer roster with a shift and access,
 * was checked in at the desk, proposed a topic with their name public (shortlisted, so shown), and, as a committee
 * member, holds a calendar link and wrote a task comment. Someone else registered for the same
 * forum, so counts and other people's rows can be checked after the erasure.
 *
 * @example
 * const f = await personWithFootprint(t.deps, { user });
 * f.registrationId; // the person's registration for f.forum
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../../src/core/accounts/schema';
import { addMember } from '../../src/core/initiatives/queries';
import type { Initiative } from '../../src/core/initiatives/schema';
import type { AppDeps } from '../../src/http/types';
import { recordCheckins } from '../../src/features/checkin/record-checkins';
import { addActionComment } from '../../src/features/committee/actions/add-action-comment';
import { createActionItem } from '../../src/features/committee/actions/create-action-item';
import { createCalendarLink } from '../../src/features/committee/meetings/calendar';
import { addShift } from '../../src/features/event-day/add-shift';
import { addVolunteer } from '../../src/features/event-day/add-volunteer';
import { giveVolunteerAccess } from '../../src/features/event-day/give-volunteer-access';
import { invitePeople } from '../../src/features/registration/invitations/invite-people';
import { registerForEvent } from '../../src/features/registration/register-for-event';
import type { RegistrationInput } from '../../src/features/registration/registration-input';
import { saveRegistrationSettings } from '../../src/features/registration/save-settings';
import { registrationQuestions } from '../../src/features/registration/schema';
import { proposeTopic } from '../../src/features/topics/propose-topic';
import { saveTopicCall } from '../../src/features/topics/save-topic-call';
import { shortlistTopic } from '../../src/features/topics/shortlist-topic';
import { buildInitiative } from './factories';
import { at, buildEdition, buildEvent } from './programme-factories';

type Deps = Pick<AppDeps, 'db' | 'mailer' | 'log' | 'env' | 'secret'>;

export const FOOTPRINT = {
  accessibilityNeeds: 'Intérprete de lengua de señas',
  question: '¿Qué tema te interesa más?',
  answer: 'Privacidad de los datos',
  institution: 'Universidad Rafael Landívar',
  topicTitle: 'Vigilancia en línea y derechos',
  topicReason: 'Las leyes de ciberdelito amenazan la libertad de expresión.',
  comment: 'Envié la invitación a la Superintendencia.',
  shiftNote: 'Trae el chaleco de la organización',
} as const;

export async function personWithFootprint(deps: Deps, o: { user: User; initiative?: Initiative }) {
  const { db } = deps;
  const { user } = o;
  const initiative = o.initiative ?? (await buildInitiative(db));
  const edition = await buildEdition(db, { initiative });
  const day = `${new Date().getUTCFullYear() + 1}-10-25`;
  const forum = await buildEvent(db, { edition, day });
  const breakfast = await buildEvent(db, { edition, day, visibility: 'invitation' });
  await saveRegistrationSettings({
    db,
    eventId: forum.id,
    input: {
      capacity: null,
      requiresApproval: false,
      offerHours: 48,
      opensAt: null,
      closesAt: null,
    },
  });
  const [question] = await db
    .insert(registrationQuestions)
    .values({ eventId: forum.id, kind: 'short_text', labelEs: FOOTPRINT.question, labelEn: null })
    .returning();
  const input = {
    institution: FOOTPRINT.institution,
    stakeholderGroup: 'academia' as const,
    country: 'GT',
    gender: 'woman' as const,
    consentPhotos: true,
    consentStreaming: false,
    consentContact: true,
    lang: 'es' as const,
    sessionIds: [] as string[],
  } satisfies Partial<RegistrationInput>;
  const { registration } = await registerForEvent({
    db,
    secret: deps.secret,
    eventId: forum.id,
    input: {
      ...input,
      name: user.name,
      email: user.email,
      accessibilityNeeds: FOOTPRINT.accessibilityNeeds,
      answers: { [question!.id]: FOOTPRINT.answer },
    },
  });
  const other = await registerForEvent({
    db,
    secret: deps.secret,
    eventId: forum.id,
    input: {
      ...input,
      name: 'Otra Persona',
      email: `otra-${randomUUID().slice(0, 8)}@example.org`,
      accessibilityNeeds: null,
      answers: {},
    },
  });
  const personId = registration.personId!;

  const { invited } = await invitePeople(deps, {
    eventId: breakfast.id,
    initiativeId: initiative.id,
    invitees: [{ name: user.name, email: user.email, representing: FOOTPRINT.institution }],
  });

  const volunteer = await addVolunteer(db, {
    event: forum,
    initiativeId: initiative.id,
    input: { personId },
  });
  await addShift(db, {
    event: forum,
    volunteerId: volunteer.id,
    input: {
      task: 'desk',
      startsAt: at(day, '07:30'),
      endsAt: at(day, '10:00'),
      roomId: null,
      sessionId: null,
      transportRouteId: null,
      note: FOOTPRINT.shiftNote,
    },
  });
  await giveVolunteerAccess(db, { volunteerId: volunteer.id, initiativeId: initiative.id });

  await recordCheckins({
    db,
    eventId: forum.id,
    userId: null,
    items: [
      {
        id: randomUUID(),
        registrationId: registration.id,
        place: 'desk',
        stop: null,
        deskName: 'Mesa 1',
        at: at(day, '08:05'),
      },
    ],
  });

  await saveTopicCall(db, {
    editionId: edition.id,
    input: {
      opensAt: new Date(Date.now() - 3_600_000),
      closesAt: new Date(Date.now() + 3_600_000),
      noteEs: null,
      noteEn: null,
    },
  });
  const topic = await proposeTopic(db, {
    editionId: edition.id,
    origin: 'public',
    lang: 'es',
    userId: user.id,
    input: {
      title: FOOTPRINT.topicTitle,
      reason: FOOTPRINT.topicReason,
      stakeholderGroup: 'academia',
      proposerName: user.name,
      namePublic: true,
    },
  });

  // Shortlisted, it is shown on the public topics page, with the proposer's name.
  await shortlistTopic(db, { editionId: edition.id, topicId: topic.id });

  await addMember(db, {
    initiativeId: initiative.id,
    userId: user.id,
    role: 'organiser',
    expiresAt: null,
  });
  await createCalendarLink(db, { initiativeId: initiative.id, userId: user.id });
  const item = await createActionItem(db, {
    initiativeId: initiative.id,
    userId: user.id,
    input: {
      title: 'Invitar a la Superintendencia',
      owner: { personId, institutionId: null },
      dueOn: undefined,
      meetingId: undefined,
      activityId: undefined,
    },
  });
  const comment = await addActionComment(db, {
    actionItemId: item.id,
    userId: user.id,
    body: FOOTPRINT.comment,
  });

  return {
    initiative,
    edition,
    forum,
    breakfast,
    personId,
    registrationId: registration.id,
    otherRegistrationId: other.registration.id,
    invitationId: invited[0]!.invitation.id,
    volunteerId: volunteer.id,
    topicId: topic.id,
    actionItemId: item.id,
    commentId: comment.id,
  };
}
