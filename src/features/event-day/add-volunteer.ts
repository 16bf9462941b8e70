/**
 * Puts someone on an event's volunteer roster: a person of the network (name, primary e-mail,
 * current institution and language copied from their record, a `volunteer` participation
 * written to their history) or someone typed in by name. Adding the same network person twice
 * is refused beside the field.
 *
 * @example
 * const v = await addVolunteer(db, { event, initiativeId, input: { personId } });
 * const w = await addVolunteer(db, { event, initiativeId, input: { name: 'Ana', email: null, institution: 'UNIS', lang: 'es' } });
 */
import { InputError } from '../../http/input-error';
import { and, asc, desc, eq, isNull, or, gte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordParticipation } from '../network/index';
import { affiliations, institutions, people, personEmails } from '../network/schema';
import type { ProgrammeEvent } from '../programme/schema';
import { eventVolunteers, type EventVolunteer } from './schema';

export type VolunteerInput =
  | { personId: string; lang?: 'es' | 'en' }
  | {
      personId?: undefined;
      name: string;
      email: string | null;
      institution: string | null;
      lang: 'es' | 'en';
      sample?: boolean;
    };

async function fromNetwork(db: Db, personId: string) {
  const [person] = await db
    .select()
    .from(people)
    .where(and(eq(people.id, personId), isNull(people.erasedAt)));
  if (!person) return undefined;
  const [email] = await db
    .select({ email: personEmails.email })
    .from(personEmails)
    .where(eq(personEmails.personId, personId))
    .orderBy(desc(personEmails.isPrimary), asc(personEmails.email))
    .limit(1);
  const [aff] = await db
    .select({ name: institutions.name })
    .from(affiliations)
    .innerJoin(institutions, eq(institutions.id, affiliations.institutionId))
    .where(
      and(
        eq(affiliations.personId, personId),
        or(
          isNull(affiliations.endedOn),
          gte(affiliations.endedOn, new Date().toISOString().slice(0, 10)),
        ),
      ),
    )
    .orderBy(desc(affiliations.startedOn))
    .limit(1);
  const lang: 'es' | 'en' =
    person.languages.length > 0 &&
    !person.languages.includes('es') &&
    person.languages.includes('en')
      ? 'en'
      : 'es';
  return { person, email: email?.email ?? null, institution: aff?.name ?? null, lang };
}

export async function addVolunteer(
  db: Db,
  o: { event: ProgrammeEvent; initiativeId: string; input: VolunteerInput },
): Promise<EventVolunteer> {
  const { input, event } = o;
  if (input.personId !== undefined) {
    const found = await fromNetwork(db, input.personId);
    if (!found) throw new InputError({ personId: { key: 'eventDay.volunteer.unknown' } });
    const [row] = await db
      .insert(eventVolunteers)
      .values({
        eventId: event.id,
        personId: found.person.id,
        userId: found.person.userId,
        name: found.person.name,
        email: found.email,
        institution: found.institution,
        lang: input.lang ?? found.lang,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new InputError({ personId: { key: 'eventDay.volunteer.already' } });
    await recordParticipation(db, {
      personId: found.person.id,
      initiativeId: o.initiativeId,
      kind: 'volunteer',
      year: event.startsAt.getUTCFullYear(),
      label: event.titleEs,
      sourceType: 'event_volunteer',
      sourceId: row.id,
    });
    return row;
  }
  const [row] = await db
    .insert(eventVolunteers)
    .values({
      eventId: event.id,
      name: input.name,
      email: input.email ? input.email.toLowerCase() : null,
      institution: input.institution,
      lang: input.lang,
      sample: input.sample ?? false,
    })
    .returning();
  return row!;
}

/**
 * Takes a volunteer off an event's roster: their shifts go with them and, with the roster place,
 * their access to the event's day pages (the initiative's volunteer role, which opens nothing by
 * itself, simply runs out). False when there was no such volunteer.
 *
 * @example
 * await removeVolunteer(db, { eventId, volunteerId });
 */
export async function removeVolunteer(
  db: Db,
  o: { eventId: string; volunteerId: string },
): Promise<boolean> {
  const rows = await db
    .delete(eventVolunteers)
    .where(and(eq(eventVolunteers.id, o.volunteerId), eq(eventVolunteers.eventId, o.eventId)))
    .returning({ id: eventVolunteers.id });
  return rows.length > 0;
}
