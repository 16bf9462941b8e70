import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from '../views/layout';
import { pageOf } from '../views/page';
import { databaseUnavailable } from './database-unavailable';
import { describeError } from './describe-error';
import { AppError, errorStatus, type ErrorCode } from './errors';
import { render } from './render';
import type { AppEnv } from './types';

const texts: Record<ErrorCode | 'server', { title: string; body: string }> = {
  not_found: { title: 'error.notFound.title', body: 'error.notFound.body' },
  forbidden: { title: 'error.forbidden.title', body: 'error.forbidden.body' },
  unauthenticated: { title: 'error.forbidden.title', body: 'error.unauthenticated.body' },
  csrf: { title: 'error.csrf.title', body: 'error.csrf.body' },
  rate_limited: { title: 'error.rateLimited.title', body: 'error.rateLimited.body' },
  invalid: { title: 'form.errorSummary', body: 'form.errorSummary' },
  bad_request: { title: 'error.badRequest.title', body: 'error.badRequest.body' },
  too_large: { title: 'error.tooLarge.title', body: 'error.tooLarge.body' },
  unsupported_type: { title: 'error.unsupportedType.title', body: 'error.unsupportedType.body' },
  unavailable: { title: 'error.unavailable.title', body: 'error.unavailable.body' },
  server: { title: 'error.server.title', body: 'error.server.body' },
} as const satisfies Record<string, { title: string; body: string }>;

async function errorPage(
  c: Context<AppEnv>,
  code: ErrorCode | 'server',
  status: ContentfulStatusCode,
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
  // Framework refusals (body too large, malformed JSON, wrong content type) are the caller's.
  const refused = err instanceof HTTPException ? refusalCode(err.status) : undefined;
  const canRender = (c.var.t as unknown) !== undefined;
  if (refused && canRender) return errorPage(c, refused, errorStatus[refused]);
  if (databaseUnavailable(err)) {
    c.var.deps?.log.warn('request.database_unavailable', {
      method: c.req.method,
      path: c.req.path,
      ...describeError(err),
    });
    if (canRender) {
      c.header('Cache-Control', 'no-store');
      return errorPage(c, 'unavailable', 503, 5);
    }
    return c.text('Servicio no disponible / Service unavailable', 503);
  }
  // Only the path: a query string or a failed query's parameters may carry personal data.
  c.var.deps?.log.error('request.failed', {
    method: c.req.method,
    path: c.req.path,
    ...describeError(err),
  });
  // Language and session middleware may not have run; fall back to plain defaults.
  if (!c.var.t) {
    return c.text('Error interno / Internal error', 500);
  }
  return errorPage(c, 'server', 500);
};

function refusalCode(status: number): ErrorCode | undefined {
  if (status === 413) return 'too_large';
  if (status === 415) return 'unsupported_type';
  if (status === 400) return 'bad_request';
  return undefined;
}
