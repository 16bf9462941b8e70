/** What the event-day feature writes to the audit log. */
export const eventDayAuditActions = [
  'event_day.access_ended',
  'event_day.access_given',
  'event_day.badges_printed',
  'event_day.room_count_recorded',
  'event_day.roster_printed',
  'event_day.roster_read',
  'event_day.shift_added',
  'event_day.shift_removed',
  'event_day.shifts_mailed',
  'event_day.volunteer_added',
  'event_day.volunteer_removed',
] as const;

declare module '../../core/audit/actions' {
  interface FeatureAuditActions extends Record<(typeof eventDayAuditActions)[number], true> {}
}
