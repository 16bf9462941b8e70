import type { Context } from 'hono';
import type { Db } from '../db/client';
import type { AuditAction } from '../core/audit/actions';
import { recordAudit, type AuditInput } from '../core/audit/record-audit';
import type { AppEnv } from './types';

/** What the audit entry of a change says, beyond who did it from where. */
export type ChangeEntry = Omit<AuditInput, 'actorUserId' | 'actorLabel' | 'ip' | 'userAgent'>;

function requestActor(c: Context<AppEnv>) {
  const user = c.var.user;
  return {
    actorUserId: user?.id ?? null,
    actorLabel: user?.email ?? null,
    ip: c.var.clientIp,
    userAgent: c.req.header('user-agent'),
  };
}

/**
 * Records an audit entry for the current request that is not the record of a change
 * (a refused sign-in, a rate limit reached): actor, address and browser come from it.
 * A change is recorded with `audited`, in its own transaction.
 *
 * @example
 * await audit(c, 'auth.sign_in_failed', { data: { email } });
 */
export function audit(
  c: Context<AppEnv>,
  action: AuditAction,
  more: Omit<AuditInput, 'action'> = {},
) {
  return recordAudit(c.var.deps.db, { ...requestActor(c), ...more, action });
}

/**
 * Runs a change and writes its audit entry in the same transaction: if the change fails
 * nothing is recorded, and if the entry cannot be written the change is rolled back. The
 * change must use only the transaction it is given. `entry` may read the change's result and
 * answer `null` when nothing changed (nothing is recorded then).
 *
 * @example
 * const topic = await audited(
 *   c,
 *   (tx) => proposeTopic(tx, { editionId, origin: 'committee', lang, userId, input }),
 *   (t) => ({ action: 'topic.proposed', targetType: 'topic', targetId: t.id }),
 * );
 */
export async function audited<T>(
  c: Context<AppEnv>,
  change: (tx: Db) => Promise<T>,
  entry: ChangeEntry | ((result: T) => ChangeEntry | null | undefined),
): Promise<T> {
  return c.var.deps.db.transaction(async (tx) => {
    const result = await change(tx);
    const e = typeof entry === 'function' ? entry(result) : entry;
    if (e) await recordAudit(tx, { ...requestActor(c), ...e });
    return result;
  });
}
