/**
 * The registrant changes their details, answers, consents and session interests through the
 * private link (the e-mail and the seat stay as they are), and the bus: a newly chosen route is
 * taken under the event's lock (`lockSettings`) or refused with an `InputError` on
 * `transportRouteId`.
 *
 * @example
 * await updateRegistration({ db, registrationId, input });
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { InputError } from '../../http/input-error';
import type { RegistrationInput } from './registration-input';
import { registrations } from './schema';
import { setSessionInterests } from './set-session-interests';
import { lockSettings } from './seats';
import { takeRouteSeat } from './transport/route-seats';

export async function updateRegistration(o: {
  db: Db;
  registrationId: string;
  input: Omit<RegistrationInput, 'email'>;
}) {
  const { input } = o;
  return o.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(registrations)
      .where(eq(registrations.id, o.registrationId));
    if (!current) throw new InputError({ _form: 'registration.error.registration_closed' });
    if (input.transportRouteId && input.transportRouteId !== current.transportRouteId) {
      await lockSettings(tx, current.eventId);
      await takeRouteSeat(tx, {
        eventId: current.eventId,
        routeId: input.transportRouteId,
        registrationId: current.id,
      });
    }
    const [updated] = await tx
      .update(registrations)
      .set({
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
        answers: input.answers,
        ...(input.transportRouteId === undefined
          ? {}
          : { transportRouteId: input.transportRouteId }),
        updatedAt: new Date(),
      })
      .where(eq(registrations.id, o.registrationId))
      .returning();
    await setSessionInterests(tx, {
      registrationId: o.registrationId,
      eventId: current.eventId,
      sessionIds: input.sessionIds,
    });
    return updated!;
  });
}
