import type { AuditAction } from '../../../core/audit/actions';
import { isUuid } from '../../../lib/uuid';
import { inputErrorsOrThrow } from '../../../http/input-error';
import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import type { Db } from '../../../db/client';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { isoInZone } from '../../../lib/format';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { managedEdition, manageBase } from '../../programme/index';
import { deleteTopic } from '../delete-topic';
import { forgetProposer } from '../forget-proposer';
import { mergeTopic } from '../merge-topic';
import { topicPermissions } from '../permissions';
import { editionTimeZone, findTopicCall, listTopics } from '../queries';
import { rejectTopic } from '../reject-topic';
import { saveTopicCall } from '../save-topic-call';
import { selectTopic } from '../select-topic';
import { setTopicVote } from '../set-topic-vote';
import { shortlistTopic } from '../shortlist-topic';
import { proposeTopic } from '../propose-topic';
import { callForm, committeeTopicForm, mergeForm, rejectForm, selectForm } from '../topic-input';
import { unselectTopic } from '../unselect-topic';
import { TopicsManageView, TopicView } from '../views/manage-topics-view';

const reviewers = () => access.initiative(topicPermissions.reviewTopics);
type Form = { values?: FormValues; errors?: FieldErrors };

async function topicsContext(c: Context<AppEnv>) {
  const edition = await managedEdition(c);
  return { edition, base: `${manageBase(c, edition.slug)}/topics` };
}

const local = (d: Date | null | undefined, zone: string) =>
  d ? isoInZone(d, zone).slice(0, 16) : '';

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
  const home = manageBase(c, edition.slug);
  return render(
    c,
    <TopicsManageView
      page={page}
      title={title}
      edition={edition}
      home={home}
      base={base}
      rows={rows}
      zone={zone}
      values={values}
      errors={o.errors}
    />,
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
  const targets = all.filter(
    (r) => r.id !== topic.id && r.status !== 'rejected' && r.status !== 'merged',
  );
  return render(
    c,
    <TopicView
      page={page}
      edition={edition}
      base={base}
      topic={topic}
      targets={targets}
      values={o.values}
      errors={o.errors}
    />,
    o.errors ? 422 : 200,
  );
}

/** Runs one decision on the topic in the URL, audit-logs it and goes back to the topic. */
async function decide(
  c: Context<AppEnv>,
  action: AuditAction,
  run: (tx: Db, o: { editionId: string; topicId: string }) => Promise<unknown>,
  o: { values?: FormValues; data?: Record<string, unknown>; flash: Parameters<typeof setFlash>[1] },
) {
  const { edition, base, topic } = await loadTopic(c);
  try {
    const done = await audited(
      c,
      (tx) => run(tx, { editionId: edition.id, topicId: topic.id }),
      (done) =>
        done ? { action, targetType: 'topic', targetId: topic.id, data: o.data ?? {} } : null,
    );
    if (!done) throw new AppError('not_found');
  } catch (e) {
    return topicPage(c, { values: o.values, errors: inputErrorsOrThrow(c, e) });
  }
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
    await audited(c, (tx) => saveTopicCall(tx, { editionId: edition.id, input: form.data }), {
      action: 'topic.call_saved',
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
    const topic = await audited(
      c,
      (tx) =>
        proposeTopic(tx, {
          editionId: edition.id,
          origin: 'committee',
          lang: c.var.lang,
          userId: c.var.user!.id,
          input: { ...form.data, stakeholderGroup: null, proposerName: null, namePublic: false },
        }),
      (topic) => ({
        action: 'topic.proposed',
        targetType: 'topic',
        targetId: topic.id,
        data: { editionId: edition.id, origin: 'committee' },
      }),
    );
    setFlash(c, 'topics.committee.saved');
    return c.redirect(`${base}/${topic.id}`, 303);
  })
  .get('/i/:slug/editions/:edition/topics/:topic', reviewers(), (c) => topicPage(c))
  .post('/i/:slug/editions/:edition/topics/:topic/shortlist', reviewers(), (c) =>
    decide(c, 'topic.shortlisted', (tx, o) => shortlistTopic(tx, o), {
      flash: 'topics.shortlisted',
    }),
  )
  .post('/i/:slug/editions/:edition/topics/:topic/delete', reviewers(), async (c) => {
    const { edition, base, topic } = await loadTopic(c);
    try {
      await audited(c, (tx) => deleteTopic(tx, { editionId: edition.id, topicId: topic.id }), {
        action: 'topic.deleted',
        targetType: 'topic',
        targetId: topic.id,
        data: { title: topic.title, origin: topic.origin },
      });
    } catch (e) {
      return topicPage(c, { errors: inputErrorsOrThrow(c, e) });
    }
    setFlash(c, 'topics.delete.done');
    return c.redirect(base, 303);
  })
  .post('/i/:slug/editions/:edition/topics/:topic/forget-proposer', reviewers(), (c) =>
    decide(c, 'topic.proposer_forgotten', (tx, o) => forgetProposer(tx, o), {
      flash: 'topics.forget.done',
    }),
  )
  .post('/i/:slug/editions/:edition/topics/:topic/unselect', reviewers(), (c) =>
    decide(c, 'topic.unselected', (tx, o) => unselectTopic(tx, o), {
      flash: 'topics.unselected',
    }),
  )
  .post('/i/:slug/editions/:edition/topics/:topic/vote', reviewers(), async (c) => {
    const body = await c.req.parseBody();
    const vote = body.vote !== 'no';
    return decide(
      c,
      vote ? 'topic.vote_cast' : 'topic.vote_withdrawn',
      (tx, o) => setTopicVote(tx, { ...o, userId: c.var.user!.id, vote }),
      { flash: vote ? 'topics.vote.cast.done' : 'topics.vote.withdrawn' },
    );
  })
  .post('/i/:slug/editions/:edition/topics/:topic/reject', reviewers(), async (c) => {
    const form = await readForm(c, rejectForm);
    if (!form.ok) return topicPage(c, form);
    return decide(c, 'topic.rejected', (tx, o) => rejectTopic(tx, { ...o, ...form.data }), {
      values: form.values,
      data: { reason: form.data.reason },
      flash: 'topics.rejected',
    });
  })
  .post('/i/:slug/editions/:edition/topics/:topic/merge', reviewers(), async (c) => {
    const form = await readForm(c, mergeForm);
    if (!form.ok) return topicPage(c, form);
    return decide(c, 'topic.merged', (tx, o) => mergeTopic(tx, { ...o, intoId: form.data.into }), {
      values: form.values,
      data: { into: form.data.into },
      flash: 'topics.merged',
    });
  })
  .post('/i/:slug/editions/:edition/topics/:topic/select', reviewers(), async (c) => {
    const form = await readForm(c, selectForm);
    if (!form.ok) return topicPage(c, form);
    return decide(c, 'topic.selected', (tx, o) => selectTopic(tx, { ...o, ...form.data }), {
      values: form.values,
      data: { trackName: form.data.trackName },
      flash: 'topics.selected',
    });
  });
