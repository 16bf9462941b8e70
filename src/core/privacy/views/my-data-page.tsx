import type { Child } from 'hono/jsx';
import type { User } from '../../accounts/schema';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import type { CollectedPart } from '../personal-data';
import { DataValue } from './data-value';

/** A module's part: its own block when it gives one, otherwise each of its lists as stored. */
function Part(props: { page: Page; part: CollectedPart; own: Child | null }) {
  const { t } = props.page;
  const lists = Object.entries(props.part.data);
  const empty = lists.every(([, v]) => Array.isArray(v) && v.length === 0);
  return (
    <section class="card" aria-labelledby={`part-${props.part.module.name}`}>
      <h3 id={`part-${props.part.module.name}`}>{t(props.part.label)}</h3>
      {props.own ??
        (empty ? (
          <p>{t('privacy.nothing')}</p>
        ) : (
          lists.map(([key, value]) => (
            <>
              <h4>
                <code>{key}</code>
                {Array.isArray(value) && ` · ${t('privacy.count', { count: value.length })}`}
              </h4>
              <DataValue value={value} />
            </>
          ))
        ))}
    </section>
  );
}

/**
 * The person's data page: the account, every module's part (as the download holds it, or the
 * module's own block), the download links and the way to erase it all.
 *
 * @example
 * render(c, <MyDataPage page={pageOf(c)} user={user} parts={parts} own={own} />);
 */
export function MyDataPage(props: {
  page: Page;
  user: User;
  parts: CollectedPart[];
  /** Each module's own block by module name, when it gives one. */
  own: Map<string, Child | null>;
}) {
  const { page, user } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('privacy.title')}>
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.lead')}</p>
      <h2>{t('privacy.account')}</h2>
      <dl class="facts">
        <dt>{t('auth.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('auth.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('nav.language')}</dt>
        <dd>{user.locale}</dd>
      </dl>
      <p>
        <a href="/account/sessions">{t('privacy.sessions')}</a> ·{' '}
        <a href="/account/tokens">{t('account.tokens.link')}</a>
      </p>
      <h2>{t('privacy.parts')}</h2>
      <p>{t('privacy.partsLead')}</p>
      {props.parts.map((part) => (
        <Part page={page} part={part} own={props.own.get(part.module.name) ?? null} />
      ))}
      <h2>{t('privacy.download')}</h2>
      <ul class="actions">
        <li>
          <a href="/account/data.json" download>
            {t('privacy.downloadJson')}
          </a>
        </li>
        <li>
          <a href="/account/data.csv" download>
            {t('privacy.downloadCsv')}
          </a>
        </li>
      </ul>
      <h2>{t('privacy.erase')}</h2>
      <p>
        <a href="/account/data/erase">{t('privacy.erase')}</a>
      </p>
    </Layout>
  );
}
