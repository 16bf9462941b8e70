import type { Context } from 'hono';
import { catalogs, type MessageKey } from '../i18n/index';
import { clearCookie, readCookie, writeCookie } from './cookies';
import type { AppEnv } from './types';

/**
 * A one-time notice shown on the next page (after a redirect), stored as a catalogue key and its
 * placeholder values.
 *
 * @example
 * setFlash(c, 'auth.signedOut');
 * setFlash(c, 'manage.publish.done', { number: 2, notified: 5 });
 * return c.redirect('/');
 */
export function setFlash(
  c: Context<AppEnv>,
  key: MessageKey,
  params: Record<string, string | number> = {},
): void {
  const encoded = Object.entries(params).map(([k, v]) => `|${k}=${encodeURIComponent(String(v))}`);
  writeCookie(c, 'flash', key + encoded.join(''), { maxAge: 120 });
}

export type Flash = { key: MessageKey; params: Record<string, string> };

export function takeFlash(c: Context<AppEnv>): Flash | undefined {
  const raw = readCookie(c, 'flash');
  if (!raw) return undefined;
  clearCookie(c, 'flash');
  const [key, ...rest] = raw.split('|');
  if (!key || !(key in catalogs.es)) return undefined;
  const params: Record<string, string> = {};
  for (const pair of rest) {
    const at = pair.indexOf('=');
    if (at < 1) continue;
    try {
      params[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1)).slice(0, 200);
    } catch {
      // A mangled value is left out rather than shown.
    }
  }
  return { key: key as MessageKey, params };
}
