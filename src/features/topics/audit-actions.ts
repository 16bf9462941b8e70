/** What the topics feature writes to the audit log. */
export const topicsAuditActions = [
  'topic.call_saved',
  'topic.deleted',
  'topic.merged',
  'topic.proposed',
  'topic.proposer_forgotten',
  'topic.rejected',
  'topic.selected',
  'topic.shortlisted',
  'topic.unselected',
  'topic.vote_cast',
  'topic.vote_withdrawn',
] as const;

declare module '../../core/audit/actions' {
  interface FeatureAuditActions extends Record<(typeof topicsAuditActions)[number], true> {}
}
