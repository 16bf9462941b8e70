import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isHttps } from './client-ip';
import type { AppEnv } from './types';

/**
 * Cookies are HttpOnly and SameSite=Lax; over HTTPS they are Secure and `__Host-` prefixed.
 *
 * @example
 * writeCookie(c, 'lang', 'en', { maxAge: 31536000 });
 */
export function cookieName(c: Context<AppEnv>, base: string): string {
  return isHttps(c) ? `__Host-convoca_${base}` : `convoca_${base}`;
}

export function readCookie(c: Context<AppEnv>, base: string): string | undefined {
  return getCookie(c, cookieName(c, base));
}

export function writeCookie(
  c: Context<AppEnv>,
  base: string,
  value: string,
  opts: { maxAge?: number } = {},
) {
  setCookie(c, cookieName(c, base), value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    ...(opts.maxAge !== undefined ? { maxAge: opts.maxAge } : {}),
  });
}

export function clearCookie(c: Context<AppEnv>, base: string) {
  deleteCookie(c, cookieName(c, base), { path: '/', secure: isHttps(c) });
}
