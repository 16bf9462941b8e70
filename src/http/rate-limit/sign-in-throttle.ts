/**
 * Back-off for sign-in. Failures are counted per account-and-address (a few free, then a lock
 * that doubles with each further failure, up to an hour), per address (many free), and per
 * account across every address (more free still, against guesses spread over many addresses).
 * A browser holding a device cookie from an earlier successful sign-in to the account is counted
 * on its own key only, so a stranger's failures elsewhere never lock the owner out of it; and
 * the owner on a new device is locked only by failures from their own address or by an attack
 * large enough to trip the account-wide key.
 *
 * @example
 * const keys = throttleKeys({ email: 'ana@example.org', ip: '203.0.113.9' });
 * const wait = await signInLockSeconds(db, keys);
 * if (wait === 0) { ...check password...; await recordSignInFailure(db, keys); }
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authThrottle } from './schema';

const FREE_FAILURES = { account_ip: 5, device: 5, ip: 20, account: 50 } as const;
type KeyKind = keyof typeof FREE_FAILURES;
const BASE_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 3600;

const normal = (email: string) => email.trim().toLowerCase();

/** The throttle keys of one attempt; `device` is the verified device cookie's id, if any. */
export function throttleKeys(o: { email: string; ip: string; device?: string }): string[] {
  const email = normal(o.email);
  if (o.device) return [`device:${o.device}`];
  return [`account_ip:${email}|${o.ip}`, `ip:${o.ip}`, `account:${email}`];
}

/** Seconds until the longest lock among these keys ends; 0 when free to try. */
export async function signInLockSeconds(db: Db, keys: string[], now = new Date()): Promise<number> {
  const rows = await db.select().from(authThrottle).where(inArray(authThrottle.key, keys));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

export async function recordSignInFailure(db: Db, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const free = FREE_FAILURES[key.slice(0, key.indexOf(':')) as KeyKind] ?? 5;
    const [row] = await db
      .insert(authThrottle)
      .values({ key, failures: 1, updatedAt: now })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: { failures: sql`${authThrottle.failures} + 1`, updatedAt: now },
      })
      .returning({ failures: authThrottle.failures });
    const failures = row?.failures ?? 1;
    if (failures >= free) {
      const seconds = Math.min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** (failures - free));
      await db
        .update(authThrottle)
        .set({ lockedUntil: new Date(now.getTime() + seconds * 1000) })
        .where(sql`${authThrottle.key} = ${key}`);
    }
  }
}

/** A successful sign-in forgets its account, account-and-address and device failures (an address's remain). */
export async function clearSignInFailures(db: Db, keys: string[]): Promise<void> {
  const forget = keys.filter((k) => !k.startsWith('ip:'));
  if (forget.length) await db.delete(authThrottle).where(inArray(authThrottle.key, forget));
}
