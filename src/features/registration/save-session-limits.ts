/**
 * Sets or removes the limit of places of an event's sessions, under the event's registration
 * lock; a limit is never set below the marks already held (returned per session as `below`,
 * nothing is written then).
 *
 * @example
 * const r = await saveSessionLimits({ db, eventId, limits: new Map([[sessionId, 25], [otherId, null]]) });
 * if (!r.ok) r.below; // Map { sessionId => 30 } — 30 people already marked it
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programmeSessions } from '../programme/schema';
import { InputError } from '../../http/input-error';
import { sessionLimits } from './schema';
import { lockSettings } from './seats';
import { sessionPlaces } from './session-places';
import { interestBySession } from './list-registrations';

export async function saveSessionLimits(o: {
  db: Db;
  eventId: string;
  /** Places per session id; null removes the limit. */
  limits: Map<string, number | null>;
}): Promise<{ ok: true } | { ok: false; below: Map<string, number> }> {
  return o.db.transaction(async (tx) => {
    await lockSettings(tx, o.eventId);
    const ids = [...o.limits.keys()];
    if (ids.length === 0) return { ok: true as const };
    const own = await tx
      .select({ id: programmeSessions.id })
      .from(programmeSessions)
      .where(and(inArray(programmeSessions.id, ids), eq(programmeSessions.eventId, o.eventId)));
    if (own.length !== ids.length)
      throw new InputError({ sessionIds: 'registration.error.unknown_session' });
    const marked = new Map(
      (await interestBySession(tx, o.eventId)).map((s) => [s.sessionId, s.interested]),
    );
    const below = new Map<string, number>();
    for (const [id, places] of o.limits)
      if (places !== null && places < (marked.get(id) ?? 0)) below.set(id, marked.get(id)!);
    if (below.size) return { ok: false as const, below };
    const current = await sessionPlaces(tx, { eventId: o.eventId });
    for (const [sessionId, places] of o.limits) {
      if (places === null) {
        if (current.has(sessionId))
          await tx.delete(sessionLimits).where(eq(sessionLimits.sessionId, sessionId));
      } else if (current.get(sessionId)?.places !== places)
        await tx
          .insert(sessionLimits)
          .values({ sessionId, places })
          .onConflictDoUpdate({ target: sessionLimits.sessionId, set: { places } });
    }
    return { ok: true as const };
  });
}
