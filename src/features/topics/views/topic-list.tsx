import type { Page } from '../../../views/page';

export type ShownTopic = {
  id: string;
  title: string;
  reason: string | null;
  votes: number;
  trackName: string | null;
  decisionNote: string | null;
  sample: boolean;
  source: string | null;
  proposer: string | null;
  origin: string;
};

/**
 * Topics as the public sees them: title, track, the proposer's reason, the committee's votes,
 * the reason for a rejection, the proposer's name only when they agreed, and where a record
 * comes from (seed or sample).
 */
export function TopicList(props: { page: Page; topics: ShownTopic[]; empty: string }) {
  const { t } = props.page;
  if (props.topics.length === 0) return <p>{props.empty}</p>;
  return (
    <ul class="topic-list">
      {props.topics.map((topic) => (
        <li data-topic={topic.title}>
          <strong>{topic.title}</strong>
          {topic.trackName && topic.trackName !== topic.title && (
            <> · {t('topics.track', { name: topic.trackName })}</>
          )}
          {topic.sample && <> · {t('topics.sample')}</>}
          {topic.reason && <p>{topic.reason}</p>}
          <p class="hint">
            {topic.source && topic.votes === 0 ? (
              t('topics.votesNotRecorded')
            ) : (
              <span data-votes={topic.votes}>{t('topics.votes', { count: topic.votes })}</span>
            )}
            {' · '}
            {topic.origin === 'committee'
              ? t('topics.origin.committee')
              : topic.proposer
                ? t('topics.proposedBy', { name: topic.proposer })
                : t('topics.origin.public')}
            {topic.source && <> · {t('topics.source', { source: topic.source })}</>}
          </p>
          {topic.decisionNote && (
            <p>{t('topics.rejectedBecause', { reason: topic.decisionNote })}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
