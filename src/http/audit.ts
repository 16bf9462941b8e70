import type { Context } from 'hono';
import type { AuditAction } from '../core/audit/actions';
import { recordAudit, type AuditInput } from '../core/audit/record-audit';
import type { AppEnv } from './types';

/**
 * Records an audit entry for the current request: actor, address and browser come from it.
 *
 * @example
 * await audit(c, 'account.password_changed');
 */
export function audit(
  c: Context<AppEnv>,
  action: AuditAction,
  more: Omit<AuditInput, 'action'> = {},
) {
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
