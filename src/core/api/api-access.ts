/**
 * Access for `/api/v1`: a personal access token in `Authorization: Bearer …` carrying the scope,
 * and for initiative routes also a role that grants the permission. Tagged like the page access
 * rules so the route walk test sees them.
 *
 * @example
 * createRoute({ method: 'get', path: '/api/v1/me', middleware: [apiAccess.token('profile:read')], … });
 */
import type { Context, MiddlewareHandler } from 'hono';
import { ACCESS, authorizeAnyInitiative, authorizeInitiative } from '../../http/access';
import { AppError } from '../../http/errors';
import { hitRateLimit } from '../../http/rate-limit/hit-rate-limit';
import { peekRateLimit } from '../../http/rate-limit/peek-rate-limit';
import type { AppEnv } from '../../http/types';
import type { Permission } from '../access/policy';
import type { TokenScope } from '../api-tokens/schema';
import { findApiToken } from '../api-tokens/tokens';

/** Wrong API tokens one address may send in ten minutes. */
const TOKEN_FAILURES = { limit: 20, windowSeconds: 600 };

async function authenticateToken(c: Context<AppEnv>, scope: TokenScope): Promise<void> {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  // Wrong tokens are throttled per address; over the limit, no token is even looked up.
  const failures = { key: `api-token-failures:${c.var.clientIp}`, ...TOKEN_FAILURES };
  const state = match ? await peekRateLimit(c.var.deps.db, failures) : undefined;
  if (state && !state.allowed)
    throw new AppError('rate_limited', { retryAfterSeconds: state.retryAfterSeconds });
  const found = match ? await findApiToken(c.var.deps.db, match[1]!) : undefined;
  if (!found) {
    if (match) await hitRateLimit(c.var.deps.db, failures);
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
}

function tag(kind: string, handler: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return Object.assign(handler, { [ACCESS]: kind });
}

export const apiAccess = {
  token: (scope: TokenScope) =>
    tag(`token:${scope}`, async (c, next) => {
      await authenticateToken(c, scope);
      await next();
    }),
  /** A token with `scope` whose owner holds, in some initiative, a role granting `permission`. */
  inAnyInitiative: (scope: TokenScope, permission: Permission) =>
    tag(`token:${scope}:anyInitiative`, async (c, next) => {
      await authenticateToken(c, scope);
      await authorizeAnyInitiative(c, permission);
      await next();
    }),
  /** A token with `scope` whose owner holds, in the initiative `{slug}`, a role granting `permission`. */
  initiative: (scope: TokenScope, permission: Permission) =>
    tag(`token:${scope}:initiative`, async (c, next) => {
      await authenticateToken(c, scope);
      await authorizeInitiative(c, permission);
      await next();
    }),
};
