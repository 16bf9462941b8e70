import type { Context, MiddlewareHandler } from 'hono';
import { eq } from 'drizzle-orm';
import {
  createSession,
  deleteSessionByToken,
  findSession,
  SESSION_DAYS,
} from '../core/accounts/sessions';
import { users, type User } from '../core/accounts/schema';
import { clearCookie, readCookie, writeCookie } from './cookies';
import { rotateCsrf } from './csrf';
import type { Db } from '../db/client';
import type { AppEnv } from './types';

/** Loads the signed-in user, if any, from the session cookie; remembers a language switch on the account. */
export const session = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  c.set('user', null);
  c.set('session', null);
  const token = readCookie(c, 'session');
  if (token) {
    const found = await findSession(c.var.deps.db, token);
    if (found) {
      const lang = c.var.lang;
      if (c.req.query('lang') === lang && found.user.locale !== lang) {
        await c.var.deps.db.update(users).set({ locale: lang }).where(eq(users.id, found.user.id));
        found.user.locale = lang;
      }
      c.set('user', found.user);
      c.set('session', found.session);
    } else {
      clearCookie(c, 'session');
    }
  }
  await next();
};

/**
 * Signs the user in on this browser: ends any previous session, issues a new token (rotation)
 * and a new form token. `db` may be the transaction the sign-in is audited in.
 */
export async function startSession(
  c: Context<AppEnv>,
  user: User,
  db: Db = c.var.deps.db,
): Promise<void> {
  const previous = readCookie(c, 'session');
  if (previous) await deleteSessionByToken(db, previous);
  const { token, session: created } = await createSession(db, {
    userId: user.id,
    ip: c.var.clientIp,
    userAgent: c.req.header('user-agent'),
  });
  writeCookie(c, 'session', token, { maxAge: SESSION_DAYS * 86_400 });
  rotateCsrf(c);
  c.set('user', user);
  c.set('session', created);
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = readCookie(c, 'session');
  if (token) await deleteSessionByToken(c.var.deps.db, token);
  clearCookie(c, 'session');
  rotateCsrf(c);
  c.set('user', null);
  c.set('session', null);
}
