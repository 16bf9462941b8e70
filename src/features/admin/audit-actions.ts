/** What the admin feature writes to the audit log. */
export const adminAuditActions = ['admin.outbox_message_viewed', 'initiative.created'] as const;

declare module '../../core/audit/actions' {
  interface FeatureAuditActions extends Record<(typeof adminAuditActions)[number], true> {}
}
