/**
 * The steps that move a registration between states, each in one transaction under the event's
 * lock (see `seats.ts`): the registrant cancels or claims an offered seat; an organiser approves
 * or declines a request. Each returns the registrations to write to afterwards.
 *
 * Bus seats (transport/route-seats.ts): a chosen route's seat is taken when it is chosen and is
 * held by pending, waiting, offered and confirmed registrations alike, so claiming and approving
 * keep it (they never need a free one), while cancelling, declining and an expired offer free it.
 *
 * @example
 * const { changed, offered } = await cancelRegistration({ db, registrationId });
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { InputError } from '../../http/input-error';
import { registrations, type Registration } from './schema';
import { lockSettings, offerFreedSeats, seatsHeld } from './seats';

export type StatusChange = {
  changed: Registration;
  /** People offered a seat freed by this step. */
  offered: Registration[];
  /** People whose offer ran out meanwhile. */
  expired: Registration[];
};

async function step(
  db: Db,
  registrationId: string,
  now: Date,
  apply: (tx: Db, r: Registration, free: () => Promise<boolean>) => Promise<Partial<Registration>>,
): Promise<StatusChange> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ eventId: registrations.eventId })
      .from(registrations)
      .where(eq(registrations.id, registrationId));
    if (!current) throw new InputError({ _form: 'registration.error.not_offered' });
    const settings = await lockSettings(tx, current.eventId);
    // Offers that ran out are passed on first, so a late claim sees the truth.
    const before = settings
      ? await offerFreedSeats(tx, settings, now)
      : { offered: [], expired: [] };
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    const free = async () =>
      !settings ||
      settings.capacity === null ||
      (await seatsHeld(tx, r!.eventId)) < settings.capacity;
    const set = await apply(tx, r!, free);
    const [changed] = await tx
      .update(registrations)
      .set({ ...set, updatedAt: now })
      .where(and(eq(registrations.id, registrationId)))
      .returning();
    const after = settings
      ? await offerFreedSeats(tx, settings, now)
      : { offered: [], expired: [] };
    return {
      changed: changed!,
      offered: [...before.offered, ...after.offered],
      expired: [...before.expired, ...after.expired],
    };
  });
}

/** The registrant cancels; a seat they held goes to the next person waiting. */
export function cancelRegistration(o: { db: Db; registrationId: string; now?: Date }) {
  return step(o.db, o.registrationId, o.now ?? new Date(), async (_tx, r) => {
    if (r.status === 'cancelled') return {};
    return { status: 'cancelled', offerExpiresAt: null };
  });
}

/** The registrant takes the seat offered to them, while the offer lasts (and keeps their bus seat). */
export function claimOffer(o: { db: Db; registrationId: string; now?: Date }) {
  return step(o.db, o.registrationId, o.now ?? new Date(), async (_tx, r) => {
    if (r.status === 'expired') throw new InputError({ _form: 'registration.error.offer_expired' });
    if (r.status !== 'offered') throw new InputError({ _form: 'registration.error.not_offered' });
    return { status: 'confirmed', offerExpiresAt: null };
  });
}

/**
 * An organiser approves a request: a seat if one is free, else the waiting list; either way the
 * bus seat taken with the request stays theirs.
 */
export function approveRegistration(o: { db: Db; registrationId: string; now?: Date }) {
  const now = o.now ?? new Date();
  return step(o.db, o.registrationId, now, async (_tx, r, free) => {
    if (r.status !== 'pending') throw new InputError({ _form: 'registration.error.not_pending' });
    return (await free()) ? { status: 'confirmed' } : { status: 'waiting', queuedAt: now };
  });
}

/** An organiser declines a request. */
export function declineRegistration(o: { db: Db; registrationId: string; now?: Date }) {
  return step(o.db, o.registrationId, o.now ?? new Date(), async (_tx, r) => {
    if (r.status !== 'pending') throw new InputError({ _form: 'registration.error.not_pending' });
    return { status: 'declined' };
  });
}

/** Passes expired offers on, for every event with registration (run on a timer). */
export async function passOnExpiredOffers(o: { db: Db; now?: Date }) {
  const now = o.now ?? new Date();
  const eventIds = await o.db
    .selectDistinct({ eventId: registrations.eventId })
    .from(registrations)
    .where(eq(registrations.status, 'offered'));
  const out: Omit<StatusChange, 'changed'>[] = [];
  for (const { eventId } of eventIds)
    out.push(
      await o.db.transaction(async (tx) => {
        const settings = await lockSettings(tx, eventId);
        return settings ? offerFreedSeats(tx, settings, now) : { offered: [], expired: [] };
      }),
    );
  return { offered: out.flatMap((x) => x.offered), expired: out.flatMap((x) => x.expired) };
}
