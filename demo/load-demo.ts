/**
 * Loads the IGF Guatemala 2018 demo from the readable files beside this one, once per database.
 *
 * @example
 * await loadDemo(db); // { loaded: true } the first time, { loaded: false } after
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Db } from '../src/db/client';
import { createInitiative } from '../src/features/initiatives/queries';
import { getSetting, setSetting } from '../src/features/system/settings';

const initiativesFile = z.array(
  z.object({ slug: z.string(), name: z.string(), source: z.string() }),
);

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));
}

export async function loadDemo(db: Db): Promise<{ loaded: boolean }> {
  if (await getSetting<boolean>(db, 'demo_loaded')) return { loaded: false };
  await db.transaction(async (tx) => {
    for (const i of initiativesFile.parse(readJson('initiatives.json'))) {
      await createInitiative(tx, { slug: i.slug, name: i.name });
    }
    await setSetting(tx, 'demo_loaded', true);
  });
  return { loaded: true };
}
