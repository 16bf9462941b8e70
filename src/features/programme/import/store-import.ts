/**
 * Keeps a parsed schedule file for review before it is applied to the event; answers its id.
 *
 * @example
 * const id = await storeImport(db, { eventId, filename: 'schedule.xml', programme, userId });
 */
import type { Db } from '../../../db/client';
import { programmeImports } from '../schema';
import type { ImportedProgramme } from './types';

export async function storeImport(
  db: Db,
  o: { eventId: string; filename: string; programme: ImportedProgramme; userId: string },
): Promise<string> {
  const [row] = await db
    .insert(programmeImports)
    .values({
      eventId: o.eventId,
      format: o.programme.format,
      filename: o.filename.slice(0, 200),
      programme: o.programme,
      createdBy: o.userId,
    })
    .returning({ id: programmeImports.id });
  return row!.id;
}
