/**
 * When the outbox job may (re)try a message: a grace period after the inline send stored it, a
 * claim while one process delivers it, and a doubling back-off after each failure, up to
 * `MAX_ATTEMPTS` tries in all (the inline one included).
 *
 * @example
 * retryAt(2, now); // now + 4 minutes
 */
import { SMTP_TIMEOUT_MS } from './mailer';

/** How long after being stored a message may be delivered by the job instead of inline. */
export const GRACE_MS = 60_000;
/** How long one process holds a message it claimed (an SMTP exchange is shorter). */
export const CLAIM_MS = Math.max(GRACE_MS, 3 * SMTP_TIMEOUT_MS);
/** Tries in all, the inline one included; then the message stays 'failed'. */
export const MAX_ATTEMPTS = 6;
/** The first back-off; each later one is four times longer (1, 4, 16, 64, 256 minutes). */
const FIRST_BACKOFF_MS = 60_000;

/** When to try again after `attempts` tries failed, or null when they are exhausted. */
export function retryAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + FIRST_BACKOFF_MS * 4 ** Math.max(0, attempts - 1));
}
