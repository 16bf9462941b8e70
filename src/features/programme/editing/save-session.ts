/**
 * Creates or updates a session in an event's draft programme, with its people and organising
 * institutions, in one transaction. Visitors see it once the event is published again.
 *
 * @example
 * const id = await saveSession({ db, initiativeId, eventId, input });            // new
 * await saveSession({ db, initiativeId, eventId, sessionId: id, input: changed }); // edit
 */
import { InputError } from '../../../http/input-error';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { institutions, participations, people } from '../../network/schema';
import { events, programmeSessions, rooms, sessionInstitutions, sessionPeople } from '../schema';
import type { SessionInput } from './session-input';

export async function saveSession(o: {
  db: Db;
  eventId: string;
  /** People must take part in this initiative (or already be on the session). */
  initiativeId: string;
  sessionId?: string;
  input: SessionInput;
}): Promise<string> {
  const { input } = o;
  return o.db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, o.eventId));
    if (!event) throw new InputError({ eventId: 'programme.form.unknownEvent' });
    if (input.roomId) {
      const [room] = event.venueId
        ? await tx
            .select({ id: rooms.id })
            .from(rooms)
            .where(and(eq(rooms.id, input.roomId), eq(rooms.venueId, event.venueId)))
        : [];
      if (!room) throw new InputError({ roomId: 'programme.form.unknownRoom' });
    }
    // A day's margin either side: sessions may run late, but not on another date.
    const margin = 86_400_000;
    if (
      input.startsAt.getTime() < event.startsAt.getTime() - margin ||
      input.endsAt.getTime() > event.endsAt.getTime() + margin
    )
      throw new InputError({ day: 'programme.form.outsideEvent' });
    const personIds = [...new Set(input.people.map((p) => p.personId))];
    if (personIds.length) {
      const found = await tx
        .select({ id: people.id })
        .from(people)
        .where(
          and(
            inArray(people.id, personIds),
            isNull(people.erasedAt),
            or(
              sql`exists (select 1 from ${participations} p where p.person_id = ${people.id} and p.initiative_id = ${o.initiativeId})`,
              o.sessionId
                ? sql`exists (select 1 from ${sessionPeople} sp where sp.person_id = ${people.id} and sp.session_id = ${o.sessionId})`
                : sql`false`,
            ),
          ),
        );
      if (found.length !== personIds.length)
        throw new InputError({ people: 'programme.form.unknownPerson' });
    }
    if (input.institutionIds.length) {
      const found = await tx
        .select({ id: institutions.id })
        .from(institutions)
        .where(inArray(institutions.id, input.institutionIds));
      if (found.length !== new Set(input.institutionIds).size)
        throw new InputError({ institutionIds: 'programme.form.unknownInstitution' });
    }
    const values = {
      kind: input.kind,
      titleEs: input.titleEs,
      titleEn: input.titleEn,
      descriptionEs: input.descriptionEs,
      descriptionEn: input.descriptionEn,
      topic: input.topic,
      roomId: input.roomId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      language: input.language,
      streamUrl: input.streamUrl,
      recordingUrl: input.recordingUrl,
      doNotRecord: input.doNotRecord,
      position: input.position,
    };
    let id = o.sessionId;
    if (id) {
      const updated = await tx
        .update(programmeSessions)
        .set(values)
        .where(and(eq(programmeSessions.id, id), eq(programmeSessions.eventId, o.eventId)))
        .returning({ id: programmeSessions.id });
      if (!updated.length) throw new InputError({ sessionId: 'programme.form.unknownSession' });
      await tx.delete(sessionPeople).where(eq(sessionPeople.sessionId, id));
      await tx.delete(sessionInstitutions).where(eq(sessionInstitutions.sessionId, id));
    } else {
      const [row] = await tx
        .insert(programmeSessions)
        .values({ ...values, eventId: o.eventId })
        .returning({ id: programmeSessions.id });
      id = row!.id;
    }
    const seen = new Set<string>();
    const rows = input.people
      .filter((p) => !seen.has(`${p.personId}:${p.role}`) && seen.add(`${p.personId}:${p.role}`))
      .map((p, position) => ({ sessionId: id!, personId: p.personId, role: p.role, position }));
    if (rows.length) await tx.insert(sessionPeople).values(rows);
    const orgs = [...new Set(input.institutionIds)].map((institutionId) => ({
      sessionId: id!,
      institutionId,
    }));
    if (orgs.length) await tx.insert(sessionInstitutions).values(orgs);
    return id;
  });
}
