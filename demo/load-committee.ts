/**
 * Loads demo/committee.json: IGF Guatemala's 2018 organising committee (member institutions and
 * the representatives the seed names), the petite committee, the meeting cadences (every meeting
 * marked as sample: the seed gives the rhythm, not the dates and times), two sample minutes, and
 * the activity plan for the 2018 edition, each with the seed's words as its source.
 *
 * @example
 * await loadCommittee(tx);
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../src/db/client';
import { addActivity } from '../src/features/committee/actions/add-activity';
import { addWorkingGroup } from '../src/features/committee/add-working-group';
import { loadMeeting } from '../src/features/committee/meetings/queries';
import { recordMeeting } from '../src/features/committee/meetings/record-meeting';
import { scheduleMeetings } from '../src/features/committee/meetings/schedule-meetings';
import {
  activityStatuses,
  cadenceKinds,
  committeeMembers,
  committeeRepresentatives,
  committees,
} from '../src/features/committee/schema';
import { findInitiativeBySlug } from '../src/core/initiatives/queries';
import { institutions, people } from '../src/features/network/schema';
import { editions } from '../src/features/programme/schema';
import { dayKey } from '../src/lib/format';
import { readNetworkFile } from './load-network';

const file = z.object({
  initiative: z.string(),
  edition: z.string(),
  timeZone: z.string(),
  source: z.string(),
  members: z.array(
    z.object({ institution: z.string(), representatives: z.array(z.string()), source: z.string() }),
  ),
  workingGroups: z.array(z.object({ name: z.string(), purpose: z.string(), source: z.string() })),
  cadences: z.array(
    z.object({
      title: z.string(),
      group: z.string().nullable(),
      kind: z.enum(cadenceKinds),
      intervalDays: z.number().int().optional(),
      weekdays: z.array(z.number().int()).optional(),
      startsOn: z.iso.date(),
      endsOn: z.iso.date(),
      time: z.string(),
      durationMinutes: z.number().int(),
      source: z.string(),
    }),
  ),
  sampleMinutes: z.array(
    z.object({
      startsOn: z.iso.date(),
      agenda: z.array(z.string()),
      minutes: z.string(),
      decisions: z.array(z.string()),
    }),
  ),
  activities: z.array(
    z.object({
      title: z.string(),
      startsOn: z.iso.date().optional(),
      endsOn: z.iso.date().optional(),
      status: z.enum(activityStatuses),
      source: z.string(),
    }),
  ),
});

export function readCommitteeFile() {
  return file.parse(JSON.parse(readFileSync(new URL('./committee.json', import.meta.url), 'utf8')));
}

export async function loadCommittee(db: Db) {
  const data = readCommitteeFile();
  const initiative = await findInitiativeBySlug(db, data.initiative);
  if (!initiative) throw new Error(`The committee demo needs the initiative ${data.initiative}`);
  const [edition] = await db.select().from(editions).where(eq(editions.slug, data.edition));
  const network = readNetworkFile();
  const institutionName = new Map(network.institutions.map((i) => [i.key, i.name]));
  const personName = new Map(network.people.map((p) => [p.key, p.name]));
  const idOf = async (table: typeof institutions | typeof people, name: string | undefined) => {
    const [row] = name
      ? await db.select({ id: table.id }).from(table).where(eq(table.name, name))
      : [];
    if (!row) throw new Error(`${name ?? 'A key'} is not in demo/network.json`);
    return row.id;
  };

  await db
    .insert(committees)
    .values({ initiativeId: initiative.id, timeZone: data.timeZone, source: data.source })
    .onConflictDoNothing();
  for (const m of data.members) {
    const [member] = await db
      .insert(committeeMembers)
      .values({
        initiativeId: initiative.id,
        institutionId: await idOf(institutions, institutionName.get(m.institution)),
        source: m.source,
      })
      .returning();
    for (const key of m.representatives)
      await db.insert(committeeRepresentatives).values({
        memberId: member!.id,
        personId: await idOf(people, personName.get(key)),
      });
  }
  const groups = new Map<string, string>();
  for (const g of data.workingGroups) {
    const row = await addWorkingGroup(db, {
      initiativeId: initiative.id,
      input: { name: g.name, purpose: g.purpose },
      source: g.source,
    });
    groups.set(g.name, row.id);
  }
  const meetingIds = new Map<string, string>();
  for (const cadence of data.cadences) {
    const { meetings } = await scheduleMeetings(db, {
      initiativeId: initiative.id,
      timeZone: data.timeZone,
      sample: true,
      source: cadence.source,
      input: {
        title: cadence.title,
        workingGroupId: cadence.group ? groups.get(cadence.group) : undefined,
        kind: cadence.kind,
        startsOn: cadence.startsOn,
        endsOn: cadence.endsOn,
        time: cadence.time,
        durationMinutes: cadence.durationMinutes,
        intervalDays: cadence.intervalDays ?? null,
        weekdays: cadence.weekdays ?? [],
        place: null,
        onlineUrl: null,
        agenda: [],
      },
    });
    for (const m of meetings) meetingIds.set(dayKey(m.startsAt, data.timeZone), m.id);
  }
  for (const s of data.sampleMinutes) {
    const meetingId = meetingIds.get(s.startsOn);
    const meeting =
      meetingId && (await loadMeeting(db, { initiativeId: initiative.id, meetingId }));
    if (!meeting) throw new Error(`No demo meeting on ${s.startsOn}`);
    await recordMeeting(db, {
      meeting,
      input: { agenda: s.agenda, attended: [], minutes: s.minutes, decisions: s.decisions },
    });
  }
  for (const a of data.activities)
    await addActivity(db, {
      initiativeId: initiative.id,
      input: { ...a, editionId: edition?.id },
      source: a.source,
    });
  return { members: data.members.length, meetings: meetingIds.size };
}
