/** What the registration feature writes to the audit log. */
export const registrationAuditActions = [
  'invitations.attendance_recorded',
  'invitations.exported',
  'invitations.reminded',
  'invitations.sent',
  'registration.approved',
  'registration.cancelled',
  'registration.created',
  'registration.declined',
  'registration.places_changed',
  'registration.settings_changed',
  'registrations.exported',
  'registrations.messaged',
  'registrations.read',
  'transport.manifest_exported',
  'transport.route_changed',
  'transport.route_created',
  'transport.route_deleted',
] as const;

declare module '../../core/audit/actions' {
  interface FeatureAuditActions extends Record<(typeof registrationAuditActions)[number], true> {}
}
