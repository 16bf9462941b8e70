/**
 * Loads the facts `findWarnings` needs for an edition's draft programme (every event, because a
 * person can be double-booked across events) and returns the warnings.
 *
 * @example
 * const { warnings } = await editionWarnings(db, edition, { interest: provided(c.var.modules, 'sessionInterest') });
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Provisions } from '../../../core/module';
import type { Db } from '../../../db/client';
import { affiliations, institutions, people } from '../../network/schema';
import { programmeOf } from '../queries';
import { events, roomAvailability, type Edition } from '../schema';
import { findWarnings, type WarningPerson } from './find-warnings';

export async function editionWarnings(
  db: Db,
  edition: Pick<Edition, 'id' | 'travelBufferMinutes' | 'maxSessionsPerSpeaker'>,
  o: {
    expected?: Map<string, number>;
    /** Registered interest per session, from the module that records it (none: no capacity warning from interest). */
    interest?: Provisions['sessionInterest'];
  } = {},
) {
  const eventRows = await db
    .select({ id: events.id, timesKnown: events.timesKnown })
    .from(events)
    .where(eq(events.editionId, edition.id));
  const timed = new Map(eventRows.map((e) => [e.id, e.timesKnown]));
  const items = await programmeOf(
    db,
    eventRows.map((e) => e.id),
  );
  const personIds = [...new Set(items.flatMap((s) => s.people.map((p) => p.personId)))];
  const roomIds = [...new Set(items.map((s) => s.room?.id).filter((x): x is string => !!x))];
  const [facts, groups, windows] = await Promise.all([
    personIds.length
      ? db
          .select({
            id: people.id,
            name: people.name,
            gender: people.genderChoice,
            group: people.stakeholderGroup,
          })
          .from(people)
          .where(inArray(people.id, personIds))
      : [],
    personIds.length
      ? db
          .select({ personId: affiliations.personId, group: institutions.stakeholderGroup })
          .from(affiliations)
          .innerJoin(institutions, eq(institutions.id, affiliations.institutionId))
          .where(and(inArray(affiliations.personId, personIds), isNull(affiliations.endedOn)))
      : [],
    roomIds.length
      ? db.select().from(roomAvailability).where(inArray(roomAvailability.roomId, roomIds))
      : [],
  ]);
  const groupOf = new Map(groups.map((g) => [g.personId, g.group]));
  const peopleMap = new Map<string, WarningPerson>(
    facts.map((p) => [
      p.id,
      {
        id: p.id,
        name: p.name,
        // "Prefer not to say" is not a gender for the balance check.
        gender: p.gender && p.gender !== 'prefer_not_to_say' ? p.gender : null,
        stakeholderGroup: p.group ?? groupOf.get(p.id) ?? null,
      },
    ]),
  );
  const expected =
    o.expected ??
    (o.interest
      ? await o.interest(
          db,
          items.map((s) => s.id),
        )
      : new Map<string, number>());
  const availability = new Map<string, { startsAt: Date; endsAt: Date }[]>();
  for (const w of windows) availability.set(w.roomId, [...(availability.get(w.roomId) ?? []), w]);
  const warnings = findWarnings({
    sessions: items.map((s) => ({ ...s, timed: timed.get(s.eventId) ?? true })),
    people: peopleMap,
    availability,
    expected,
    travelBufferMinutes: edition.travelBufferMinutes,
    maxSessionsPerSpeaker: edition.maxSessionsPerSpeaker,
  });
  return { warnings, items };
}
