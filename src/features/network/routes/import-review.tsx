import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { translateIssue } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { pageNumber } from '../../../lib/paging';
import { Csrf, Pagination } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { deleteImport, findImport, updateImport } from '../import/queries';
import { reviewRows, type RowReport } from '../import/review-rows';
import { defaultDecision, runImport } from '../import/run-import';
import { importTargets, type PeopleImport, type RowDecision } from '../import/schema';
import { networkPermissions } from '../permissions';
import { MappingForm } from './import-upload';

const manage = () => access.initiative(networkPermissions.managePeople);
const PER_PAGE = 50;
const SHOW = ['all', 'errors', 'duplicates'] as const;

async function loadImport(c: Context<AppEnv>): Promise<PeopleImport> {
  const imp = await findImport(c.var.deps.db, {
    id: c.req.param('id') ?? '',
    initiativeId: c.var.initiative.id,
  });
  if (!imp) throw new AppError('not_found');
  return imp;
}

const hasErrors = (r: RowReport) => Object.keys(r.errors).length > 0;

function RowCard(props: { c: Context<AppEnv>; imp: PeopleImport; r: RowReport }) {
  const { t } = props.c.var;
  const { r, imp } = props;
  const slug = props.c.var.initiative.slug;
  const decision = imp.decisions[String(r.index)] ?? defaultDecision(r);
  return (
    <li class={hasErrors(r) ? 'card has-error' : 'card'}>
      <p>
        <strong>{t('import.review.row', { row: r.index + 2 })}</strong> — {r.values.name ?? '—'}
      </p>
      {hasErrors(r) ? (
        <ul>
          {Object.entries(r.errors).map(([target, message]) => (
            <li class="error">
              {t(`import.target.${target as (typeof importTargets)[number]}`)}: «
              {r.values[target as (typeof importTargets)[number]] ?? ''}» —{' '}
              {translateIssue(t, message)}
            </li>
          ))}
        </ul>
      ) : r.duplicate ? (
        <div class="field">
          <p>
            {t(
              r.duplicate.reason === 'email'
                ? 'import.review.duplicateEmail'
                : 'import.review.duplicateName',
              { name: r.duplicate.name },
            )}
          </p>
          <label for={`d-${r.index}`}>{t('import.review.decision')}</label>
          <select id={`d-${r.index}`} name={`d-${r.index}`}>
            <option value={`link:${r.duplicate.personId}`} selected={decision.startsWith('link:')}>
              {t('import.review.decision.link')}
            </option>
            {r.duplicate.reason !== 'email' && (
              <option value="create" selected={decision === 'create'}>
                {t('import.review.decision.create')}
              </option>
            )}
            <option value="skip" selected={decision === 'skip'}>
              {t('import.review.decision.skip')}
            </option>
          </select>
        </div>
      ) : (
        <p>
          {t('import.review.ok')}
          {r.institution && 'create' in r.institution && (
            <> · {t('import.review.newInstitution', { name: r.institution.create.name })}</>
          )}
        </p>
      )}
      <p>
        <a href={`/i/${slug}/imports/${imp.id}/rows/${r.index}`}>{t('import.review.fix')}</a>
      </p>
    </li>
  );
}

async function reviewPage(c: Context<AppEnv>, imp: PeopleImport) {
  const page = pageOf(c);
  const { t } = page;
  const slug = c.var.initiative.slug;
  const report = await reviewRows(c.var.deps.db, imp);
  const show = SHOW.find((s) => s === c.req.query('show')) ?? 'all';
  const shown = report.filter((r) =>
    show === 'errors'
      ? hasErrors(r)
      : show === 'duplicates'
        ? Boolean(r.duplicate) && !hasErrors(r)
        : true,
  );
  const current = pageNumber(c.req.query('page'));
  const slice = shown.slice((current - 1) * PER_PAGE, current * PER_PAGE);
  const errors = report.filter(hasErrors).length;
  const duplicates = report.filter((r) => r.duplicate && !hasErrors(r)).length;
  const toImport = report.filter(
    (r) => r.person && (imp.decisions[String(r.index)] ?? defaultDecision(r)) !== 'skip',
  ).length;
  return render(
    c,
    <Layout page={page} title={t('import.review.title')}>
      <h1>{t('import.review.title')}</h1>
      <p>{imp.filename}</p>
      <p role="status">
        {t('import.review.summary', {
          total: report.length,
          ok: report.length - errors - duplicates,
          errors,
          duplicates,
        })}
      </p>
      <p>{t('import.review.nothingWritten')}</p>
      <form method="get" action={`/i/${slug}/imports/${imp.id}`} class="filters">
        <label for="f-show">{t('import.review.show')}</label>
        <select id="f-show" name="show">
          {SHOW.map((s) => (
            <option value={s} selected={s === show}>
              {t(`import.review.show.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('network.filter')}</button>
      </form>
      <form method="post" action={`/i/${slug}/imports/${imp.id}/decisions`}>
        <Csrf page={page} />
        <input type="hidden" name="show" value={show} />
        <input type="hidden" name="page" value={String(current)} />
        <ol class="cards">
          {slice.map((r) => (
            <RowCard c={c} imp={imp} r={r} />
          ))}
        </ol>
        {slice.some((r) => r.duplicate && !hasErrors(r)) && (
          <button type="submit" class="secondary">
            {t('import.review.saveDecisions')}
          </button>
        )}
      </form>
      <Pagination
        page={page}
        current={current}
        total={shown.length}
        perPage={PER_PAGE}
        query={{ show }}
      />
      <form method="post" action={`/i/${slug}/imports/${imp.id}/confirm`} class="stack">
        <Csrf page={page} />
        <button type="submit" disabled={toImport === 0}>
          {t('import.review.confirm', { count: toImport })}
        </button>
      </form>
      <p>
        <a href={`/i/${slug}/imports/${imp.id}?remap=1`}>{t('import.review.remap')}</a>
      </p>
      <form method="post" action={`/i/${slug}/imports/${imp.id}/cancel`}>
        <Csrf page={page} />
        <button type="submit" class="danger">
          {t('import.review.cancel')}
        </button>
      </form>
    </Layout>,
  );
}

function statusPage(c: Context<AppEnv>, imp: PeopleImport) {
  const page = pageOf(c);
  const { t } = page;
  const total = imp.rows.length;
  const slug = c.var.initiative.slug;
  const title =
    imp.status === 'importing'
      ? t('import.progress.title')
      : imp.status === 'done'
        ? t('import.done.title')
        : t('import.failed.title');
  return render(
    c,
    <Layout page={page} title={title} refreshSeconds={imp.status === 'importing' ? 2 : undefined}>
      <h1>{title}</h1>
      <p>{imp.filename}</p>
      {imp.status === 'importing' && (
        <>
          <progress
            max={total}
            value={imp.done}
            aria-label={title}
          >{`${imp.done}/${total}`}</progress>
          <p role="status">{t('import.progress.body', { done: imp.done, total })}</p>
        </>
      )}
      {imp.status === 'done' && (
        <p role="status">
          {t('import.done.body', {
            created: imp.created,
            linked: imp.linked,
            skipped: imp.skipped,
          })}
        </p>
      )}
      {imp.status === 'failed' && (
        <p role="alert">{t('import.failed.body', { done: imp.done, total })}</p>
      )}
      <p>
        <a href={`/i/${slug}/people`}>
          {t('network.people.title', { name: c.var.initiative.name })}
        </a>
      </p>
    </Layout>,
  );
}

export const importReviewRoutes = new Hono<AppEnv>()
  .get('/i/:slug/imports/:id', manage(), async (c) => {
    const imp = await loadImport(c);
    if (imp.status === 'mapping' || (imp.status === 'review' && c.req.query('remap')))
      return render(c, <MappingForm c={c} imp={imp} />);
    if (imp.status === 'review') return reviewPage(c, imp);
    return statusPage(c, imp);
  })
  .post('/i/:slug/imports/:id/decisions', manage(), async (c) => {
    const imp = await loadImport(c);
    if (imp.status !== 'review') throw new AppError('not_found');
    const body = await c.req.parseBody();
    const decisions = { ...imp.decisions };
    for (const [name, value] of Object.entries(body)) {
      const m = /^d-(\d+)$/.exec(name);
      if (!m || typeof value !== 'string' || Number(m[1]) >= imp.rows.length) continue;
      if (value === 'skip' || value === 'create' || /^link:[0-9a-f-]{36}$/.test(value))
        decisions[m[1]!] = value as RowDecision;
    }
    await updateImport(c.var.deps.db, imp.id, { decisions });
    setFlash(c, 'import.review.decisionsSaved');
    const show = typeof body.show === 'string' ? body.show : 'all';
    const page = typeof body.page === 'string' ? body.page : '1';
    return c.redirect(
      `/i/${c.var.initiative.slug}/imports/${imp.id}?show=${encodeURIComponent(show)}&page=${encodeURIComponent(page)}`,
      303,
    );
  })
  .post('/i/:slug/imports/:id/confirm', manage(), async (c) => {
    const imp = await loadImport(c);
    if (imp.status !== 'review') throw new AppError('not_found');
    await audited(c, (tx) => updateImport(tx, imp.id, { status: 'importing' }), {
      action: 'people.import_confirmed',
      targetType: 'import',
      targetId: imp.id,
      data: { rows: imp.rows.length },
    });
    const { db, log } = c.var.deps;
    void runImport(db, { importId: imp.id }).catch((error: unknown) =>
      log.error('import.failed', { id: imp.id, error: String(error) }),
    );
    return c.redirect(`/i/${c.var.initiative.slug}/imports/${imp.id}`, 303);
  })
  .post('/i/:slug/imports/:id/cancel', manage(), async (c) => {
    const imp = await loadImport(c);
    if (!['mapping', 'review'].includes(imp.status)) throw new AppError('not_found');
    await audited(c, (tx) => deleteImport(tx, imp.id), {
      action: 'people.import_discarded',
      targetType: 'import',
      targetId: imp.id,
    });
    setFlash(c, 'import.review.cancelled');
    return c.redirect(`/i/${c.var.initiative.slug}/people/import`, 303);
  });
