/**
 * What the desk and the boarding lists read: the event's registrants as the device keeps them
 * (no e-mails, the ticket code only as a digest), the check-ins that count, the conflicts, the
 * live counts, a server-side search for pages without JavaScript, and counts per bus, trip and stop.
 *
 * @example
 * const roster = await deskRoster(db, { eventId });
 * const state = await deskState(db, { eventId, place: 'desk' });
 * state.counts; // { checkedIn: 12, registered: 140 }
 */
import { aliasedTable, and, asc, count, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sha256 } from '../../lib/crypto';
import { searchTerms } from '../../lib/search-key';
import { registrations, seatHolding, transportRoutes } from '../registration/schema';
import { deskPlace, ticketCodeOf } from './places';
import { checkins } from './schema';

/** Statuses the desk lists: those who may turn up (a seat, an offer, a request, the waiting list). */
const listed = ['confirmed', 'offered', 'pending', 'waiting'] as const;

/** The digest of a ticket code the device keeps: the code itself never leaves the server. */
export const codeDigest = (eventId: string, code: string) => sha256(`${eventId}:${code}`);

export type RosterEntry = {
  id: string;
  name: string;
  institution: string | null;
  status: (typeof listed)[number];
  codeHash: string;
  sample: boolean;
};

/** The registrants a device keeps for offline work; a bus's list is its riders only. */
export async function deskRoster(
  db: Db,
  o: { eventId: string; routeId?: string },
): Promise<RosterEntry[]> {
  const rows = await db
    .select({
      id: registrations.id,
      name: registrations.name,
      institution: registrations.institution,
      status: registrations.status,
      ticketCode: registrations.ticketCode,
      sample: registrations.sample,
    })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, o.eventId),
        o.routeId
          ? and(
              eq(registrations.transportRouteId, o.routeId),
              inArray(registrations.status, seatHolding),
            )
          : inArray(registrations.status, [...listed]),
      ),
    )
    .orderBy(asc(registrations.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    institution: r.institution,
    status: r.status as RosterEntry['status'],
    codeHash: codeDigest(o.eventId, r.ticketCode),
    sample: r.sample,
  }));
}

/** How many may be checked in at a place: seat holders of the event, or riders of the bus. */
async function expected(db: Db, eventId: string, routeId?: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        inArray(registrations.status, seatHolding),
        routeId ? eq(registrations.transportRouteId, routeId) : undefined,
      ),
    );
  return row?.n ?? 0;
}

export type DeskState = {
  checkins: {
    id: string;
    registrationId: string;
    deskName: string;
    stop: string | null;
    at: Date;
  }[];
  conflicts: {
    id: string;
    registrationId: string;
    name: string;
    deskName: string;
    at: Date;
    firstDesk: string | null;
    firstAt: Date | null;
  }[];
  counts: { checkedIn: number; registered: number; conflicts: number };
};

/** The check-ins that count at a place, the standing conflicts, and the live counts. */
export async function deskState(
  db: Db,
  o: { eventId: string; place: string; routeId?: string },
): Promise<DeskState> {
  const first = aliasedTable(checkins, 'first');
  const [active, conflicts, registered] = await Promise.all([
    db
      .select({
        id: checkins.id,
        registrationId: checkins.registrationId,
        deskName: checkins.deskName,
        stop: checkins.stop,
        at: checkins.at,
      })
      .from(checkins)
      .where(
        and(
          eq(checkins.eventId, o.eventId),
          eq(checkins.place, o.place),
          eq(checkins.outcome, 'recorded'),
          isNull(checkins.undoneAt),
        ),
      )
      .orderBy(asc(checkins.at)),
    db
      .select({
        id: checkins.id,
        registrationId: checkins.registrationId,
        name: registrations.name,
        deskName: checkins.deskName,
        at: checkins.at,
        firstDesk: first.deskName,
        firstAt: first.at,
      })
      .from(checkins)
      .innerJoin(registrations, eq(registrations.id, checkins.registrationId))
      .leftJoin(first, eq(first.id, checkins.conflictWith))
      .where(
        and(
          eq(checkins.eventId, o.eventId),
          eq(checkins.place, o.place),
          eq(checkins.outcome, 'conflict'),
          isNull(checkins.undoneAt),
        ),
      )
      .orderBy(asc(checkins.at)),
    expected(db, o.eventId, o.routeId),
  ]);
  return {
    checkins: active,
    conflicts,
    counts: { checkedIn: active.length, registered, conflicts: conflicts.length },
  };
}

/**
 * Registrants matching a search, for the desk without JavaScript: by ticket code (exactly, or
 * as the QR code reads), or every word in the name, e-mail or institution. At most 20.
 */
export async function searchRegistrants(
  db: Db,
  o: { eventId: string; q: string; routeId?: string },
) {
  const code = ticketCodeOf(o.q);
  const terms = searchTerms(o.q);
  if (!code && terms.length === 0) return [];
  const text = sql`coalesce(${registrations.name}, '') || ' ' || coalesce(${registrations.email}, '') || ' ' || coalesce(${registrations.institution}, '')`;
  const byWords = and(...terms.map((t) => ilike(text, t)));
  return db
    .select({
      id: registrations.id,
      name: registrations.name,
      institution: registrations.institution,
      status: registrations.status,
      sample: registrations.sample,
    })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, o.eventId),
        o.routeId
          ? and(
              eq(registrations.transportRouteId, o.routeId),
              inArray(registrations.status, seatHolding),
            )
          : inArray(registrations.status, [...listed]),
        code ? or(eq(registrations.ticketCode, code), byWords) : byWords,
      ),
    )
    .orderBy(asc(registrations.name))
    .limit(20);
}

/** Every check-in of an event (counted, conflicts and undone), oldest first, for the API. */
export function listCheckins(db: Db, o: { eventId: string; place?: string }) {
  return db
    .select()
    .from(checkins)
    .where(and(eq(checkins.eventId, o.eventId), o.place ? eq(checkins.place, o.place) : undefined))
    .orderBy(asc(checkins.at), asc(checkins.receivedAt));
}

export type BusCount = {
  routeId: string;
  name: string;
  seats: number;
  riders: number;
  trips: {
    trip: 'outbound' | 'return';
    boarded: number;
    stops: { stop: string | null; boarded: number }[];
  }[];
};

/** Passengers boarded per bus, trip and stop, beside the bus's seats and riders. */
export async function busCounts(db: Db, eventId: string): Promise<BusCount[]> {
  const [routes, riders, boarded] = await Promise.all([
    db
      .select()
      .from(transportRoutes)
      .where(eq(transportRoutes.eventId, eventId))
      .orderBy(asc(transportRoutes.position), asc(transportRoutes.name)),
    db
      .select({ routeId: registrations.transportRouteId, n: count() })
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, seatHolding)))
      .groupBy(registrations.transportRouteId),
    db
      .select({
        routeId: checkins.transportRouteId,
        trip: checkins.trip,
        stop: checkins.stop,
        n: count(),
      })
      .from(checkins)
      .where(
        and(
          eq(checkins.eventId, eventId),
          sql`${checkins.place} <> ${deskPlace}`,
          eq(checkins.outcome, 'recorded'),
          isNull(checkins.undoneAt),
        ),
      )
      .groupBy(checkins.transportRouteId, checkins.trip, checkins.stop),
  ]);
  return routes.map((r) => ({
    routeId: r.id,
    name: r.name,
    seats: r.seats,
    riders: riders.find((x) => x.routeId === r.id)?.n ?? 0,
    trips: (['outbound', 'return'] as const).map((trip) => {
      const rows = boarded.filter((b) => b.routeId === r.id && b.trip === trip);
      const order = (stop: string | null) => {
        const i = r.stops.findIndex((s) => s.name === stop);
        return i < 0 ? r.stops.length : i;
      };
      return {
        trip,
        boarded: rows.reduce((sum, b) => sum + b.n, 0),
        stops: rows
          .map((b) => ({ stop: b.stop, boarded: b.n }))
          .sort((a, b) => order(a.stop) - order(b.stop)),
      };
    }),
  }));
}
