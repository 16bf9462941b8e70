import type { Context } from 'hono';
import { catalogs, type MessageKey } from '../i18n/index';
import { clearCookie, readCookie, writeCookie } from './cookies';
import type { AppEnv } from './types';

/**
 * A one-time notice shown on the next page (after a redirect), stored as a catalogue key.
 *
 * @example
 * setFlash(c, 'auth.signedOut');
 * return c.redirect('/');
 */
export function setFlash(c: Context<AppEnv>, key: MessageKey): void {
  writeCookie(c, 'flash', key, { maxAge: 120 });
}

export function takeFlash(c: Context<AppEnv>): MessageKey | undefined {
  const key = readCookie(c, 'flash');
  if (!key) return undefined;
  clearCookie(c, 'flash');
  return key in catalogs.es ? (key as MessageKey) : undefined;
}
