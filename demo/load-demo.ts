/**
 * Loads the IGF Guatemala 2018 demo from the readable files beside this one. Each part loads once
 * per database (remembered in app_settings), so a newer release adds only its new parts.
 *
 * @example
 * await loadDemo(db); // { loaded: ['initiatives', 'network'] } the first time, { loaded: [] } after
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Db } from '../src/db/client';
import { createInitiative, findInitiativeBySlug } from '../src/core/initiatives/queries';
import { getSetting, setSetting } from '../src/core/system/settings';
import { loadMoney } from './load-money';
import { loadCommittee } from './load-committee';
import { loadTopics } from './load-topics';
import { loadOutcomes } from './load-outcomes';
import { loadNetwork } from './load-network';
import { loadProgramme } from './load-programme';
import { loadRegistrations } from './load-registrations';
import { loadInvitations } from './load-invitations';
import { loadTransport } from './load-transport';
import { loadCheckins } from './load-checkins';
import { loadEventDay } from './load-event-day';

const initiativesFile = z.array(
  z.object({ slug: z.string(), name: z.string(), source: z.string() }),
);

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));
}

const parts: { name: string; load: (db: Db) => Promise<unknown> }[] = [
  {
    name: 'initiatives',
    load: async (db) => {
      for (const i of initiativesFile.parse(readJson('initiatives.json')))
        await createInitiative(db, { slug: i.slug, name: i.name });
    },
  },
  {
    name: 'network',
    load: async (db) => {
      const initiative = await findInitiativeBySlug(db, 'igf-guatemala');
      if (!initiative) throw new Error('The network demo needs the igf-guatemala initiative');
      await loadNetwork(db, { initiativeId: initiative.id });
    },
  },
  {
    name: 'programme',
    load: async (db) => {
      const initiative = await findInitiativeBySlug(db, 'igf-guatemala');
      if (!initiative) throw new Error('The programme demo needs the igf-guatemala initiative');
      await loadProgramme(db, { initiativeId: initiative.id });
    },
  },
  { name: 'registrations', load: (db) => loadRegistrations(db) },
  { name: 'invitations', load: (db) => loadInvitations(db) },
  { name: 'transport', load: (db) => loadTransport(db) },
  { name: 'checkins', load: (db) => loadCheckins(db) },
  { name: 'event-day', load: (db) => loadEventDay(db) },
  { name: 'money', load: (db) => loadMoney(db) },
  { name: 'topics', load: (db) => loadTopics(db) },
  { name: 'committee', load: (db) => loadCommittee(db) },
  { name: 'outcomes', load: (db) => loadOutcomes(db) },
];

export async function loadDemo(db: Db): Promise<{ loaded: string[] }> {
  const loaded: string[] = [];
  for (const part of parts) {
    const key = `demo:${part.name}`;
    if (await getSetting<boolean>(db, key)) continue;
    await db.transaction(async (tx) => {
      await part.load(tx);
      await setSetting(tx, key, true);
    });
    loaded.push(part.name);
  }
  return { loaded };
}
