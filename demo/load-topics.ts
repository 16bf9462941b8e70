/**
 * Loads demo/topics.json: IGF Guatemala 2018's six topics from the seed report as the edition's
 * selected tracks, entered as the committee's (the report describes no public call or vote), and
 * the note on the public topics page saying so.
 *
 * @example
 * await loadTopics(db);
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../src/db/client';
import { editions } from '../src/features/programme/schema';
import { topicCalls, topics } from '../src/features/topics/schema';

const file = z.object({
  edition: z.string(),
  noteEs: z.string(),
  noteEn: z.string(),
  topics: z.array(
    z.object({ title: z.string(), trackName: z.string().max(100), source: z.string() }),
  ),
});

export function readTopicsFile() {
  return file.parse(JSON.parse(readFileSync(new URL('./topics.json', import.meta.url), 'utf8')));
}

export async function loadTopics(db: Db) {
  const data = readTopicsFile();
  const [edition] = await db.select().from(editions).where(eq(editions.slug, data.edition));
  if (!edition) throw new Error(`The topics demo needs the edition ${data.edition}`);
  await db
    .insert(topicCalls)
    .values({ editionId: edition.id, noteEs: data.noteEs, noteEn: data.noteEn });
  for (const t of data.topics)
    await db.insert(topics).values({
      editionId: edition.id,
      origin: 'committee',
      title: t.title,
      lang: 'en',
      status: 'selected',
      trackName: t.trackName,
      source: t.source,
    });
}
