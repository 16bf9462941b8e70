/**
 * The sliding-window estimate shared by `hitRateLimit` and `peekRateLimit`: the hits of the
 * current fixed window plus the previous window's hits weighted by how much of it still lies
 * within one window length of now. Unlike a fixed window, a burst at the end of one window and
 * another at the start of the next cannot pass twice the limit.
 *
 * @example
 * const w = windowsAt(new Date(), 60);
 * slidingEstimate({ current: 4, previous: 10, elapsed: w.elapsed }); // 4 + 10 × (1 − elapsed)
 */
export function windowsAt(now: Date, windowSeconds: number) {
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return {
    current: new Date(start),
    previous: new Date(start - windowMs),
    /** Fraction of the current window already gone, 0 ≤ elapsed < 1. */
    elapsed: (now.getTime() - start) / windowMs,
    windowMs,
  };
}

export function slidingEstimate(o: { current: number; previous: number; elapsed: number }) {
  return o.current + o.previous * (1 - o.elapsed);
}

/** Seconds until the estimate falls to `limit` or below if no more hits come (at least 1). */
export function secondsUntilBelow(o: {
  current: number;
  previous: number;
  elapsed: number;
  limit: number;
  windowMs: number;
}): number {
  const { current, previous, elapsed, limit, windowMs } = o;
  let fraction: number;
  if (current > limit) fraction = 1 - elapsed + Math.min(1, (current - limit) / current);
  else if (previous === 0) fraction = 0;
  else fraction = Math.max(0, 1 - (limit - current) / previous - elapsed);
  return Math.max(1, Math.ceil((fraction * windowMs) / 1000));
}
