import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { Layout } from '../views/layout';
import { pageOf } from '../views/page';
import { AppError, type ErrorCode } from './errors';
import { render } from './render';
import type { AppEnv } from './types';

const texts: Record<ErrorCode | 'server', { title: string; body: string }> = {
  not_found: { title: 'error.notFound.title', body: 'error.notFound.body' },
  forbidden: { title: 'error.forbidden.title', body: 'error.forbidden.body' },
  unauthenticated: { title: 'error.forbidden.title', body: 'error.unauthenticated.body' },
  csrf: { title: 'error.csrf.title', body: 'error.csrf.body' },
  rate_limited: { title: 'error.rateLimited.title', body: 'error.rateLimited.body' },
  invalid: { title: 'form.errorSummary', body: 'form.errorSummary' },
  server: { title: 'error.server.title', body: 'error.server.body' },
} as const satisfies Record<string, { title: string; body: string }>;

async function errorPage(
  c: Context<AppEnv>,
  code: ErrorCode | 'server',
  status: 401 | 403 | 404 | 422 | 429 | 500,
  retryAfter?: number,
  fields?: Record<string, string>,
) {
  if (retryAfter) c.header('Retry-After', String(retryAfter));
  if (c.req.path.startsWith('/api/')) {
    return c.json(
      {
        error: {
          code,
          message: c.var.t(texts[code].body as never, { seconds: retryAfter ?? 0 }),
          ...(fields ? { fields } : {}),
        },
      },
      status,
    );
  }
  const page = pageOf(c);
  const { t } = page;
  return render(
    c,
    <Layout page={page} title={t(texts[code].title as never)}>
      <h1>{t(texts[code].title as never)}</h1>
      <p>{t(texts[code].body as never, { seconds: retryAfter ?? 0 })}</p>
      {code === 'unauthenticated' ? (
        <p>
          <a href="/sign-in">{t('nav.signIn')}</a>
        </p>
      ) : (
        <p>
          <a href="/">{t('error.backHome')}</a>
        </p>
      )}
    </Layout>,
    status,
  );
}

export const notFound: NotFoundHandler<AppEnv> = (c) => errorPage(c, 'not_found', 404);

export const handleError: ErrorHandler<AppEnv> = async (err, c) => {
  if (err instanceof AppError) {
    const next = (err as AppError & { signInNext?: string }).signInNext;
    if (err.code === 'unauthenticated' && next) {
      return c.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
    }
    return errorPage(c, err.code, err.status, err.details.retryAfterSeconds, err.details.fields);
  }
  c.var.deps?.log.error('request.failed', {
    method: c.req.method,
    path: c.req.path,
    error: err instanceof Error ? err.message : String(err),
    stack: err instanceof Error ? err.stack : undefined,
  });
  // Language and session middleware may not have run; fall back to plain defaults.
  if (!c.var.t) {
    return c.text('Error interno / Internal error', 500);
  }
  return errorPage(c, 'server', 500);
};
