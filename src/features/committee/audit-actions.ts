/** What the committee feature writes to the audit log. */
export const committeeAuditActions = [
  'committee.activity_added',
  'committee.calendar_link_created',
  'committee.group_added',
  'committee.group_member_added',
  'committee.meeting_cancelled',
  'committee.meeting_recorded',
  'committee.meeting_restored',
  'committee.meetings_scheduled',
  'committee.member_added',
  'committee.member_removed',
  'committee.minutes_approved',
  'committee.settings_saved',
  'committee.task_commented',
  'committee.task_created',
  'committee.task_updated',
] as const;

declare module '../../core/audit/actions' {
  interface FeatureAuditActions extends Record<(typeof committeeAuditActions)[number], true> {}
}
