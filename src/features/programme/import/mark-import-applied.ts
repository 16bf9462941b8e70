/**
 * Notes that a stored schedule file has been applied, so its review page offers no second apply.
 *
 * @example
 * await markImportApplied(tx, { importId: row.id });
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { programmeImports } from '../schema';

export async function markImportApplied(db: Db, o: { importId: string }): Promise<void> {
  await db
    .update(programmeImports)
    .set({ appliedAt: new Date() })
    .where(eq(programmeImports.id, o.importId));
}
