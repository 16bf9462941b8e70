/** What the programme feature writes to the audit log. */
export const programmeAuditActions = [
  'edition.created',
  'edition.settings_changed',
  'event.created',
  'event.updated',
  'programme.imported',
  'programme.published',
  'room.created',
  'room.updated',
  'session.created',
  'session.deleted',
  'session.updated',
] as const;

declare module '../../core/audit/actions' {
  interface FeatureAuditActions extends Record<(typeof programmeAuditActions)[number], true> {}
}
