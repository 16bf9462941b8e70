/**
 * A signed-in person's right to see, download and erase their data.
 *
 * @example
 * const data = await collectPersonalData(db, user);
 * await erasePersonalData(db, user); // the account is gone, counts stay true
 */
import { forgetPeopleInVersions } from '../programme/publishing/published-programme';
import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { csvText } from '../../lib/csv-text';
import type { Db } from '../../db/client';
import { sessions, users, type User } from '../accounts/schema';
import { apiTokens } from '../api-tokens/schema';
import { auditLog } from '../audit/schema';
import { listMembershipsOfUser } from '../initiatives/queries';
import { outbox } from '../mail/schema';
import { getPersonRecord } from './people';
import { consents, people, personEmails, personPhones } from './schema';

/** The network records that are this user's: linked to the account, or with their verified e-mail. */
export async function peopleOfUser(db: Db, user: User): Promise<string[]> {
  const byEmail = user.emailVerifiedAt
    ? sql`exists (select 1 from ${personEmails} e where e.person_id = ${people.id} and lower(e.email) = ${user.email.toLowerCase()})`
    : sql`false`;
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(isNull(people.erasedAt), or(eq(people.userId, user.id), byEmail)));
  return rows.map((r) => r.id);
}

export async function collectPersonalData(db: Db, user: User) {
  const [ids, sessionRows, tokenRows, memberships] = await Promise.all([
    peopleOfUser(db, user),
    db.select().from(sessions).where(eq(sessions.userId, user.id)),
    db.select().from(apiTokens).where(eq(apiTokens.userId, user.id)),
    listMembershipsOfUser(db, user.id),
  ]);
  const records = (await Promise.all(ids.map((id) => getPersonRecord(db, id)))).filter(
    (r) => r !== undefined,
  );
  return {
    exportedAt: new Date().toISOString(),
    account: {
      id: user.id,
      name: user.name,
      email: user.email,
      locale: user.locale,
      emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
      isAdmin: user.isAdmin,
    },
    sessions: sessionRows.map((s) => ({
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      ip: s.ip,
      userAgent: s.userAgent,
    })),
    apiTokens: tokenRows.map((k) => ({
      name: k.name,
      scopes: k.scopes,
      createdAt: k.createdAt,
      revokedAt: k.revokedAt,
    })),
    memberships,
    networkRecords: records.map(({ searchText: _s, ...r }) => r),
  };
}
export type PersonalData = Awaited<ReturnType<typeof collectPersonalData>>;

/** The same data as CSV: one row per value, with its section and field. */
export function personalDataCsv(data: PersonalData): string {
  const rows: [string, string, string][] = [];
  const walk = (section: string, value: unknown, path: string) => {
    if (value === null || value === undefined) rows.push([section, path, '']);
    else if (value instanceof Date) rows.push([section, path, value.toISOString()]);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(section, v, `${path}[${i}]`));
    else if (typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(section, v, path ? `${path}.${k}` : k);
    else rows.push([section, path, String(value)]);
  };
  for (const [section, value] of Object.entries(data)) walk(section, value, '');
  return csvText({ rows: [['section', 'field', 'value'], ...rows] });
}

/**
 * Erases the user: their network records keep only what aggregate counts need (year, kind,
 * stakeholder group, country, gender category) with no name or contact; the account, its
 * sessions, tokens and memberships are deleted; their address is removed from the audit log
 * labels and the outbox.
 */
export async function erasePersonalData(db: Db, user: User): Promise<{ people: number }> {
  const ids = await peopleOfUser(db, user);
  await db.transaction(async (tx) => {
    if (ids.length) {
      await tx.delete(personEmails).where(inArray(personEmails.personId, ids));
      await tx.delete(personPhones).where(inArray(personPhones.personId, ids));
      await tx.delete(consents).where(inArray(consents.personId, ids));
      await tx
        .update(people)
        .set({
          name: '',
          languages: [],
          genderSelfDescribed: null,
          notes: null,
          userId: null,
          searchText: '',
          nameKey: '',
          source: null,
          erasedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(inArray(people.id, ids));
      await forgetPeopleInVersions(tx, ids);
    }
    await tx.update(auditLog).set({ actorLabel: null }).where(eq(auditLog.actorUserId, user.id));
    await tx
      .update(auditLog)
      .set({ data: sql`${auditLog.data} - 'email'` })
      .where(
        and(
          isNotNull(auditLog.data),
          sql`lower(${auditLog.data}->>'email') = ${user.email.toLowerCase()}`,
        ),
      );
    await tx.delete(outbox).where(eq(sql`lower(${outbox.to})`, user.email.toLowerCase()));
    await tx.delete(users).where(eq(users.id, user.id));
  });
  return { people: ids.length };
}
