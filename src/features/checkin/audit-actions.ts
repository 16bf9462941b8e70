/** What the checkin feature writes to the audit log. */
export const checkinAuditActions = [
  'checkin.recorded',
  'checkin.roster_downloaded',
  'checkin.synced',
  'checkin.undone',
  'checkin.walk_in',
] as const;

declare module '../../core/audit/actions' {
  interface FeatureAuditActions extends Record<(typeof checkinAuditActions)[number], true> {}
}
