import { inputErrorsOrThrow } from '../../../http/input-error';
import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { rateLimit } from '../../../http/rate-limit/rate-limit';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDateTime } from '../../../lib/format';
import { peopleCount } from '../../../lib/suppress';
import { Csrf, ErrorSummary, Field, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { Select } from '../../../views/select';
import { stakeholderGroups } from '../../network/schema';
import { findEdition } from '../../programme/index';
import { callState } from '../call-state';
import { proposeTopic } from '../propose-topic';
import { editionTimeZone, findTopicCall, publicTopics } from '../queries';
import { proposeForm } from '../topic-input';
import { TopicList } from '../views/topic-list';

async function publicEdition(c: Context<AppEnv>) {
  const edition = await findEdition(c.var.deps.db, c.req.param('slug') ?? '');
  if (!edition) throw new AppError('not_found');
  return edition;
}

async function topicsPage(c: Context<AppEnv>) {
  const { db } = c.var.deps;
  const edition = await publicEdition(c);
  const data = await publicTopics(db, edition.id);
  const zone = await editionTimeZone(db, edition.id);
  const state = callState(data.call);
  const page = pageOf(c);
  const { t, lang } = page;
  const title = t('topics.public.title', { edition: edition.name });
  const note = lang === 'en' ? (data.call?.noteEn ?? data.call?.noteEs) : data.call?.noteEs;
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={`/e/${edition.slug}`}>{edition.name}</a>
      </p>
      <h1>{title}</h1>
      {note && (
        <p class="notice" data-testid="topics-note">
          {note}
        </p>
      )}
      <h2>{t('topics.call.title')}</h2>
      {state.open ? (
        <p>
          {t('topics.call.openUntil', { date: formatDateTime(state.closesAt, lang, zone) })}{' '}
          <a href={`/e/${edition.slug}/topics/propose`}>{t('topics.propose.link')}</a>
        </p>
      ) : (
        <p>
          {state.reason === 'not_open_yet'
            ? t('topics.call.opensOn', { date: formatDateTime(state.opensAt!, lang, zone) })
            : state.reason === 'closed'
              ? t('topics.call.closed')
              : t('topics.call.none')}
        </p>
      )}
      <h2>{t('topics.public.how')}</h2>
      <p data-testid="topics-proposals">
        {t('topics.public.proposals', { count: data.proposals })}{' '}
        {data.merged > 0 && t('topics.public.merged', { count: data.merged })}{' '}
        {data.waiting > 0 && t('topics.public.waiting', { count: data.waiting })}
      </p>
      {data.byGroup.length > 0 && (
        <TableWrap label={t('topics.public.byGroup')}>
          <table>
            <caption>{t('topics.public.byGroup')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('topics.field.stakeholderGroup')}</th>
                <th scope="col">{t('topics.public.count')}</th>
              </tr>
            </thead>
            <tbody>
              {data.byGroup.map((g) => (
                <tr>
                  <th scope="row">{t(`network.group.${g.group}` as 'network.group.academia')}</th>
                  <td>{peopleCount(g.count, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p class="hint">{t('topics.public.suppressed')}</p>
      <h2>{t('topics.public.selected')}</h2>
      <TopicList page={page} topics={data.selected} empty={t('topics.public.noneSelected')} />
      <h2>{t('topics.public.shortlist')}</h2>
      <TopicList page={page} topics={data.shortlisted} empty={t('topics.public.noShortlist')} />
      {data.rejected.length > 0 && (
        <>
          <h2>{t('topics.public.rejected')}</h2>
          <TopicList page={page} topics={data.rejected} empty="" />
        </>
      )}
    </Layout>,
  );
}

async function proposePage(
  c: Context<AppEnv>,
  o: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const { db } = c.var.deps;
  const edition = await publicEdition(c);
  const state = callState(await findTopicCall(db, edition.id));
  const zone = await editionTimeZone(db, edition.id);
  const page = pageOf(c);
  const { t, lang } = page;
  const title = t('topics.propose.title', { edition: edition.name });
  const f = { values: o.values, errors: o.errors };
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={`/e/${edition.slug}/topics`}>
          {t('topics.public.title', { edition: edition.name })}
        </a>
      </p>
      <h1>{title}</h1>
      {!state.open ? (
        <p class="notice">
          {state.reason === 'not_open_yet'
            ? t('topics.call.opensOn', { date: formatDateTime(state.opensAt!, lang, zone) })
            : t('topics.call.notOpen')}
        </p>
      ) : (
        <>
          <p>{t('topics.propose.lead')}</p>
          <p class="hint">
            {t('topics.call.openUntil', { date: formatDateTime(state.closesAt, lang, zone) })}
          </p>
          <form method="post" action={`/e/${edition.slug}/topics/propose`} class="stack" novalidate>
            <Csrf page={page} />
            <ErrorSummary page={page} errors={o.errors} />
            <div class="hp" aria-hidden="true">
              <label for="f-website">{t('registration.honeypot')}</label>
              <input id="f-website" name="website" type="text" tabindex={-1} autocomplete="off" />
            </div>
            <Field name="title" label={t('topics.field.title')} required {...f} />
            <Field
              name="reason"
              label={t('topics.field.reason')}
              hint={t('topics.field.reasonHint')}
              rows={5}
              required
              {...f}
            />
            <Select
              name="stakeholderGroup"
              label={t('topics.field.stakeholderGroup')}
              required
              empty=""
              options={stakeholderGroups.map((g) => [g, t(`network.group.${g}`)])}
              {...f}
            />
            <Field
              name="proposerName"
              label={t('topics.field.proposerName')}
              hint={t('topics.field.proposerNameHint')}
              autocomplete="name"
              {...f}
            />
            <div class="field">
              <label>
                <input type="checkbox" name="namePublic" checked={o.values?.namePublic === 'on'} />{' '}
                {t('topics.field.namePublic')}
              </label>
            </div>
            <p class="hint">{t('topics.propose.privacy')}</p>
            <button type="submit">{t('topics.propose.submit')}</button>
          </form>
        </>
      )}
    </Layout>,
    o.errors ? 422 : 200,
  );
}

/**
 * `/e/{slug}/topics`: the edition's topics and how they were chosen; `/e/{slug}/topics/propose`:
 * the public call, no account and no JavaScript needed, with a honeypot and a rate limit.
 */
export const publicTopicRoutes = new Hono<AppEnv>()
  .get('/e/:slug/topics', access.anyone(), (c) => topicsPage(c))
  .get('/e/:slug/topics/propose', access.anyone(), (c) => proposePage(c))
  .post(
    '/e/:slug/topics/propose',
    access.anyone(),
    rateLimit({ name: 'propose-topic', limit: 10, windowSeconds: 600 }),
    async (c) => {
      const edition = await publicEdition(c);
      const form = await readForm(c, proposeForm);
      if (!form.ok) return proposePage(c, form);
      try {
        const { title, reason, stakeholderGroup, proposerName, namePublic } = form.data;
        const input = { title, reason, stakeholderGroup, proposerName, namePublic };
        await audited(
          c,
          (tx) =>
            proposeTopic(tx, {
              editionId: edition.id,
              origin: 'public',
              lang: c.var.lang,
              input,
              // Signed in, the proposal is linked to the account, so its owner can download and erase it.
              userId: c.var.user?.id ?? null,
            }),
          (topic) => ({
            action: 'topic.proposed',
            targetType: 'topic',
            targetId: topic.id,
            data: { editionId: edition.id, stakeholderGroup: topic.stakeholderGroup },
          }),
        );
      } catch (error) {
        return proposePage(c, {
          values: form.values,
          errors: inputErrorsOrThrow(c, error),
        });
      }
      setFlash(c, 'topics.propose.thanks');
      return c.redirect(`/e/${edition.slug}/topics`, 303);
    },
  );
