/** What the network feature writes to the audit log. */
export const networkAuditActions = [
  'institution.created',
  'institution.updated',
  'people.exported',
  'people.import_confirmed',
  'people.import_discarded',
  'people.import_uploaded',
  'person.consent_recorded',
  'person.created',
  'person.merged',
  'person.updated',
  'person.viewed',
  'privacy.consent_withdrawn',
  'privacy.exported',
] as const;

declare module '../../core/audit/actions' {
  interface FeatureAuditActions extends Record<(typeof networkAuditActions)[number], true> {}
}
