import { desc, ilike, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, type AuditEntry } from './schema';

/** A page of the audit log, newest first, optionally filtered by an action prefix. */
export async function listAudit(
  db: Db,
  o: { page: number; perPage: number; action?: string },
): Promise<{ entries: AuditEntry[]; total: number }> {
  const where = o.action
    ? ilike(auditLog.action, `${o.action.replace(/[%_\\]/g, '\\$&')}%`)
    : undefined;
  const [entries, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(o.perPage)
      .offset((o.page - 1) * o.perPage),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where),
  ]);
  return { entries, total: count?.n ?? 0 };
}
