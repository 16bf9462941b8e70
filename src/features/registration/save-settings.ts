/**
 * Opens (or changes) registration for an event: dates, capacity, approval, how long an offered
 * seat is held. Raising the capacity offers the new seats to the waiting list at once.
 *
 * @example
 * await saveRegistrationSettings({ db, eventId, input: { capacity: 200, requiresApproval: false, offerHours: 48, opensAt: null, closesAt: null } });
 */
import type { Db } from '../../db/client';
import { registrationSettings, type RegistrationSettings } from './schema';
import { lockSettings, offerFreedSeats } from './seats';

export type SettingsInput = Omit<RegistrationSettings, 'eventId'>;

export async function saveRegistrationSettings(o: {
  db: Db;
  eventId: string;
  input: SettingsInput;
  now?: Date;
}) {
  return o.db.transaction(async (tx) => {
    await tx
      .insert(registrationSettings)
      .values({ eventId: o.eventId, ...o.input })
      .onConflictDoUpdate({ target: registrationSettings.eventId, set: o.input });
    const settings = await lockSettings(tx, o.eventId);
    return offerFreedSeats(tx, settings!, o.now ?? new Date());
  });
}
