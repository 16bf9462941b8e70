/**
 * Audit action names. The core's are listed here; each feature lists its own in
 * `audit-actions.ts` and adds them to `FeatureAuditActions`, so a misspelt action does not
 * compile and the names of a feature live beside it.
 *
 * @example
 * await audit(c, 'account.password_changed');
 */
export const coreAuditActions = [
  'account.created',
  'admin.created_by_operator',
  'admin.reset_by_operator',
  'account.email_verified',
  'account.password_change_failed',
  'account.password_changed',
  'account.session_revoked',
  'account.sessions_revoked',
  'api_token.created',
  'api_token.revoked',
  'auth.password_reset',
  'auth.password_reset_requested',
  'auth.sign_in',
  'auth.sign_in_blocked',
  'auth.sign_in_failed',
  'auth.sign_out',
  'initiative.member_added',
  'initiative.member_removed',
  'privacy.erased',
  'rate_limit.exceeded',
] as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeatureAuditActions {}

export type AuditAction = (typeof coreAuditActions)[number] | keyof FeatureAuditActions;
