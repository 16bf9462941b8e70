/**
 * The committee feature's part of a person's data.
 *
 * @example
 * await committeePersonalData.erase(tx, subject);
 */
import type { PersonalDataPart } from '../../core/module';

export const committeePersonalData: PersonalDataPart = {
  tables: [],
  collect: async () => ({}),
  erase: async () => {},
};
