/**
 * Times the people import on 5,000 rows against an in-memory database: the review (validation
 * and duplicate search) and the chunked write.
 */
import { openDatabase } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { createInitiative } from '../src/core/initiatives/queries';
import { reviewRows } from '../src/features/network/import/review-rows';
import { runImport } from '../src/features/network/import/run-import';
import { peopleImports } from '../src/features/network/import/schema';

export async function benchImport(rows: number): Promise<{ reviewMs: number; writeMs: number }> {
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(database);
  const db = database.db;
  const initiative = (await createInitiative(db, { slug: 'bench', name: 'Bench' }))!;
  const data = Array.from({ length: rows }, (_, i) => [
    `Persona ${i}`,
    `p${i}@example.org`,
    'GT',
    'es',
  ]);
  const [imp] = await db
    .insert(peopleImports)
    .values({
      initiativeId: initiative.id,
      filename: 'bench.csv',
      status: 'importing',
      headers: ['name', 'email', 'country', 'languages'],
      rows: data,
      mapping: { name: 0, email: 1, country: 2, languages: 3 },
    })
    .returning();
  let t = performance.now();
  await reviewRows(db, imp!);
  const reviewMs = Math.round(performance.now() - t);
  t = performance.now();
  await runImport(db, { importId: imp!.id });
  const writeMs = Math.round(performance.now() - t);
  await database.close();
  return { reviewMs, writeMs };
}
