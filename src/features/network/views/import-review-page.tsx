import { translateIssue } from '../../../http/form';
import { Csrf, Pagination } from '../../../views/components';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import type { RowReport } from '../import/review-rows';
import { defaultDecision } from '../import/run-import';
import type { importTargets, PeopleImport } from '../import/schema';

/** Rows shown on one page of the review. */
export const PER_PAGE = 50;
/** Which rows the review shows. */
export const SHOW = ['all', 'errors', 'duplicates'] as const;
export type ReviewShow = (typeof SHOW)[number];

const hasErrors = (r: RowReport) => Object.keys(r.errors).length > 0;

function RowCard(props: { page: Page; slug: string; imp: PeopleImport; r: RowReport }) {
  const { t } = props.page;
  const { r, imp, slug } = props;
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

/**
 * The review of an import before anything is written: a summary, the rows shown (all, with
 * errors, or duplicates) a page at a time with the decision on each duplicate, and the confirm,
 * remap and cancel actions.
 *
 * @example
 * <ImportReviewPage page={page} slug={slug} imp={imp} report={await reviewRows(db, imp)} show="all" current={1} />
 */
export function ImportReviewPage(props: {
  page: Page;
  slug: string;
  imp: PeopleImport;
  report: RowReport[];
  show: ReviewShow;
  current: number;
}) {
  const { page, slug, imp, report, show, current } = props;
  const { t } = page;
  const shown = report.filter((r) =>
    show === 'errors'
      ? hasErrors(r)
      : show === 'duplicates'
        ? Boolean(r.duplicate) && !hasErrors(r)
        : true,
  );
  const slice = shown.slice((current - 1) * PER_PAGE, current * PER_PAGE);
  const errors = report.filter(hasErrors).length;
  const duplicates = report.filter((r) => r.duplicate && !hasErrors(r)).length;
  const toImport = report.filter(
    (r) => r.person && (imp.decisions[String(r.index)] ?? defaultDecision(r)) !== 'skip',
  ).length;
  return (
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
            <RowCard page={page} slug={slug} imp={imp} r={r} />
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
    </Layout>
  );
}

/**
 * An import's progress while it is written, then its result (or its failure).
 *
 * @example
 * <ImportStatusPage page={page} slug={slug} initiativeName={name} imp={imp} />
 */
export function ImportStatusPage(props: {
  page: Page;
  slug: string;
  initiativeName: string;
  imp: PeopleImport;
}) {
  const { page, slug, imp } = props;
  const { t } = page;
  const total = imp.rows.length;
  const title =
    imp.status === 'importing'
      ? t('import.progress.title')
      : imp.status === 'done'
        ? t('import.done.title')
        : t('import.failed.title');
  return (
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
          {t('network.people.title', { name: props.initiativeName })}
        </a>
      </p>
    </Layout>
  );
}
