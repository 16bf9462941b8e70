import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../tests/support/test-database';
import type { Database } from '../src/db/client';
import { programmeSessions, editions, events } from '../src/features/programme/schema';
import { listTracks, publicTopics } from '../src/features/topics/queries';
import { loadDemo } from './load-demo';
import { readTopicsFile } from './load-topics';

let database: Database & { drop(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
  await loadDemo(database.db);
  // Loading the whole demo can take over 30 s on a busy machine.
}, 120_000);
afterAll(() => database.drop());

describe('the demo topics', () => {
  it('are the seed’s six topics, selected as tracks that the programme’s panels use, with no invented call or votes', async () => {
    const [edition] = await database.db
      .select()
      .from(editions)
      .where(eq(editions.slug, 'igf-guatemala-2018'));
    const shown = await publicTopics(database.db, edition!.id);
    expect(shown.selected.map((t) => t.title).sort()).toEqual(
      readTopicsFile()
        .topics.map((t) => t.title)
        .sort(),
    );
    expect(shown.selected).toHaveLength(6);
    expect(shown.selected.every((t) => t.origin === 'committee' && t.votes === 0)).toBe(true);
    expect(shown.proposals).toBe(0);
    expect(shown.shortlisted).toEqual([]);
    expect(shown.call?.opensAt).toBeNull();
    expect(shown.call?.noteEs).toContain('no describe una convocatoria pública');
    const sessionTopics = await database.db
      .selectDistinct({ topic: programmeSessions.topic })
      .from(programmeSessions)
      .innerJoin(events, eq(events.id, programmeSessions.eventId))
      .where(eq(events.editionId, edition!.id));
    const used = sessionTopics.map((s) => s.topic).filter((t): t is string => Boolean(t));
    expect(used.sort()).toEqual(await listTracks(database.db, edition!.id));
  });
});
