import type { Page } from '../../../views/page';
import { groupByTopic } from '../queries';
import { outcomeKinds, type Outcome } from '../schema';
import { OutcomeText } from './outcome-text';

/**
 * Published outcomes grouped by topic (the whole event first), then by kind, each with its text
 * and where it comes from.
 *
 * @example
 * <OutcomesByTopic page={page} outcomes={rows} tracks={tracks} />
 */
export function OutcomesByTopic(props: {
  page: Page;
  outcomes: Outcome[];
  tracks: readonly string[];
}) {
  const { t } = props.page;
  return (
    <>
      {groupByTopic(props.outcomes, props.tracks).map((g) => (
        <section>
          <h2>{g.topic ?? t('outcomes.overall')}</h2>
          {outcomeKinds.map((kind) => {
            const rows = g.rows.filter((r) => r.kind === kind);
            if (!rows.length) return null;
            return (
              <>
                <h3>{t(`outcomes.kinds.${kind}`)}</h3>
                <ul class="outcomes" data-kind={kind}>
                  {rows.map((o) => (
                    <li>
                      <OutcomeText page={props.page} outcome={o} />
                      {o.source && (
                        <p class="hint">{t('outcomes.public.source', { source: o.source })}</p>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            );
          })}
        </section>
      ))}
    </>
  );
}
