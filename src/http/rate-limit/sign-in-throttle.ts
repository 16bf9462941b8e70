/**
 * Back-off for sign-in: after a few failures for one e-mail (or many from one address) the key
 * is locked, and each further failure doubles the lock, up to an hour.
 *
 * @example
 * const wait = await signInLockSeconds(db, ['email:ana@example.org', 'ip:203.0.113.9']);
 * if (wait === 0) { ...check password...; await recordSignInFailure(db, keys); }
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authThrottle } from './schema';

const FREE_FAILURES = { email: 5, ip: 20 } as const;
const BASE_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 3600;

export function throttleKeys(email: string, ip: string): string[] {
  return [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];
}

/** Seconds until the longest lock among these keys ends; 0 when free to try. */
export async function signInLockSeconds(db: Db, keys: string[], now = new Date()): Promise<number> {
  const rows = await db.select().from(authThrottle).where(inArray(authThrottle.key, keys));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

export async function recordSignInFailure(db: Db, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const free = key.startsWith('ip:') ? FREE_FAILURES.ip : FREE_FAILURES.email;
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

/** A successful sign-in forgets the e-mail's failures (an address's failures remain). */
export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db
    .delete(authThrottle)
    .where(inArray(authThrottle.key, [`email:${email.trim().toLowerCase()}`]));
}
