/**
 * Loads demo/outcomes.json: IGF Guatemala 2018's conclusions and recommendations from the seed
 * report, word for word in English under the report's headings, and its plans for the next
 * edition as commitments, all published (the report published them; it gives no date).
 *
 * @example
 * await loadOutcomes(db);
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../src/db/client';
import { outcomeKinds, outcomes } from '../src/features/outcomes/schema';
import { editions } from '../src/features/programme/schema';

const file = z.object({
  edition: z.string(),
  outcomes: z.array(
    z.object({
      kind: z.enum(outcomeKinds),
      topic: z.string().nullable(),
      textEn: z.string().min(1),
      source: z.string(),
    }),
  ),
});

export function readOutcomesFile() {
  return file.parse(JSON.parse(readFileSync(new URL('./outcomes.json', import.meta.url), 'utf8')));
}

export async function loadOutcomes(db: Db) {
  const data = readOutcomesFile();
  const [edition] = await db.select().from(editions).where(eq(editions.slug, data.edition));
  if (!edition) throw new Error(`The outcomes demo needs the edition ${data.edition}`);
  await db.insert(outcomes).values(
    data.outcomes.map((o, i) => ({
      editionId: edition.id,
      kind: o.kind,
      topic: o.topic,
      textEn: o.textEn,
      originalLang: 'en' as const,
      source: o.source,
      position: i + 1,
      status: 'published' as const,
    })),
  );
}
