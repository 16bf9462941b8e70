/**
 * A schedule file stored for review, only if it belongs to the event (else undefined).
 *
 * @example
 * const row = await findStoredImport(db, { importId, eventId: event.id });
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { programmeImports } from '../schema';

export type ProgrammeImport = typeof programmeImports.$inferSelect;

export async function findStoredImport(
  db: Db,
  o: { importId: string; eventId: string },
): Promise<ProgrammeImport | undefined> {
  const [row] = await db
    .select()
    .from(programmeImports)
    .where(and(eq(programmeImports.id, o.importId), eq(programmeImports.eventId, o.eventId)));
  return row;
}
