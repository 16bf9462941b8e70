import type { AuditAction } from '../../../core/audit/actions';
import { isUuid } from '../../../lib/uuid';
import { inputErrorsOrThrow } from '../../../http/input-error';
import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audit } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { isoInZone } from '../../../lib/format';
import { Csrf, ErrorSummary, Field, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { managedEdition, manageBase } from '../../programme/index';
import { deleteTopic } from '../delete-topic';
import { forgetProposer } from '../forget-proposer';
import { mergeTopic } from '../merge-topic';
import { topicPermissions } from '../permissions';
import { editionTimeZone, findTopicCall, listTopics, type TopicRow } from '../queries';
import { rejectTopic } from '../reject-topic';
import { saveTopicCall } from '../save-topic-call';
import { selectTopic } from '../select-topic';
import { setTopicVote } from '../set-topic-vote';
import { shortlistTopic } from '../shortlist-topic';
import { proposeTopic } from '../propose-topic';
import {
  callForm,
  committeeTopicForm,
  mergeForm,
  rejectForm,
  selectForm,
  TRACK_NAME_MAX,
} from '../topic-input';
import { unselectTopic } from '../unselect-topic';

const reviewers = () => access.initiative(topicPermissions.reviewTopics);
type Form = { values?: FormValues; errors?: FieldErrors };

async function topicsContext(c: Context<AppEnv>) {
  const edition = await managedEdition(c);
  return { edition, base: `${manageBase(c, edition.slug)}/topics` };
}

function topicErrors(c: Context<AppEnv>, e: unknown): FieldErrors {
  return inputErrorsOrThrow(c, e);
}

const local = (d: Date | null | undefined, zone: string) =>
  d ? isoInZone(d, zone).slice(0, 16) : '';

function StatusText(props: { page: Page; topic: TopicRow }) {
  const { t } = props.page;
  return <span data-status={props.topic.status}>{t(`topics.status.${props.topic.status}`)}</span>;
}

async function listPage(c: Context<AppEnv>, o: Form = {}) {
  const { db } = c.var.deps;
  const { edition, base } = await topicsContext(c);
  const zone = await editionTimeZone(db, edition.id);
  const call = await findTopicCall(db, edition.id);
  const rows = await listTopics(db, { editionId: edition.id, userId: c.var.user?.id });
  const page = pageOf(c);
  const { t } = page;
  const title = t('topics.manage.title', { edition: edition.name });
  const values = o.values ?? {
    opensAt: local(call?.opensAt, zone),
    closesAt: local(call?.closesAt, zone),
    noteEs: call?.noteEs ?? '',
    noteEn: call?.noteEn ?? '',
  };
  const f = { values, errors: o.errors };
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={manageBase(c, edition.slug)}>{edition.name}</a> ·{' '}
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
        <ErrorSummary page={page} errors={o.errors} />
        <p class="hint">{t('topics.call.zone', { zone })}</p>
        <div class="row">
          <Field name="opensAt" type="datetime-local" label={t('topics.call.opensAt')} {...f} />
          <Field name="closesAt" type="datetime-local" label={t('topics.call.closesAt')} {...f} />
        </div>
        <Field name="noteEs" label={t('topics.call.noteEs')} rows={3} {...f} />
        <Field name="noteEn" label={t('topics.call.noteEn')} rows={3} {...f} />
        <button type="submit">{t('common.save')}</button>
      </form>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function newTopicPage(c: Context<AppEnv>, o: Form = {}) {
  const { edition, base } = await topicsContext(c);
  const page = pageOf(c);
  const { t } = page;
  const f = { values: o.values, errors: o.errors };
  return render(
    c,
    <Layout page={page} title={t('topics.committee.add')}>
      <p>
        <a href={base}>{t('topics.manage.title', { edition: edition.name })}</a>
      </p>
      <h1>{t('topics.committee.add')}</h1>
      <p>{t('topics.committee.lead')}</p>
      <form method="post" action={`${base}/new`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        <Field name="title" label={t('topics.field.title')} required {...f} />
        <Field name="reason" label={t('topics.committee.reason')} rows={4} {...f} />
        <button type="submit">{t('topics.committee.submit')}</button>
      </form>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function loadTopic(c: Context<AppEnv>) {
  const ctx = await topicsContext(c);
  const id = c.req.param('topic') ?? '';
  const all = await listTopics(c.var.deps.db, {
    editionId: ctx.edition.id,
    userId: c.var.user?.id,
  });
  const topic = isUuid(id) ? all.find((r) => r.id === id) : undefined;
  if (!topic) throw new AppError('not_found');
  return { ...ctx, topic, all };
}

async function topicPage(c: Context<AppEnv>, o: Form = {}) {
  const { edition, base, topic, all } = await loadTopic(c);
  const page = pageOf(c);
  const { t } = page;
  const path = `${base}/${topic.id}`;
  const f = { values: o.values, errors: o.errors };
  const open = topic.status === 'proposed' || topic.status === 'shortlisted';
  const targets = all.filter(
    (r) => r.id !== topic.id && r.status !== 'rejected' && r.status !== 'merged',
  );
  return render(
    c,
    <Layout page={page} title={topic.title}>
      <p>
        <a href={base}>{t('topics.manage.title', { edition: edition.name })}</a>
      </p>
      <h1>{topic.title}</h1>
      <ErrorSummary page={page} errors={o.errors} />
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
                typeof o.values?.trackName === 'string'
                  ? o.values.trackName
                  : topic.title.slice(0, TRACK_NAME_MAX)
              }
              errors={o.errors}
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
    </Layout>,
    o.errors ? 422 : 200,
  );
}

/** Runs one decision on the topic in the URL, audit-logs it and goes back to the topic. */
async function decide(
  c: Context<AppEnv>,
  action: AuditAction,
  run: (o: { editionId: string; topicId: string }) => Promise<unknown>,
  o: { values?: FormValues; data?: Record<string, unknown>; flash: Parameters<typeof setFlash>[1] },
) {
  const { edition, base, topic } = await loadTopic(c);
  try {
    const done = await run({ editionId: edition.id, topicId: topic.id });
    if (!done) throw new AppError('not_found');
  } catch (e) {
    return topicPage(c, { values: o.values, errors: topicErrors(c, e) });
  }
  await audit(c, action, { targetType: 'topic', targetId: topic.id, data: o.data ?? {} });
  setFlash(c, o.flash);
  return c.redirect(`${base}/${topic.id}`, 303);
}

/** The committee's pages: `/i/{slug}/editions/{edition}/topics…` (coordinators and organisers). */
export const manageTopicRoutes = new Hono<AppEnv>()
  .get('/i/:slug/editions/:edition/topics', reviewers(), (c) => listPage(c))
  .post('/i/:slug/editions/:edition/topics/call', reviewers(), async (c) => {
    const { edition, base } = await topicsContext(c);
    const zone = await editionTimeZone(c.var.deps.db, edition.id);
    const form = await readForm(c, callForm(zone));
    if (!form.ok) return listPage(c, form);
    await saveTopicCall(c.var.deps.db, { editionId: edition.id, input: form.data });
    await audit(c, 'topic.call_saved', {
      targetType: 'edition',
      targetId: edition.id,
      data: {
        opensAt: form.data.opensAt?.toISOString() ?? null,
        closesAt: form.data.closesAt?.toISOString() ?? null,
      },
    });
    setFlash(c, 'topics.call.saved');
    return c.redirect(base, 303);
  })
  .get('/i/:slug/editions/:edition/topics/new', reviewers(), (c) => newTopicPage(c))
  .post('/i/:slug/editions/:edition/topics/new', reviewers(), async (c) => {
    const { edition, base } = await topicsContext(c);
    const form = await readForm(c, committeeTopicForm);
    if (!form.ok) return newTopicPage(c, form);
    const topic = await proposeTopic(c.var.deps.db, {
      editionId: edition.id,
      origin: 'committee',
      lang: c.var.lang,
      userId: c.var.user!.id,
      input: { ...form.data, stakeholderGroup: null, proposerName: null, namePublic: false },
    });
    await audit(c, 'topic.proposed', {
      targetType: 'topic',
      targetId: topic.id,
      data: { editionId: edition.id, origin: 'committee' },
    });
    setFlash(c, 'topics.committee.saved');
    return c.redirect(`${base}/${topic.id}`, 303);
  })
  .get('/i/:slug/editions/:edition/topics/:topic', reviewers(), (c) => topicPage(c))
  .post('/i/:slug/editions/:edition/topics/:topic/shortlist', reviewers(), (c) =>
    decide(c, 'topic.shortlisted', (o) => shortlistTopic(c.var.deps.db, o), {
      flash: 'topics.shortlisted',
    }),
  )
  .post('/i/:slug/editions/:edition/topics/:topic/delete', reviewers(), async (c) => {
    const { edition, base, topic } = await loadTopic(c);
    try {
      await deleteTopic(c.var.deps.db, { editionId: edition.id, topicId: topic.id });
    } catch (e) {
      return topicPage(c, { errors: topicErrors(c, e) });
    }
    await audit(c, 'topic.deleted', {
      targetType: 'topic',
      targetId: topic.id,
      data: { title: topic.title, origin: topic.origin },
    });
    setFlash(c, 'topics.delete.done');
    return c.redirect(base, 303);
  })
  .post('/i/:slug/editions/:edition/topics/:topic/forget-proposer', reviewers(), (c) =>
    decide(c, 'topic.proposer_forgotten', (o) => forgetProposer(c.var.deps.db, o), {
      flash: 'topics.forget.done',
    }),
  )
  .post('/i/:slug/editions/:edition/topics/:topic/unselect', reviewers(), (c) =>
    decide(c, 'topic.unselected', (o) => unselectTopic(c.var.deps.db, o), {
      flash: 'topics.unselected',
    }),
  )
  .post('/i/:slug/editions/:edition/topics/:topic/vote', reviewers(), async (c) => {
    const body = await c.req.parseBody();
    const vote = body.vote !== 'no';
    return decide(
      c,
      vote ? 'topic.vote_cast' : 'topic.vote_withdrawn',
      (o) => setTopicVote(c.var.deps.db, { ...o, userId: c.var.user!.id, vote }),
      { flash: vote ? 'topics.vote.cast.done' : 'topics.vote.withdrawn' },
    );
  })
  .post('/i/:slug/editions/:edition/topics/:topic/reject', reviewers(), async (c) => {
    const form = await readForm(c, rejectForm);
    if (!form.ok) return topicPage(c, form);
    return decide(c, 'topic.rejected', (o) => rejectTopic(c.var.deps.db, { ...o, ...form.data }), {
      values: form.values,
      data: { reason: form.data.reason },
      flash: 'topics.rejected',
    });
  })
  .post('/i/:slug/editions/:edition/topics/:topic/merge', reviewers(), async (c) => {
    const form = await readForm(c, mergeForm);
    if (!form.ok) return topicPage(c, form);
    return decide(
      c,
      'topic.merged',
      (o) => mergeTopic(c.var.deps.db, { ...o, intoId: form.data.into }),
      { values: form.values, data: { into: form.data.into }, flash: 'topics.merged' },
    );
  })
  .post('/i/:slug/editions/:edition/topics/:topic/select', reviewers(), async (c) => {
    const form = await readForm(c, selectForm);
    if (!form.ok) return topicPage(c, form);
    return decide(c, 'topic.selected', (o) => selectTopic(c.var.deps.db, { ...o, ...form.data }), {
      values: form.values,
      data: { trackName: form.data.trackName },
      flash: 'topics.selected',
    });
  });
