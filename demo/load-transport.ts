/**
 * Loads demo/transport.json: the three buses of the 2018 forum from the seed (two from
 * Universidad de San Carlos, one from the Puma gas station at Boulevard Los Próceres, zone 10,
 * each to Universidad del Istmo and back). The seed gives no times and no seat counts: times
 * stay empty and the 50 seats per bus are a demo assumption (see the file's `about`).
 *
 * @example
 * await loadTransport(db); // three routes on the igf-guatemala-2018 forum
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../src/db/client';
import { editions, events } from '../src/features/programme/schema';
import { saveRoute } from '../src/features/registration/transport/save-route';

const file = z.object({
  about: z.string(),
  event: z.literal('forum'),
  routes: z
    .array(
      z.object({
        name: z.string().min(1),
        stops: z.array(z.object({ name: z.string().min(1), time: z.string().nullable() })).min(1),
        seats: z.number().int().min(1),
      }),
    )
    .min(1),
});

export function readTransportFile() {
  return file.parse(JSON.parse(readFileSync(new URL('./transport.json', import.meta.url), 'utf8')));
}

export async function loadTransport(db: Db) {
  const data = readTransportFile();
  const [forum] = await db
    .select({ id: events.id })
    .from(events)
    .innerJoin(editions, eq(editions.id, events.editionId))
    .where(and(eq(editions.slug, 'igf-guatemala-2018'), eq(events.kind, data.event)));
  if (!forum) throw new Error('The transport demo needs the demo forum');
  for (const route of data.routes)
    await saveRoute({
      db,
      eventId: forum.id,
      input: { ...route, departsAt: null, returnsAt: null },
    });
}
