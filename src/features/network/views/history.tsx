import type { Page } from '../../../views/page';
import type { Participation } from '../schema';

/** A participation history grouped by year, newest first. */
export function HistoryList(props: { page: Page; groups: [number, Participation[]][] }) {
  const { t } = props.page;
  if (props.groups.length === 0) return <p>{t('network.history.empty')}</p>;
  return (
    <div class="history">
      {props.groups.map(([year, rows]) => (
        <section>
          <h3>{year}</h3>
          <ul>
            {rows.map((r) => (
              <li>
                <strong>{t(`network.participation.${r.kind}`)}</strong> — {r.label}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
