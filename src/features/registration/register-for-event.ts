/**
 * Registers someone for an event without an account: a seat if one is free, else a place on the
 * waiting list (or a request, when organisers approve each one). One registration per e-mail;
 * the person is matched to the network by e-mail or added to it. Returns the secret for the
 * private link, which is stored only as a digest.
 *
 * @example
 * const { registration, token } = await registerForEvent({ db, secret, eventId, input });
 * registration.status; // 'confirmed' | 'pending' | 'waiting'
 *
 * A chosen bus (`input.transportRouteId`) is taken under the same lock, or the whole step is
 * refused with an `InputError` on `transportRouteId` (`transport.error.route_full`) and nothing
 * is written.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { randomUUID } from 'node:crypto';
import { hmac, randomToken, sha256 } from '../../lib/crypto';
import { createPerson } from '../network/index';
import { participations, personEmails } from '../network/schema';
import { editions, events } from '../programme/schema';
import { InputError } from '../../http/input-error';
import type { RegistrationInput } from './registration-input';
import { registrations, type Registration } from './schema';
import { setSessionInterests } from './set-session-interests';
import { lockSettings, offerFreedSeats, seatsHeld } from './seats';
import { takeRouteSeat } from './transport/route-seats';

/** Ticket codes avoid letters and digits that read alike (0/O, 1/I/L). */
const TICKET_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function ticketCode(): string {
  const bytes = Buffer.from(randomToken(16), 'base64url');
  return Array.from(bytes.subarray(0, 10), (b) => TICKET_ALPHABET[b % TICKET_ALPHABET.length]).join(
    '',
  );
}

/**
 * The secret of a registration's private link, derived from the installation's secret so every
 * later e-mail can carry the same link; only its digest is stored.
 */
export function registrationToken(secret: string, registrationId: string): string {
  return hmac(secret, `registration-link:${registrationId}`);
}

export async function registerForEvent(o: {
  db: Db;
  /** The installation's secret (`deps.secret`), from which the private link is derived. */
  secret: string;
  eventId: string;
  input: RegistrationInput;
  now?: Date;
  /** Demo rows standing for real, unnamed registrants. */
  sample?: boolean;
  /**
   * A walk-in registered by the event's staff at the check-in desk (decision 0013): the opening
   * and closing dates do not apply; registration must exist, and capacity, approval and one per
   * e-mail still do.
   */
  atDesk?: boolean;
}): Promise<{
  registration: Registration;
  token: string;
  /** Others moved meanwhile (offers passed on): to write to them too. */
  offered: Registration[];
  expired: Registration[];
}> {
  const now = o.now ?? new Date();
  const { input } = o;
  const email = input.email.toLowerCase();
  return o.db.transaction(async (tx) => {
    const settings = await lockSettings(tx, o.eventId);
    if (!settings) throw new InputError({ _form: 'registration.error.registration_closed' });
    if (!o.atDesk && settings.opensAt && now < settings.opensAt)
      throw new InputError({ _form: 'registration.error.registration_not_open_yet' });
    if (!o.atDesk && settings.closesAt && now >= settings.closesAt)
      throw new InputError({ _form: 'registration.error.registration_closed' });
    const [existing] = await tx
      .select()
      .from(registrations)
      .where(
        and(eq(registrations.eventId, o.eventId), sql`lower(${registrations.email}) = ${email}`),
      );
    if (existing && existing.status !== 'cancelled')
      throw new InputError({ email: 'registration.error.already_registered' });
    // The bus seat is counted under the same lock (transport/route-seats.ts).
    if (input.transportRouteId)
      await takeRouteSeat(tx, {
        eventId: o.eventId,
        routeId: input.transportRouteId,
        registrationId: existing?.id,
      });
    // Stale offers pass on and free seats go to the waiting list before any newcomer.
    const passed = await offerFreedSeats(tx, settings, now);
    const status = settings.requiresApproval
      ? 'pending'
      : settings.capacity === null || (await seatsHeld(tx, o.eventId)) < settings.capacity
        ? 'confirmed'
        : 'waiting';
    const personId = await matchPerson(tx, { eventId: o.eventId, input, email, sample: o.sample });
    const id = existing?.id ?? randomUUID();
    const token = registrationToken(o.secret, id);
    const values = {
      eventId: o.eventId,
      personId,
      email,
      name: input.name,
      institution: input.institution,
      stakeholderGroup: input.stakeholderGroup,
      country: input.country,
      gender: input.gender,
      accessibilityNeeds: input.accessibilityNeeds,
      consentPhotos: input.consentPhotos,
      consentStreaming: input.consentStreaming,
      consentContact: input.consentContact,
      lang: input.lang,
      status,
      queuedAt: now,
      offerExpiresAt: null,
      tokenHash: sha256(token),
      ticketCode: ticketCode(),
      answers: input.answers,
      transportRouteId: input.transportRouteId ?? null,
      sample: o.sample ?? false,
      updatedAt: now,
    } as const;
    const [registration] = existing
      ? await tx
          .update(registrations)
          .set(values)
          .where(eq(registrations.id, existing.id))
          .returning()
      : await tx
          .insert(registrations)
          .values({ ...values, id })
          .returning();
    await setSessionInterests(tx, {
      registrationId: registration!.id,
      eventId: o.eventId,
      sessionIds: input.sessionIds,
    });
    return { registration: registration!, token, ...passed };
  });
}

/** The network's person with this e-mail, or a new one; either way recorded as a registrant. */
async function matchPerson(
  tx: Db,
  o: { eventId: string; input: RegistrationInput; email: string; sample?: boolean },
): Promise<string | null> {
  if (o.sample) return null;
  const [event] = await tx
    .select({ initiativeId: editions.initiativeId, year: editions.year, title: events.titleEs })
    .from(events)
    .innerJoin(editions, eq(editions.id, events.editionId))
    .where(eq(events.id, o.eventId));
  if (!event) return null;
  const [found] = await tx
    .select({ personId: personEmails.personId })
    .from(personEmails)
    .where(sql`lower(${personEmails.email}) = ${o.email}`);
  const personId =
    found?.personId ??
    (
      await createPerson(tx, {
        initiativeId: event.initiativeId,
        year: event.year,
        label: event.title,
        source: 'registration',
        input: {
          name: o.input.name,
          email: o.email,
          country: o.input.country ?? undefined,
          languages: [o.input.lang],
          genderChoice: o.input.gender ?? undefined,
          genderSelfDescribed: undefined,
        },
      })
    ).id;
  await tx.insert(participations).values({
    personId,
    initiativeId: event.initiativeId,
    kind: 'registrant',
    year: event.year,
    label: event.title,
    sourceType: 'event',
    sourceId: o.eventId,
  });
  return personId;
}
