/**
 * Checks an e-mail and password under the sign-in back-off. Never says which of the two was wrong.
 * `device` is the id of a verified device cookie for this e-mail (see `http/device-cookie.ts`).
 *
 * @example
 * const r = await authenticate(db, { email, password, ip });
 * if (r.outcome === 'ok') startSession(c, r.user);
 */
import type { Db } from '../../db/client';
import {
  clearSignInFailures,
  recordSignInFailure,
  signInLockSeconds,
  throttleKeys,
} from '../../http/rate-limit/sign-in-throttle';
import { findUserByEmail } from './find-user';
import { dummyHash, verifyPassword } from './password';
import type { User } from './schema';

export type AuthenticateResult =
  | { outcome: 'ok'; user: User }
  | { outcome: 'unverified'; user: User }
  | { outcome: 'wrong' }
  | { outcome: 'locked'; retryAfterSeconds: number };

export async function authenticate(
  db: Db,
  o: { email: string; password: string; ip: string; device?: string },
): Promise<AuthenticateResult> {
  const keys = throttleKeys(o);
  const wait = await signInLockSeconds(db, keys);
  if (wait > 0) return { outcome: 'locked', retryAfterSeconds: wait };
  const user = await findUserByEmail(db, o.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), o.password);
  if (!user || !ok) {
    await recordSignInFailure(db, keys);
    return { outcome: 'wrong' };
  }
  await clearSignInFailures(db, keys);
  if (!user.emailVerifiedAt) return { outcome: 'unverified', user };
  return { outcome: 'ok', user };
}
