/**
 * Every route states who may use it with one of these, first in its chain. A test walks the
 * app's routes and fails when a route has none.
 *
 * @example
 * app.get('/account', access.signedIn(), handler);
 * app.post('/i/:slug/members', access.initiative(initiativePermissions.manageTeam), handler);
 */
import type { Context, MiddlewareHandler } from 'hono';
import { activeRoles, allows, initiativesWhere, type Permission } from '../core/access/policy';
import { findInitiativeBySlug } from '../core/initiatives/queries';
import { AppError } from './errors';
import type { AppEnv } from './types';

export const ACCESS = Symbol('access');
type Tagged = MiddlewareHandler<AppEnv> & { [ACCESS]: string };

function tag(kind: string, handler: MiddlewareHandler<AppEnv>): Tagged {
  return Object.assign(handler, { [ACCESS]: kind });
}

function requireUser(c: Context<AppEnv>): void {
  if (c.var.user) return;
  if (c.req.method === 'GET' && !c.req.path.startsWith('/api/')) {
    const next = c.req.path + (new URL(c.req.url).search || '');
    throw Object.assign(new AppError('unauthenticated'), { signInNext: next });
  }
  throw new AppError('unauthenticated');
}

/**
 * Loads the initiative named by `:slug` and the signed-in user's active roles in it, and refuses
 * unless a role grants `permission`. Used by page and API access rules alike.
 */
export async function authorizeInitiative(
  c: Context<AppEnv>,
  permission: Permission,
): Promise<void> {
  const initiative = await findInitiativeBySlug(c.var.deps.db, c.req.param('slug') ?? '');
  if (!initiative) throw new AppError('not_found');
  const roles = await activeRoles(c.var.deps.db, {
    userId: c.var.user!.id,
    initiativeId: initiative.id,
  });
  if (!allows(permission, c.var.user, roles)) throw new AppError('forbidden');
  c.set('initiative', initiative);
  c.set('roles', roles);
}

/** Refuses unless the signed-in user holds, in some initiative, a role that grants `permission`. */
export async function authorizeAnyInitiative(
  c: Context<AppEnv>,
  permission: Permission,
): Promise<void> {
  const where = await initiativesWhere(c.var.deps.db, c.var.user!, permission);
  if (where !== 'all' && where.length === 0) throw new AppError('forbidden');
}

export const access = {
  /** Anyone, signed in or not. */
  anyone: () => tag('anyone', async (_c, next) => next()),
  /** Any signed-in account. */
  signedIn: () =>
    tag('signedIn', async (c, next) => {
      requireUser(c);
      await next();
    }),
  /** Platform administrators only. */
  admin: () =>
    tag('admin', async (c, next) => {
      requireUser(c);
      if (!c.var.user?.isAdmin) throw new AppError('forbidden');
      await next();
    }),
  /** Anyone holding, in at least one initiative, a role that grants `permission` (and admins). */
  inAnyInitiative: (permission: Permission) =>
    tag('inAnyInitiative', async (c, next) => {
      requireUser(c);
      await authorizeAnyInitiative(c, permission);
      await next();
    }),
  /** Members of the initiative in `:slug` whose active role grants `permission` (and admins). */
  initiative: (permission: Permission) =>
    tag('initiative', async (c, next) => {
      requireUser(c);
      await authorizeInitiative(c, permission);
      await next();
    }),
};
