/**
 * A member's private calendar subscription to the committee's meetings: a random token in the
 * URL (`/cal/{token}/committee.ics`), only its SHA-256 kept (like API tokens); making a new link
 * replaces the old one. The feed answers only while the link's owner may still see the
 * committee, and carries the committee's zone (VTIMEZONE) and stable UIDs.
 *
 * @example
 * const { token } = await createCalendarLink(db, { initiativeId, userId });
 * const ics = buildCommitteeIcs({ name: 'IGF Guatemala', meetings, baseUrl, slug, lang: 'es' });
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { eq } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Db } from '../../../db/client';
import type { Lang } from '../../../i18n/index';
import { translator } from '../../../i18n/index';
import { randomToken, sha256 } from '../../../lib/crypto';
import { safeIcalName, safeIcalText } from '../../../lib/ical-safe';
import { activeRoles, allows } from '../../../core/access/policy';
import { users } from '../../../core/accounts/schema';
import { initiatives } from '../../../core/initiatives/schema';
import { committeePermissions } from '../permissions';
import { committeeCalendarLinks } from '../schema';
import type { MeetingRow } from './queries';

export async function createCalendarLink(db: Db, o: { initiativeId: string; userId: string }) {
  const token = randomToken();
  await db
    .insert(committeeCalendarLinks)
    .values({ initiativeId: o.initiativeId, userId: o.userId, tokenHash: sha256(token) })
    .onConflictDoUpdate({
      target: [committeeCalendarLinks.initiativeId, committeeCalendarLinks.userId],
      set: { tokenHash: sha256(token), createdAt: new Date() },
    });
  return { token };
}

export async function hasCalendarLink(db: Db, o: { initiativeId: string; userId: string }) {
  const rows = await db
    .select({ id: committeeCalendarLinks.id, userId: committeeCalendarLinks.userId })
    .from(committeeCalendarLinks)
    .where(eq(committeeCalendarLinks.initiativeId, o.initiativeId));
  return rows.some((r) => r.userId === o.userId);
}

/** The initiative of a calendar token, if the token is known and its owner may still see it. */
export async function findCalendarLink(db: Db, token: string) {
  if (!/^[\w-]{20,100}$/.test(token)) return undefined;
  const [row] = await db
    .select({ initiative: initiatives, user: users })
    .from(committeeCalendarLinks)
    .innerJoin(initiatives, eq(initiatives.id, committeeCalendarLinks.initiativeId))
    .innerJoin(users, eq(users.id, committeeCalendarLinks.userId))
    .where(eq(committeeCalendarLinks.tokenHash, sha256(token)));
  if (!row) return undefined;
  const roles = await activeRoles(db, { userId: row.user.id, initiativeId: row.initiative.id });
  if (!allows(committeePermissions.viewCommittee, row.user, roles)) return undefined;
  return row;
}

export function buildCommitteeIcs(o: {
  name: string;
  slug: string;
  timeZone: string;
  meetings: MeetingRow[];
  baseUrl: string;
  lang: Lang;
}): string {
  const t = translator(o.lang);
  const host = new URL(o.baseUrl).host;
  const calendar = ical({
    name: safeIcalName(t('committee.calendar.name', { initiative: o.name })),
    prodId: { company: 'Convoca', product: 'committee', language: o.lang.toUpperCase() },
  });
  calendar.timezone({ name: o.timeZone, generator: getVtimezoneComponent });
  for (const m of o.meetings) {
    const zone = m.timeZone;
    const start = DateTime.fromJSDate(m.startsAt, { zone });
    calendar.createEvent({
      id: `${m.id}@${host}`,
      start,
      end: start.plus({ minutes: m.durationMinutes }),
      timezone: zone,
      summary: m.group ? `${m.title} (${m.group})` : m.title,
      location: m.place ?? m.onlineUrl ?? undefined,
      description: m.onlineUrl ?? undefined,
      status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      url: `${o.baseUrl}/i/${o.slug}/committee/meetings/${m.id}`,
    });
  }
  return safeIcalText(calendar.toString());
}
