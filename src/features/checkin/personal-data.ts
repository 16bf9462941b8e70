/**
 * The checkin feature's part of a person's data.
 *
 * @example
 * await checkinPersonalData.erase(tx, subject);
 */
import type { PersonalDataPart } from '../../core/module';

export const checkinPersonalData: PersonalDataPart = {
  tables: [],
  collect: async () => ({}),
  erase: async () => {},
};
