/**
 * The registration's part of a person's data: their registrations (with answers, consents,
 * session interests and bus) and invitations, found by network record or verified address.
 * Erasure anonymises them: the rows stay for the counts (status, event, stakeholder group,
 * country, gender category, bus and session interests), without name, address, institution,
 * accessibility needs, answers, consents, ticket or private link.
 *
 * @example
 * const part = await registrationPersonalData.collect(db, subject);
 * part.registrations[0].accessibilityNeeds; // 'Rampa de acceso'
 * await registrationPersonalData.erase(tx, subject);
 */
import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DataSubject, PersonalDataPart } from '../../core/module';
import type { Db } from '../../db/client';
import { events, programmeSessions } from '../programme/schema';
import {
  invitations,
  registrationQuestions,
  registrations,
  sessionInterests,
  transportRoutes,
  type Registration,
  type RegistrationQuestion,
} from './schema';

/**
 * Rows that are the subject's: linked to one of their network records, or carrying their
 * verified address (any case). Undefined when the subject has neither.
 *
 * @example
 * const where = ownedBy(registrations.personId, registrations.email, subject);
 */
export function ownedBy(
  personColumn: AnyPgColumn,
  emailColumn: AnyPgColumn,
  subject: Pick<DataSubject, 'personIds' | 'emails'>,
): SQL | undefined {
  const conditions: SQL[] = [];
  if (subject.personIds.length) conditions.push(inArray(personColumn, subject.personIds));
  if (subject.emails.length) conditions.push(inArray(sql`lower(${emailColumn})`, subject.emails));
  return conditions.length ? or(...conditions) : undefined;
}

/** An answer as the person would read it: the question's label and the chosen options' text. */
function readableAnswers(r: Registration, questions: RegistrationQuestion[]) {
  return Object.entries(r.answers).map(([id, value]) => {
    const q = questions.find((x) => x.id === id);
    const option = (i: string) => q?.options[Number(i)]?.es ?? i;
    const answer =
      q?.kind === 'single'
        ? option(String(value))
        : q?.kind === 'multiple' && Array.isArray(value)
          ? value.map(option)
          : value;
    return { question: q?.labelEs ?? id, answer };
  });
}

async function collectRegistrations(db: Db, where: SQL) {
  const rows = await db
    .select({
      registration: registrations,
      event: events.titleEs,
      eventStartsAt: events.startsAt,
      bus: transportRoutes.name,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(transportRoutes, eq(transportRoutes.id, registrations.transportRouteId))
    .where(where)
    .orderBy(events.startsAt);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.registration.id);
  const [questions, interests] = await Promise.all([
    db
      .select()
      .from(registrationQuestions)
      .where(
        inArray(
          registrationQuestions.eventId,
          rows.map((r) => r.registration.eventId),
        ),
      ),
    db
      .select({ registrationId: sessionInterests.registrationId, title: programmeSessions.titleEs })
      .from(sessionInterests)
      .innerJoin(programmeSessions, eq(programmeSessions.id, sessionInterests.sessionId))
      .where(inArray(sessionInterests.registrationId, ids)),
  ]);
  return rows.map(({ registration: r, event, eventStartsAt, bus }) => ({
    event,
    eventStartsAt,
    status: r.status,
    name: r.name,
    email: r.email,
    institution: r.institution,
    stakeholderGroup: r.stakeholderGroup,
    country: r.country,
    gender: r.gender,
    accessibilityNeeds: r.accessibilityNeeds,
    consents: {
      photos: r.consentPhotos,
      streaming: r.consentStreaming,
      contact: r.consentContact,
    },
    language: r.lang,
    ticketCode: r.ticketCode,
    answers: readableAnswers(r, questions),
    sessions: interests.filter((i) => i.registrationId === r.id).map((i) => i.title),
    bus,
    registeredAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

async function collectInvitations(db: Db, where: SQL) {
  const rows = await db
    .select({ invitation: invitations, event: events.titleEs, eventStartsAt: events.startsAt })
    .from(invitations)
    .innerJoin(events, eq(events.id, invitations.eventId))
    .where(where)
    .orderBy(events.startsAt);
  return rows.map(({ invitation: i, event, eventStartsAt }) => ({
    event,
    eventStartsAt,
    name: i.name,
    email: i.email,
    representing: i.representing,
    language: i.lang,
    status: i.status,
    attended: i.attended,
    sentAt: i.sentAt,
    respondedAt: i.respondedAt,
    invitedAt: i.createdAt,
  }));
}

export const registrationPersonalData: PersonalDataPart = {
  label: 'registration.privacyPart',
  tables: ['registrations', 'session_interests', 'invitations'],
  collect: async (db, subject) => {
    const mineR = ownedBy(registrations.personId, registrations.email, subject);
    const mineI = ownedBy(invitations.personId, invitations.email, subject);
    return {
      registrations: mineR ? await collectRegistrations(db, mineR) : [],
      invitations: mineI ? await collectInvitations(db, mineI) : [],
    };
  },
  erase: async (tx, subject) => {
    const mineR = ownedBy(registrations.personId, registrations.email, subject);
    if (mineR)
      // E-mail, ticket and link digest are NOT NULL and unique: each row gets a value of its own
      // that is no address anyone has, no ticket anyone holds and no digest a link can match.
      // Marking it reminded keeps the pre-event reminder from going to that address.
      await tx
        .update(registrations)
        .set({
          name: '',
          email: sql`'erased-' || ${registrations.id} || '@erased.invalid'`,
          institution: null,
          accessibilityNeeds: null,
          answers: {},
          consentPhotos: false,
          consentStreaming: false,
          consentContact: false,
          ticketCode: sql`'erased:' || ${registrations.id}`,
          tokenHash: sql`'erased:' || ${registrations.id}`,
          remindedAt: sql`coalesce(${registrations.remindedAt}, now())`,
          updatedAt: new Date(),
        })
        .where(mineR);
    const mineI = ownedBy(invitations.personId, invitations.email, subject);
    if (mineI)
      await tx
        .update(invitations)
        .set({
          name: '',
          email: null,
          representing: null,
          tokenHash: sql`'erased:' || ${invitations.id}`,
        })
        .where(mineI);
  },
};
