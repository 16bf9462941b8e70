/** What the money feature writes to the audit log. */
export const moneyAuditActions = [
  'money.expense_recorded',
  'money.exported',
  'money.in_kind_recorded',
  'money.line_added',
  'money.pledge_cancelled',
  'money.pledge_recorded',
  'money.receipt_corrected',
  'money.receipt_downloaded',
  'money.receipt_recorded',
] as const;

declare module '../../core/audit/actions' {
  interface FeatureAuditActions extends Record<(typeof moneyAuditActions)[number], true> {}
}
