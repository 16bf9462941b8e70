/**
 * Device cookies: a successful sign-in leaves the browser a cookie, signed with the installation
 * secret and bound to the account's e-mail, that marks it as a device the owner has used. Sign-in
 * attempts from such a browser are throttled on their own (see `sign-in-throttle.ts`), so failures
 * by anyone else never lock the owner out of it.
 *
 * @example
 * const device = trustedDevice(c, email); // the device id, or undefined
 * if (result.outcome === 'ok') rememberDevice(c, email);
 */
import type { Context } from 'hono';
import { hmac, randomToken, safeEqual } from '../lib/crypto';
import { readCookie, writeCookie } from './cookies';
import type { AppEnv } from './types';

const YEAR = 60 * 60 * 24 * 365;
const normal = (email: string) => email.trim().toLowerCase();
const sign = (c: Context<AppEnv>, email: string, id: string) =>
  hmac(c.var.deps.secret, `device|${normal(email)}|${id}`);

/** The id of this browser's device cookie when it was issued for `email`; otherwise undefined. */
export function trustedDevice(c: Context<AppEnv>, email: string): string | undefined {
  const value = readCookie(c, 'device') ?? '';
  const [id, mac] = value.split('.');
  if (!id || !mac || !/^[A-Za-z0-9_-]{20,64}$/.test(id)) return undefined;
  return safeEqual(mac, sign(c, email, id)) ? id : undefined;
}

/** Gives the browser a fresh device cookie for `email` (a new id at every successful sign-in). */
export function rememberDevice(c: Context<AppEnv>, email: string): void {
  const id = randomToken();
  writeCookie(c, 'device', `${id}.${sign(c, email, id)}`, { maxAge: YEAR });
}
