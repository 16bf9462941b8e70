/**
 * Sets the committee's focal point (a person of the initiative's network, or nobody) and the time
 * zone its meetings are scheduled in.
 *
 * @example
 * await saveCommitteeSettings(db, { initiativeId, input: { focalPersonId: ana.id, timeZone: 'America/Guatemala' } });
 */
import { InputError } from '../../http/input-error';
import type { Db } from '../../db/client';
import type { SettingsInput } from './committee-input';
import { isPersonOfInitiative } from './queries';
import { committees } from './schema';

export async function saveCommitteeSettings(
  db: Db,
  o: { initiativeId: string; input: SettingsInput },
) {
  const focalPersonId = o.input.focalPersonId ?? null;
  if (focalPersonId && !(await isPersonOfInitiative(db, focalPersonId, o.initiativeId)))
    throw new InputError({ focalPersonId: { key: 'committee.person.notInNetwork' } });
  const values = { focalPersonId, timeZone: o.input.timeZone, updatedAt: new Date() };
  await db
    .insert(committees)
    .values({ initiativeId: o.initiativeId, ...values })
    .onConflictDoUpdate({ target: committees.initiativeId, set: values });
}
