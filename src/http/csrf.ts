import type { Context, MiddlewareHandler } from 'hono';
import { hmac, randomToken, safeEqual } from '../lib/crypto';
import { readCookie, writeCookie } from './cookies';
import { AppError } from './errors';
import type { AppEnv } from './types';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Signed double-submit CSRF protection. The browser keeps a random HttpOnly cookie; forms carry
 * HMAC(secret, cookie) in `_csrf` (or the `X-CSRF-Token` header). A cross-site Origin is refused.
 * API calls with a bearer token, or without a session cookie, are exempt (the API takes tokens only).
 */
export const csrf = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const secret = c.var.deps.secret;
  let raw = readCookie(c, 'csrf');
  const hadCookie = raw !== undefined && TOKEN_SHAPE.test(raw);
  if (!hadCookie) {
    raw = randomToken();
    writeCookie(c, 'csrf', raw);
  }
  const expected = hmac(secret, raw!);
  c.set('csrfToken', expected);

  if (SAFE.has(c.req.method)) return next();
  // `/api/` authenticates by bearer token only: a call with a token, or with no session cookie to
  // abuse, goes on to the API's own check (401 without a token) instead of a CSRF refusal.
  if (
    c.req.path.startsWith('/api/') &&
    (/^Bearer\s/i.test(c.req.header('authorization') ?? '') || !readCookie(c, 'session'))
  )
    return next();

  const origin = c.req.header('origin');
  if (origin && origin !== 'null' && !sameHost(c, origin)) throw new AppError('csrf');

  let sent = c.req.header('x-csrf-token');
  if (!sent) {
    const type = c.req.header('content-type') ?? '';
    if (
      type.startsWith('application/x-www-form-urlencoded') ||
      type.startsWith('multipart/form-data')
    ) {
      const body = await c.req.parseBody();
      sent = typeof body['_csrf'] === 'string' ? body['_csrf'] : undefined;
    }
  }
  if (!hadCookie || !sent || !safeEqual(sent, expected)) {
    c.var.deps.log.warn('csrf.rejected', { path: c.req.path });
    throw new AppError('csrf');
  }
  await next();
};

function sameHost(c: Context<AppEnv>, origin: string): boolean {
  try {
    const host = new URL(origin).host;
    return host === c.req.header('host') || host === new URL(c.var.deps.env.publicUrl).host;
  } catch {
    return false;
  }
}

/** Issues a fresh CSRF cookie and token (at sign-in and sign-out). */
export function rotateCsrf(c: Context<AppEnv>): void {
  const raw = randomToken();
  writeCookie(c, 'csrf', raw);
  c.set('csrfToken', hmac(c.var.deps.secret, raw));
}
