import type { Context, MiddlewareHandler } from 'hono';
import { audit } from '../audit';
import { AppError } from '../errors';
import type { AppEnv } from '../types';
import { hitRateLimit } from './hit-rate-limit';

/**
 * Limits how often one caller may use a route (by address unless `key` says otherwise).
 * Exceeding it answers 429 with Retry-After and writes `rate_limit.exceeded` to the audit log.
 *
 * @example
 * app.post('/sign-up', rateLimit({ name: 'sign-up', limit: 10, windowSeconds: 3600 }), handler);
 */
export function rateLimit(o: {
  name: string;
  limit: number;
  windowSeconds: number;
  methods?: string[];
  key?: (c: Context<AppEnv>) => string;
}): MiddlewareHandler<AppEnv> {
  const methods = o.methods ?? ['POST'];
  return async (c, next) => {
    if (!methods.includes(c.req.method)) return next();
    const who = o.key ? o.key(c) : c.var.clientIp;
    const result = await hitRateLimit(c.var.deps.db, {
      key: `${o.name}:${who}`,
      limit: o.limit,
      windowSeconds: o.windowSeconds,
    });
    if (!result.allowed) {
      if (result.firstRefusal) await audit(c, 'rate_limit.exceeded', { data: { limit: o.name } });
      throw new AppError('rate_limited', { retryAfterSeconds: result.retryAfterSeconds });
    }
    await next();
  };
}
