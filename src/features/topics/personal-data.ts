/**
 * The topics feature's part of a person's data.
 *
 * @example
 * await topicsPersonalData.erase(tx, subject);
 */
import type { PersonalDataPart } from '../../core/module';

export const topicsPersonalData: PersonalDataPart = {
  tables: [],
  collect: async () => ({}),
  erase: async () => {},
};
