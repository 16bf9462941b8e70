/**
 * The committee's topic pages: the list of proposals with the call's form, and one topic with
 * the decisions it allows.
 */
import type { FieldErrors, FormValues } from '../../../http/form';
import { Csrf, ErrorSummary, Field, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import type { TopicRow } from '../queries';
import { TRACK_NAME_MAX } from '../topic-input';
import { StatusText } from './topic-status';

export type TopicsManageViewProps = {
  page: Page;
  title: string;
  edition: { name: string; slug: string };
  home: string;
  base: string;
  rows: TopicRow[];
  zone: string;
  values: FormValues;
  errors?: FieldErrors;
};

/**
 * The committee's list of an edition's proposals, with their votes, and the call's form.
 *
 * @example
 * render(c, <TopicsManageView page={page} title={title} edition={edition} home={home} base={base} rows={rows} zone={zone} values={values} errors={errors} />);
 */
export function TopicsManageView(props: TopicsManageViewProps) {
  const { page, title, edition, home, base, rows, zone, values, errors } = props;
  const { t } = page;
  const f = { values, errors };
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={home}>{edition.name}</a> ·{' '}
        <a href={`/e/${edition.slug}/topics`}>{t('topics.manage.publicPage')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('topics.manage.lead')}</p>
      <p>
        <a href={`${base}/new`}>{t('topics.committee.add')}</a>
      </p>
      <h2>{t('topics.manage.proposals')}</h2>
      {rows.length === 0 ? (
        <p>{t('topics.manage.empty')}</p>
      ) : (
        <TableWrap label={t('topics.manage.proposals')}>
          <table>
            <caption>{t('topics.manage.proposals')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('topics.field.title')}</th>
                <th scope="col">{t('topics.field.stakeholderGroup')}</th>
                <th scope="col">{t('topics.status')}</th>
                <th scope="col">{t('topics.manage.votes')}</th>
                <th scope="col">{t('topics.manage.myVote')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr data-topic={r.title}>
                  <th scope="row">
                    <a href={`${base}/${r.id}`}>{r.title}</a>
                    {r.sample && <> · {t('topics.sample')}</>}
                  </th>
                  <td>
                    {r.stakeholderGroup
                      ? t(`network.group.${r.stakeholderGroup}`)
                      : t('topics.origin.committee')}
                  </td>
                  <td>
                    <StatusText page={page} topic={r} />
                    {r.trackName && <> · {r.trackName}</>}
                  </td>
                  <td data-votes={r.votes}>{r.votes}</td>
                  <td>{r.myVote ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{t('topics.call.title')}</h2>
      <form method="post" action={`${base}/call`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={errors} />
        <p class="hint">{t('topics.call.zone', { zone })}</p>
        <div class="row">
          <Field name="opensAt" type="datetime-local" label={t('topics.call.opensAt')} {...f} />
          <Field name="closesAt" type="datetime-local" label={t('topics.call.closesAt')} {...f} />
        </div>
        <Field name="noteEs" label={t('topics.call.noteEs')} rows={3} {...f} />
        <Field name="noteEn" label={t('topics.call.noteEn')} rows={3} {...f} />
        <button type="submit">{t('common.save')}</button>
      </form>
    </Layout>
  );
}

export type TopicViewProps = {
  page: Page;
  edition: { name: string };
  base: string;
  topic: TopicRow;
  targets: TopicRow[];
  values?: FormValues;
  errors?: FieldErrors;
};

/**
 * One topic for the committee: its facts and the decisions its status allows.
 *
 * @example
 * render(c, <TopicView page={page} edition={edition} base={base} topic={topic} targets={targets} values={values} errors={errors} />);
 */
export function TopicView(props: TopicViewProps) {
  const { page, edition, base, topic, targets, values, errors } = props;
  const { t } = page;
  const f = { values, errors };
  const path = `${base}/${topic.id}`;
  const open = topic.status === 'proposed' || topic.status === 'shortlisted';
  return (
    <Layout page={page} title={topic.title}>
      <p>
        <a href={base}>{t('topics.manage.title', { edition: edition.name })}</a>
      </p>
      <h1>{topic.title}</h1>
      <ErrorSummary page={page} errors={errors} />
      <dl class="facts">
        <dt>{t('topics.status')}</dt>
        <dd>
          <StatusText page={page} topic={topic} />
        </dd>
        {topic.trackName && (
          <>
            <dt>{t('topics.field.trackName')}</dt>
            <dd data-testid="track-name">{topic.trackName}</dd>
          </>
        )}
        {topic.mergedIntoTitle && (
          <>
            <dt>{t('topics.merge.into')}</dt>
            <dd>
              <a href={`${base}/${topic.mergedInto}`}>{topic.mergedIntoTitle}</a>
            </dd>
          </>
        )}
        {topic.decisionNote && (
          <>
            <dt>{t('topics.reject.reason')}</dt>
            <dd>{topic.decisionNote}</dd>
          </>
        )}
        <dt>{t('topics.field.stakeholderGroup')}</dt>
        <dd>
          {topic.stakeholderGroup
            ? t(`network.group.${topic.stakeholderGroup}`)
            : t('topics.origin.committee')}
        </dd>
        <dt>{t('topics.field.reason')}</dt>
        <dd>{topic.reason ?? '—'}</dd>
        <dt>{t('topics.field.proposerName')}</dt>
        <dd>
          {topic.proposerName
            ? `${topic.proposerName} (${topic.namePublic ? t('topics.namePublic') : t('topics.namePrivate')})`
            : '—'}
        </dd>
        {topic.proposerName && (
          <dd>
            <form method="post" action={`${path}/forget-proposer`}>
              <Csrf page={page} />
              <button type="submit">{t('topics.forget.submit')}</button>
            </form>
          </dd>
        )}
        <dt>{t('topics.manage.votes')}</dt>
        <dd data-votes={topic.votes}>{topic.votes}</dd>
        {topic.source && (
          <>
            <dt>{t('topics.sourceLabel')}</dt>
            <dd>{topic.source}</dd>
          </>
        )}
      </dl>
      {topic.status === 'proposed' && (
        <form method="post" action={`${path}/shortlist`}>
          <Csrf page={page} />
          <button type="submit">{t('topics.shortlist')}</button>
        </form>
      )}
      {topic.status === 'shortlisted' && (
        <>
          <form method="post" action={`${path}/vote`}>
            <Csrf page={page} />
            <input type="hidden" name="vote" value={topic.myVote ? 'no' : 'yes'} />
            <p>{topic.myVote ? t('topics.vote.youVoted') : t('topics.vote.notYet')}</p>
            <button type="submit">
              {topic.myVote ? t('topics.vote.withdraw') : t('topics.vote.cast')}
            </button>
          </form>
          <form method="post" action={`${path}/select`} class="stack" novalidate>
            <h2>{t('topics.select.title')}</h2>
            <Csrf page={page} />
            <Field
              name="trackName"
              label={t('topics.field.trackName')}
              hint={t('topics.select.hint')}
              value={
                typeof values?.trackName === 'string'
                  ? values.trackName
                  : topic.title.slice(0, TRACK_NAME_MAX)
              }
              errors={errors}
            />
            <button type="submit">{t('topics.select.submit')}</button>
          </form>
        </>
      )}
      {topic.status === 'selected' && (
        <form method="post" action={`${path}/unselect`}>
          <Csrf page={page} />
          <button type="submit">{t('topics.unselect')}</button>
        </form>
      )}
      {topic.status === 'proposed' && (
        <form method="post" action={`${path}/delete`} class="stack">
          <h2>{t('topics.delete.title')}</h2>
          <Csrf page={page} />
          <p class="hint">{t('topics.delete.hint')}</p>
          <button type="submit">{t('topics.delete.submit')}</button>
        </form>
      )}
      {open && (
        <>
          <form method="post" action={`${path}/merge`} class="stack" novalidate>
            <h2>{t('topics.merge.title')}</h2>
            <Csrf page={page} />
            <Select
              name="into"
              label={t('topics.merge.into')}
              empty=""
              options={targets.map((r) => [r.id, `${r.title} (${t(`topics.status.${r.status}`)})`])}
              {...f}
            />
            <button type="submit">{t('topics.merge.submit')}</button>
          </form>
          <form method="post" action={`${path}/reject`} class="stack" novalidate>
            <h2>{t('topics.reject.title')}</h2>
            <Csrf page={page} />
            <Field
              name="reason"
              label={t('topics.reject.reason')}
              hint={t('topics.reject.hint')}
              rows={3}
              {...f}
            />
            <button type="submit">{t('topics.reject.submit')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
