/**
 * Appends an entry to the audit log.
 *
 * @example
 * await recordAudit(db, { action: 'auth.sign_in', actorUserId: user.id, ip: '203.0.113.9' });
 */
import type { Db } from '../../db/client';
import type { AuditAction } from './actions';
import { auditLog } from './schema';

export type AuditInput = {
  action: AuditAction;
  actorUserId?: string | null;
  actorLabel?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string;
  userAgent?: string;
  data?: Record<string, unknown>;
};

export async function recordAudit(db: Db, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    actorLabel: entry.actorLabel ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent?.slice(0, 300) ?? null,
    data: entry.data ?? {},
  });
}
