/**
 * Event-scoped access for the day of an event (decision 0014). Organisers and coordinators of the
 * initiative pass as they do everywhere; a volunteer passes only on the event in the URL's
 * `:event` (or `:eventId`), only while their volunteer membership is unexpired and their place on
 * that event's roster still grants access (until the event's end plus a short grace).
 *
 * @example
 * app.get('/i/:slug/editions/:edition/events/:event/checkin',
 *   eventDayAccess(eventDayPermissions.checkIn), handler);
 * const event = eventDayEvent(c); // the event the rule loaded
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../../db/client';
import { ACCESS } from '../../http/access';
import { AppError } from '../../http/errors';
import type { AppEnv } from '../../http/types';
import { isUuid } from '../../lib/uuid';
import { activeRoles, allows, type Permission } from '../../core/access/policy';
import { apiAccess } from '../../core/api/api-access';
import type { TokenScope } from '../../core/api-tokens/schema';
import { findInitiativeBySlug } from '../../core/initiatives/queries';
import type { MemberRole } from '../../core/initiatives/schema';
import { editions, events, type Edition, type ProgrammeEvent } from '../programme/schema';
import { eventVolunteers } from './schema';

/**
 * The caller's roles for one event at `now`: their unexpired initiative roles, where `volunteer`
 * is kept only if they are on this event's roster with access that has not ended.
 *
 * @example
 * await eventDayRoles(db, { userId, initiativeId, eventId, now: new Date('2018-10-04T20:00Z') });
 * // ['volunteer'] during the day, [] the week after
 */
export async function eventDayRoles(
  db: Db,
  o: { userId: string; initiativeId: string; eventId: string; now?: Date },
): Promise<MemberRole[]> {
  const now = o.now ?? new Date();
  const roles = await activeRoles(db, { userId: o.userId, initiativeId: o.initiativeId, now });
  const others = roles.filter((r) => r !== 'volunteer');
  if (!roles.includes('volunteer')) return others;
  const [grant] = await db
    .select({ id: eventVolunteers.id })
    .from(eventVolunteers)
    .where(
      and(
        eq(eventVolunteers.eventId, o.eventId),
        eq(eventVolunteers.userId, o.userId),
        gt(eventVolunteers.accessUntil, now),
      ),
    )
    .limit(1);
  return grant ? [...others, 'volunteer'] : others;
}

/** The event named in the URL, inside the initiative `:slug` (and edition `:edition` if named). */
async function loadEvent(c: Context<AppEnv>, initiativeId: string) {
  const id = c.req.param('event') ?? c.req.param('eventId') ?? '';
  if (!isUuid(id)) throw new AppError('not_found');
  const editionSlug = c.req.param('edition');
  const [row] = await c.var.deps.db
    .select({ event: events, edition: editions })
    .from(events)
    .innerJoin(editions, eq(editions.id, events.editionId))
    .where(
      and(
        eq(events.id, id),
        eq(editions.initiativeId, initiativeId),
        editionSlug ? eq(editions.slug, editionSlug) : undefined,
      ),
    );
  if (!row) throw new AppError('not_found');
  return row;
}

const loaded = new WeakMap<Context<AppEnv>, { event: ProgrammeEvent; edition: Edition }>();

/**
 * Refuses unless the caller may use `permission` on the event in the URL; then sets
 * `c.var.initiative` and `c.var.roles` (the event-day roles) and remembers the event.
 */
export async function authorizeEventDay(c: Context<AppEnv>, permission: Permission) {
  const initiative = await findInitiativeBySlug(c.var.deps.db, c.req.param('slug') ?? '');
  if (!initiative) throw new AppError('not_found');
  const found = await loadEvent(c, initiative.id);
  const roles = await eventDayRoles(c.var.deps.db, {
    userId: c.var.user!.id,
    initiativeId: initiative.id,
    eventId: found.event.id,
  });
  if (!allows(permission, c.var.user, roles)) throw new AppError('forbidden');
  c.set('initiative', initiative);
  c.set('roles', roles);
  loaded.set(c, found);
}

/** The event (and its edition) that `eventDayAccess()` loaded for this request. */
export function eventDayEvent(c: Context<AppEnv>) {
  const found = loaded.get(c);
  if (!found) throw new Error('eventDayEvent() called on a route without eventDayAccess()');
  return found;
}

function requireUser(c: Context<AppEnv>): void {
  if (c.var.user) return;
  if (c.req.method === 'GET' && !c.req.path.startsWith('/api/')) {
    const next = c.req.path + (new URL(c.req.url).search || '');
    throw Object.assign(new AppError('unauthenticated'), { signInNext: next });
  }
  throw new AppError('unauthenticated');
}

/** Page access rule for an event's day: see the module comment. */
export function eventDayAccess(permission: Permission): MiddlewareHandler<AppEnv> {
  const handler: MiddlewareHandler<AppEnv> = async (c, next) => {
    requireUser(c);
    await authorizeEventDay(c, permission);
    await next();
  };
  return Object.assign(handler, { [ACCESS]: 'eventDay' });
}

/** The same for `/api/v1`: a token with `scope`, then the event-scoped check. */
export function apiEventDayAccess(
  scope: TokenScope,
  permission: Permission,
): MiddlewareHandler<AppEnv> {
  const token = apiAccess.token(scope);
  const handler: MiddlewareHandler<AppEnv> = async (c, next) => {
    await token(c, async () => {});
    await authorizeEventDay(c, permission);
    await next();
  };
  return Object.assign(handler, { [ACCESS]: `token:${scope}:eventDay` });
}
