/**
 * Changes an edition's scheduling rules (travel buffer, sessions per speaker).
 *
 * @example
 * await updateEditionSettings(db, { editionId, settings: { travelBufferMinutes: 20, maxSessionsPerSpeaker: 2 } });
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { editions } from '../schema';
import type { EditionSettingsInput } from './edition-input';

export async function updateEditionSettings(
  db: Db,
  o: { editionId: string; settings: EditionSettingsInput },
): Promise<void> {
  await db.update(editions).set(o.settings).where(eq(editions.id, o.editionId));
}
