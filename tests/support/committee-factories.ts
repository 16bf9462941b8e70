/**
 * Factories for an initiative's committee: a member institution with its representative, a
 * meeting, a task, through the same functions the pages use.
 *
 * @example
 * const { memberId, person } = await buildCommitteeMember(t.db, { initiative });
 * const meeting = await buildMeeting(t.db, { initiative, startsOn: '2030-05-05' });
 * const task = await buildTask(t.db, { initiative, title: 'Tarea', owner: { personId: person.id } });
 */
import type { Db } from '../../src/db/client';
import type { Initiative } from '../../src/core/initiatives/schema';
import { createActionItem } from '../../src/features/committee/actions/create-action-item';
import { addCommitteeMember } from '../../src/features/committee/add-committee-member';
import type { ScheduleInput } from '../../src/features/committee/meetings/meeting-input';
import { scheduleMeetings } from '../../src/features/committee/meetings/schedule-meetings';
import type { Person } from '../../src/features/network/schema';
import { buildInstitution, buildPerson } from './network-factories';

/**
 * An institution on the committee (a new one unless `institutionId` is given) with one
 * representative: `person`, or a new person of the initiative named `name` (with `email` and
 * `languages` if given).
 */
export async function buildCommitteeMember(
  db: Db,
  o: {
    initiative: Initiative;
    institutionId?: string;
    person?: Person;
    name?: string;
    email?: string;
    languages?: string[];
    city?: string | null;
  },
) {
  const institutionId = o.institutionId ?? (await buildInstitution(db)).id;
  const person =
    o.person ??
    (await buildPerson(db, {
      initiative: o.initiative,
      name: o.name ?? 'Representante',
      ...(o.email ? { email: o.email } : {}),
      ...(o.languages ? { languages: o.languages } : {}),
    }));
  const { memberId } = await addCommitteeMember(db, {
    initiative: o.initiative,
    input: { institutionId, city: o.city ?? null, personId: person.id, newName: null },
  });
  return { memberId, institutionId, person };
}

/**
 * One meeting of the whole committee (by default on 5 May 2030 at 10:00 for an hour, in
 * Guatemala); any field of the schedule form may be overridden.
 */
export async function buildMeeting(
  db: Db,
  o: { initiative: Initiative; timeZone?: string } & Partial<ScheduleInput>,
) {
  const { initiative, timeZone, ...input } = o;
  const { meetings } = await scheduleMeetings(db, {
    initiativeId: initiative.id,
    timeZone: timeZone ?? 'America/Guatemala',
    input: {
      title: 'Comité',
      kind: 'once',
      startsOn: '2030-05-05',
      time: '10:00',
      durationMinutes: 60,
      intervalDays: null,
      weekdays: [],
      place: null,
      onlineUrl: null,
      agenda: [],
      ...input,
    },
  });
  return meetings[0]!;
}

/** An action item of the initiative owned by a person or an institution, due on `dueOn` if given. */
export function buildTask(
  db: Db,
  o: {
    initiative: Initiative;
    title?: string;
    dueOn?: string;
    owner: { personId?: string; institutionId?: string };
  },
) {
  return createActionItem(db, {
    initiativeId: o.initiative.id,
    userId: null,
    input: {
      title: o.title ?? 'Tarea',
      dueOn: o.dueOn,
      owner: { personId: o.owner.personId ?? null, institutionId: o.owner.institutionId ?? null },
    },
  });
}
