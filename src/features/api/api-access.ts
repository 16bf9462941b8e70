/**
 * Access for `/api/v1`: a personal access token in `Authorization: Bearer …` carrying the scope.
 * Tagged like the page access rules so the route walk test sees it.
 *
 * @example
 * createRoute({ method: 'get', path: '/me', middleware: [apiAccess.token('profile:read')], … });
 */
import type { MiddlewareHandler } from 'hono';
import { ACCESS } from '../../http/access';
import { AppError } from '../../http/errors';
import { hitRateLimit } from '../../http/rate-limit/hit-rate-limit';
import type { AppEnv } from '../../http/types';
import type { TokenScope } from '../api-tokens/schema';
import { findApiToken } from '../api-tokens/tokens';

export const apiAccess = {
  token: (scope: TokenScope): MiddlewareHandler<AppEnv> =>
    Object.assign(
      (async (c, next) => {
        const header = c.req.header('authorization') ?? '';
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        const found = match ? await findApiToken(c.var.deps.db, match[1]!) : undefined;
        if (!found) {
          c.header('WWW-Authenticate', 'Bearer realm="convoca"');
          throw new AppError('unauthenticated');
        }
        const limit = await hitRateLimit(c.var.deps.db, {
          key: `api:${found.token.id}`,
          limit: 600,
          windowSeconds: 60,
        });
        if (!limit.allowed)
          throw new AppError('rate_limited', { retryAfterSeconds: limit.retryAfterSeconds });
        if (!found.token.scopes.includes(scope)) throw new AppError('forbidden');
        c.set('user', found.user);
        await next();
      }) satisfies MiddlewareHandler<AppEnv>,
      { [ACCESS]: `token:${scope}` },
    ),
};
