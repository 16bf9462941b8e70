/**
 * The registrants whose badges are printed, filtered by status (confirmed unless another is
 * asked for), stakeholder group, institution and a search over name, e-mail, institution and
 * ticket code. The stakeholder group is given only for people who agreed to appear in the
 * network's directory (their latest `directory_listing` consent is "given"); otherwise null.
 *
 * @example
 * const badges = await listBadges(db, { eventId, filters: { group: 'academia' } });
 */
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { searchTerms } from '../../lib/search-key';
import { consents } from '../network/schema';
import { registrations } from '../registration/schema';
import type { BadgeFilters } from './event-day-input';

export type Badge = {
  id: string;
  name: string;
  institution: string | null;
  stakeholderGroup: string | null;
  ticketCode: string;
  status: string;
};

/** The person's latest directory-listing consent is "given" (false without a person). */
const agreed = sql<boolean>`coalesce((select c.status = 'given' from ${consents} c
  where c.person_id = "registrations"."person_id" and c.purpose = 'directory_listing'
  order by c.at desc limit 1), false)`;

export async function listBadges(
  db: Db,
  o: { eventId: string; filters: BadgeFilters; registrationId?: string },
): Promise<Badge[]> {
  const f = o.filters;
  const where: (SQL | undefined)[] = [eq(registrations.eventId, o.eventId)];
  if (o.registrationId) where.push(eq(registrations.id, o.registrationId));
  else where.push(eq(registrations.status, f.status ?? 'confirmed'));
  if (f.group) where.push(eq(registrations.stakeholderGroup, f.group));
  if (f.institution) {
    const pattern = `%${f.institution.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(ilike(registrations.institution, pattern));
  }
  for (const term of searchTerms(f.q ?? '')) {
    where.push(
      or(
        sql`translate(lower(${registrations.name}), 'áéíóúüñàèìòùäëïö', 'aeiouunaeiouaeio') like ${term}`,
        ilike(registrations.email, term),
        sql`translate(lower(coalesce(${registrations.institution}, '')), 'áéíóúüñàèìòùäëïö', 'aeiouunaeiouaeio') like ${term}`,
        ilike(registrations.ticketCode, term),
      ),
    );
  }
  const rows = await db
    .select({
      id: registrations.id,
      name: registrations.name,
      institution: registrations.institution,
      group: registrations.stakeholderGroup,
      agreed,
      ticketCode: registrations.ticketCode,
      status: registrations.status,
    })
    .from(registrations)
    .where(and(...where))
    .orderBy(asc(registrations.id));
  return rows
    .map(({ group, agreed: ok, ...r }) => ({ ...r, stakeholderGroup: ok ? group : null }))
    .sort((x, y) => x.name.localeCompare(y.name, 'es') || x.id.localeCompare(y.id));
}
