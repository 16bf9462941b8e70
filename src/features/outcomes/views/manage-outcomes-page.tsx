import type { FieldErrors, FormValues } from '../../../http/form';
import { formatDate } from '../../../lib/format';
import { Csrf, ErrorSummary, Field, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { OVERALL } from '../outcome-input';
import { outcomeKinds, type Outcome } from '../schema';
import { OutcomeText } from './outcome-text';

function Actions(props: { page: Page; base: string; outcome: Outcome }) {
  const { t } = props.page;
  const o = props.outcome;
  const to = o.status === 'published' ? 'withdraw' : 'publish';
  return (
    <div class="inline-list">
      <form method="post" action={`${props.base}/${o.id}/${to}`}>
        <Csrf page={props.page} />
        <button type="submit" class="secondary">
          {t(`outcomes.manage.${to}`)}
        </button>
      </form>
      <a href={`${props.base}/${o.id}/delete`}>{t('outcomes.manage.delete')}</a>
    </div>
  );
}

/**
 * The committee's page of an edition's outcomes: every one with its status and actions, and the
 * form to add another (kept filled in when it is refused).
 *
 * @example
 * render(c, <ManageOutcomesPage page={page} edition={edition} base={base} publicHref={href} outcomes={rows} tracks={tracks} />);
 */
export function ManageOutcomesPage(props: {
  page: Page;
  edition: { name: string };
  editionHref: string;
  base: string;
  publicHref: string;
  outcomes: Outcome[];
  tracks: readonly string[];
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { page } = props;
  const { t, lang } = page;
  const title = t('outcomes.manage.title', { edition: props.edition.name });
  const published = props.outcomes.filter((o) => o.status === 'published').length;
  const values = props.values ?? { kind: 'conclusion', topic: OVERALL };
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={props.editionHref}>{props.edition.name}</a> ·{' '}
        <a href={props.publicHref}>{t('outcomes.manage.publicPage')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('outcomes.manage.lead')}</p>
      {props.outcomes.length === 0 ? (
        <p>{t('outcomes.manage.empty')}</p>
      ) : (
        <>
          <p>{t('outcomes.manage.count', { published, total: props.outcomes.length })}</p>
          <TableWrap label={title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('outcomes.field.topic')}</th>
                  <th scope="col">{t('outcomes.field.kind')}</th>
                  <th scope="col">{t('outcomes.field.textEs')}</th>
                  <th scope="col">{t('outcomes.field.status')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('outcomes.manage.publish')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {props.outcomes.map((o) => (
                  <tr data-outcome={o.id}>
                    <td>{o.topic ?? t('outcomes.overall')}</td>
                    <td>{t(`outcomes.kind.${o.kind}`)}</td>
                    <td>
                      <OutcomeText page={page} outcome={o} />
                    </td>
                    <td>
                      {t(`outcomes.status.${o.status}`)}
                      {o.publishedAt && (
                        <p class="hint">
                          {t('outcomes.manage.publishedBy', {
                            date: formatDate(o.publishedAt, lang),
                          })}
                        </p>
                      )}
                    </td>
                    <td>
                      <Actions page={page} base={props.base} outcome={o} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      <h2>{t('outcomes.manage.add')}</h2>
      <form method="post" action={props.base} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={props.errors} />
        <Select
          name="kind"
          label={t('outcomes.field.kind')}
          options={outcomeKinds.map((k) => [k, t(`outcomes.kind.${k}`)])}
          values={values}
          errors={props.errors}
          required
        />
        <Select
          name="topic"
          label={t('outcomes.field.topic')}
          options={[
            [OVERALL, t('outcomes.overall')],
            ...props.tracks.map((n) => [n, n] as [string, string]),
          ]}
          values={values}
          errors={props.errors}
        />
        <Field
          name="textEs"
          label={t('outcomes.field.textEs')}
          hint={t('outcomes.field.textHint')}
          rows={3}
          values={values}
          errors={props.errors}
        />
        <Field
          name="textEn"
          label={t('outcomes.field.textEn')}
          rows={3}
          values={values}
          errors={props.errors}
        />
        <Field
          name="source"
          label={t('outcomes.field.source')}
          hint={t('outcomes.field.sourceHint')}
          values={values}
          errors={props.errors}
        />
        <button type="submit">{t('outcomes.manage.add')}</button>
      </form>
    </Layout>
  );
}
