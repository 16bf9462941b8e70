/** What the outcomes feature writes to the audit log. */
export const outcomesAuditActions = [
  'outcome.added',
  'outcome.deleted',
  'outcome.published',
  'outcome.withdrawn',
] as const;

declare module '../../core/audit/actions' {
  interface FeatureAuditActions extends Record<(typeof outcomesAuditActions)[number], true> {}
}
