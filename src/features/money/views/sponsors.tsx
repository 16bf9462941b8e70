import type { Page } from '../../../views/page';
import type { SponsorLevel } from '../schema';

/** The edition's sponsors who agreed to be named, by level; nothing when there are none. */
export function Sponsors(props: {
  page: Page;
  groups: { level: SponsorLevel; names: string[] }[];
}) {
  const { t } = props.page;
  if (!props.groups.length) return null;
  return (
    <section aria-labelledby="sponsors">
      <h2 id="sponsors">{t('money.sponsors')}</h2>
      {props.groups.map((g) => (
        <>
          <h3>{t(`money.level.${g.level}`)}</h3>
          <ul class="inline-list">
            {g.names.map((n) => (
              <li>{n}</li>
            ))}
          </ul>
        </>
      ))}
    </section>
  );
}
