import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../tests/support/test-database';
import type { Database } from '../src/db/client';
import { checkIgfRules } from '../src/features/committee/check-igf-rules';
import { listActivities } from '../src/features/committee/actions/queries';
import { listMeetings } from '../src/features/committee/meetings/queries';
import { loadCommittee } from '../src/features/committee/queries';
import { findInitiativeBySlug } from '../src/core/initiatives/queries';
import { meetings } from '../src/features/committee/schema';
import { dayKey } from '../src/lib/format';
import { loadDemo } from './load-demo';

let database: Database & { drop(): Promise<void> };
let initiativeId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  await loadDemo(database.db);
  initiativeId = (await findInitiativeBySlug(database.db, 'igf-guatemala'))!.id;
});
afterAll(() => database.drop());

describe('the demo committee', () => {
  it('has the seed’s member institutions and the four representatives who spoke at the press conference, and no invented focal point', async () => {
    const c = await loadCommittee(database.db, initiativeId);
    expect(c.focal).toBeNull();
    expect(c.members.map((m) => m.acronym).sort()).toEqual(
      [
        'AGEXPORT',
        'CETEL',
        'COPREDEH',
        'DEMOS',
        'ISOC',
        'ISOC Guatemala',
        'SIT',
        'UNESCO',
        'UNIS',
      ].sort(),
    );
    expect(c.members.flatMap((m) => m.representatives.map((r) => r.name)).sort()).toEqual([
      'Andrea Alvarado',
      'Estuardo Sandoval',
      'Montserrat Vidal',
      'Sofía Benítez',
    ]);
    expect(c.groups.map((g) => [g.name, g.members.length])).toEqual([['Petite committee', 0]]);
  });

  it('meets the stakeholder rule; gender and cities cannot be checked since the seed gives neither', async () => {
    const c = await loadCommittee(database.db, initiativeId);
    const check = checkIgfRules({ members: c.members });
    expect(check.stakeholders.status).toBe('met');
    expect(check.stakeholders.groups).toHaveLength(6);
    expect(check.gender.status).toBe('unknown');
    expect(check.regional.status).toBe('unknown');
  });

  it('has the cadence: every 15 days from 5 May, then the petite committee nine times (twice a week, then daily in the forum’s week), all marked sample', async () => {
    const rows = await listMeetings(database.db, { initiativeId });
    const committee = rows.filter((m) => !m.group);
    const petite = rows.filter((m) => m.group === 'Petite committee');
    expect(dayKey(committee[0]!.startsAt, 'America/Guatemala')).toBe('2018-05-05');
    expect(dayKey(committee[1]!.startsAt, 'America/Guatemala')).toBe('2018-05-20');
    expect(committee).toHaveLength(10);
    expect(petite.map((m) => dayKey(m.startsAt, 'America/Guatemala'))).toEqual([
      '2018-10-02',
      '2018-10-04',
      '2018-10-09',
      '2018-10-11',
      '2018-10-16',
      '2018-10-18',
      '2018-10-22',
      '2018-10-23',
      '2018-10-24',
    ]);
    expect(rows.every((m) => m.sample)).toBe(true);
    const withMinutes = await database.db
      .select({ minutes: meetings.minutes })
      .from(meetings)
      .where(and(eq(meetings.initiativeId, initiativeId), eq(meetings.minutesStatus, 'draft')));
    expect(withMinutes).toHaveLength(2);
    expect(withMinutes.every((m) => m.minutes!.includes('Acta de ejemplo'))).toBe(true);
  });

  it('has the activity list from the seed, each with its source', async () => {
    const list = await listActivities(database.db, initiativeId);
    expect(list.length).toBe(11);
    expect(list.every((a) => a.source?.startsWith('seed:'))).toBe(true);
    expect(list.find((a) => a.title.startsWith('Foros electrónicos'))!.status).toBe('dropped');
    expect(list.find((a) => a.title.startsWith('Desayuno'))!.startsOn).toBe('2018-09-19');
  });
});
