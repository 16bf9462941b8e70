import type { Page } from '../../../views/page';
import type { TopicRow } from '../queries';

/**
 * A topic's status in the reader's language, marked with the status for tests and styles.
 *
 * @example
 * <StatusText page={page} topic={topic} />
 */
export function StatusText(props: { page: Page; topic: TopicRow }) {
  const { t } = props.page;
  return <span data-status={props.topic.status}>{t(`topics.status.${props.topic.status}`)}</span>;
}
