/**
 * A signed-in person's right to see, download and erase their data, across every module: the
 * core's own part (account, sessions, tokens, memberships, audit labels, outbox) and each feature
 * module's `personalData` part, asked in the module list's order (erased in reverse order, so a
 * feature is erased before the network records it points at).
 *
 * @example
 * const data = await collectPersonalData(db, modules, user);
 * await erasePersonalData(db, modules, user); // the account is gone, counts stay true
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { csvText } from '../../lib/csv-text';
import { sessions, users, type User } from '../accounts/schema';
import { apiTokens } from '../api-tokens/schema';
import { recordAudit } from '../audit/record-audit';
import { auditLog } from '../audit/schema';
import { listMembershipsOfUser } from '../initiatives/queries';
import { outbox } from '../mail/schema';
import type { MessageKey } from '../../i18n/index';
import type { DataSubject, FeatureModule } from '../module';

/** Tables of the core that hold personal data; the feature modules declare theirs. */
export const corePersonalTables = [
  'users',
  'sessions',
  'email_tokens',
  'api_tokens',
  'memberships',
  'audit_log',
  'outbox',
] as const;

/**
 * Who the user is in the data: their account, its verified address, and the network records
 * that the modules recognise as theirs.
 */
export async function dataSubjectOf(
  db: Db,
  modules: readonly FeatureModule[],
  user: User,
): Promise<DataSubject> {
  const found = await Promise.all(
    modules.map((m) => m.personalData?.identify?.(db, user) ?? Promise.resolve([])),
  );
  return {
    user,
    emails: user.emailVerifiedAt ? [user.email.toLowerCase()] : [],
    personIds: [...new Set(found.flat())],
  };
}

/** One module's part of a person's data, with the heading it has on the data page. */
export type CollectedPart = {
  module: FeatureModule;
  label: MessageKey;
  data: Record<string, unknown>;
};

/**
 * Each module's part of the subject's data, in the module list's order.
 *
 * @example
 * const parts = await collectParts(db, modules, await dataSubjectOf(db, modules, user));
 */
export async function collectParts(
  db: Db,
  modules: readonly FeatureModule[],
  subject: DataSubject,
): Promise<CollectedPart[]> {
  const parts: CollectedPart[] = [];
  for (const m of modules)
    if (m.personalData)
      parts.push({
        module: m,
        label: m.personalData.label,
        data: await m.personalData.collect(db, subject),
      });
  return parts;
}

export async function collectPersonalData(db: Db, modules: readonly FeatureModule[], user: User) {
  const subject = await dataSubjectOf(db, modules, user);
  const [sessionRows, tokenRows, memberships, collected] = await Promise.all([
    db.select().from(sessions).where(eq(sessions.userId, user.id)),
    db.select().from(apiTokens).where(eq(apiTokens.userId, user.id)),
    listMembershipsOfUser(db, user.id),
    collectParts(db, modules, subject),
  ]);
  const parts = Object.fromEntries(collected.map((p) => [p.module.name, p.data]));
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
    ...parts,
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
 * Erases the user in one transaction: each module erases or anonymises its part (keeping what
 * aggregate counts need), then the account, its sessions, tokens and memberships are deleted and
 * their address leaves the audit log and the outbox. The audit entry of the erasure is written
 * in the same transaction, without the person's address.
 */
export async function erasePersonalData(
  db: Db,
  modules: readonly FeatureModule[],
  user: User,
  o: { ip?: string; userAgent?: string } = {},
): Promise<{ people: number }> {
  const subject = await dataSubjectOf(db, modules, user);
  await db.transaction(async (tx) => {
    for (const m of [...modules].reverse()) await m.personalData?.erase(tx, subject);
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
    await recordAudit(tx, {
      action: 'privacy.erased',
      actorUserId: null,
      actorLabel: null,
      ip: o.ip,
      userAgent: o.userAgent,
      targetType: 'user',
      targetId: user.id,
      data: { networkRecords: subject.personIds.length },
    });
  });
  return { people: subject.personIds.length };
}
