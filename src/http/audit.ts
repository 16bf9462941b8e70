import type { Context } from 'hono';
import { recordAudit, type AuditInput } from '../core/audit/record-audit';
import type { AppEnv } from './types';

/**
 * Records an audit entry for the current request: actor, address and browser come from it.
 *
 * @example
 * await audit(c, 'account.password_changed');
 */
export function audit(c: Context<AppEnv>, action: string, more: Omit<AuditInput, 'action'> = {}) {
  const user = c.var.user;
  return recordAudit(c.var.deps.db, {
    actorUserId: user?.id ?? null,
    actorLabel: user?.email ?? null,
    ip: c.var.clientIp,
    userAgent: c.req.header('user-agent'),
    ...more,
    action,
  });
}
