/**
 * The people of an initiative's network an organiser may invite to an event: not erased, with an
 * e-mail (the primary one when there are several), not invited to this event yet; filtered by an
 * accent-free search over name and e-mail, by name, at most `limit`.
 *
 * @example
 * const { rows, more } = await listInviteeChoices(db, { initiativeId, eventId, q: 'benitez' });
 * rows[0]; // { id, name, email, languages }
 */
import { and, asc, ilike, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { searchTerms } from '../../../lib/search-key';
import { participations, people, personEmails } from '../../network/schema';
import { invitations } from '../schema';

const input = z.object({
  initiativeId: z.uuid(),
  eventId: z.uuid(),
  q: z.string().max(100).default(''),
  limit: z.number().int().min(1).max(500).default(200),
});

export async function listInviteeChoices(
  db: Db,
  o: { initiativeId: string; eventId: string; q?: string; limit?: number },
) {
  const { initiativeId, eventId, q, limit } = input.parse(o);
  const email = sql<string>`(select e.email from ${personEmails} e where e.person_id = ${people.id} order by e.is_primary desc, e.email limit 1)`;
  const rows = await db
    .select({ id: people.id, name: people.name, email, languages: people.languages })
    .from(people)
    .where(
      and(
        isNull(people.erasedAt),
        sql`exists (select 1 from ${participations} p where p.person_id = ${people.id} and p.initiative_id = ${initiativeId})`,
        sql`exists (select 1 from ${personEmails} e where e.person_id = ${people.id})`,
        sql`not exists (select 1 from ${invitations} i where i.event_id = ${eventId} and (i.person_id = ${people.id} or lower(i.email) in (select lower(e.email) from ${personEmails} e where e.person_id = ${people.id})))`,
        ...searchTerms(q).map((term) => ilike(people.searchText, term)),
      ),
    )
    .orderBy(asc(people.nameKey))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}
