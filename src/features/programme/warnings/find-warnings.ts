/**
 * The programme's warnings, never silent: people in two places at once, rooms used twice, rooms
 * used outside their availability or above capacity, IGF diversity rules per panel, and people
 * speaking more often than the edition allows. Pure: it gets every fact it needs.
 *
 * @example
 * const warnings = findWarnings({ sessions, people, availability, travelBufferMinutes: 15, maxSessionsPerSpeaker: 3 });
 * // [{ code: 'room_clash', sessionIds: [a, b], room: 'Aula Seminario' }, …]
 */
import type { SessionRole } from '../schema';

export type WarningSession = {
  id: string;
  kind: string;
  titleEs: string;
  titleEn: string | null;
  startsAt: Date;
  endsAt: Date;
  /** False when the event only knows its date: no time-based checks. */
  timed: boolean;
  room: { id: string; name: string; capacity: number | null } | null;
  people: { personId: string; role: SessionRole }[];
};

export type WarningPerson = {
  id: string;
  name: string;
  gender: string | null;
  stakeholderGroup: string | null;
};

export type ProgrammeWarning =
  | { code: 'person_double_booked'; personId: string; name: string; sessionIds: [string, string] }
  | { code: 'room_clash'; room: string; sessionIds: [string, string] }
  | { code: 'room_unavailable'; room: string; sessionIds: [string] }
  | {
      code: 'over_capacity';
      room: string;
      expected: number;
      capacity: number;
      sessionIds: [string];
    }
  | { code: 'panel_few_speakers'; count: number; sessionIds: [string] }
  | { code: 'panel_one_gender'; sessionIds: [string] }
  | { code: 'panel_no_moderator'; sessionIds: [string] }
  | { code: 'panel_few_groups'; count: number; sessionIds: [string] }
  | {
      code: 'speaker_limit';
      personId: string;
      name: string;
      count: number;
      max: number;
      sessionIds: string[];
    };

export type WarningCode = ProgrammeWarning['code'];

export const warningCodes = [
  'person_double_booked',
  'room_clash',
  'room_unavailable',
  'over_capacity',
  'panel_few_speakers',
  'panel_one_gender',
  'panel_no_moderator',
  'panel_few_groups',
  'speaker_limit',
] as const satisfies readonly WarningCode[];

/** The IGF's minimums for a panel. */
export const PANEL_RULES = { minSpeakers: 3, minGroups: 2 } as const;

export function findWarnings(o: {
  sessions: WarningSession[];
  people: Map<string, WarningPerson>;
  /** Availability windows per room id; a room without windows is always available. */
  availability: Map<string, { startsAt: Date; endsAt: Date }[]>;
  /** Expected attendance per session id (registered interest), when known. */
  expected?: Map<string, number>;
  travelBufferMinutes: number;
  maxSessionsPerSpeaker: number;
}): ProgrammeWarning[] {
  const out: ProgrammeWarning[] = [];
  const timed = o.sessions
    .filter((s) => s.timed)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const buffer = o.travelBufferMinutes * 60_000;

  for (let i = 0; i < timed.length; i++) {
    const a = timed[i]!;
    for (let j = i + 1; j < timed.length; j++) {
      const b = timed[j]!;
      // Sorted by start: once b starts after a ends plus the buffer, no later session can clash.
      if (b.startsAt.getTime() >= a.endsAt.getTime() + buffer) break;
      const overlap = b.startsAt < a.endsAt;
      if (overlap && a.room && b.room && a.room.id === b.room.id)
        out.push({ code: 'room_clash', room: a.room.name, sessionIds: [a.id, b.id] });
      const differentRooms = (a.room?.id ?? null) !== (b.room?.id ?? null);
      if (!overlap && !differentRooms) continue;
      const inA = new Set(a.people.map((p) => p.personId));
      for (const personId of new Set(b.people.map((p) => p.personId))) {
        if (!inA.has(personId)) continue;
        out.push({
          code: 'person_double_booked',
          personId,
          name: o.people.get(personId)?.name ?? '',
          sessionIds: [a.id, b.id],
        });
      }
    }
  }

  for (const s of timed) {
    if (!s.room) continue;
    const windows = o.availability.get(s.room.id) ?? [];
    if (windows.length && !windows.some((w) => w.startsAt <= s.startsAt && s.endsAt <= w.endsAt))
      out.push({ code: 'room_unavailable', room: s.room.name, sessionIds: [s.id] });
    const expected = o.expected?.get(s.id);
    if (expected !== undefined && s.room.capacity !== null && expected > s.room.capacity)
      out.push({
        code: 'over_capacity',
        room: s.room.name,
        expected,
        capacity: s.room.capacity,
        sessionIds: [s.id],
      });
  }

  for (const s of o.sessions) {
    if (s.kind !== 'panel') continue;
    const speakers = unique(s.people.filter((p) => p.role === 'speaker'));
    const moderators = unique(s.people.filter((p) => p.role === 'moderator'));
    if (speakers.length < PANEL_RULES.minSpeakers)
      out.push({ code: 'panel_few_speakers', count: speakers.length, sessionIds: [s.id] });
    const genders = new Set(
      speakers.map((id) => o.people.get(id)?.gender).filter((g): g is string => Boolean(g)),
    );
    if (speakers.length > 1 && genders.size <= 1)
      out.push({ code: 'panel_one_gender', sessionIds: [s.id] });
    if (moderators.length === 0) out.push({ code: 'panel_no_moderator', sessionIds: [s.id] });
    const groups = new Set(
      [...speakers, ...moderators]
        .map((id) => o.people.get(id)?.stakeholderGroup)
        .filter((g): g is string => Boolean(g)),
    );
    if (groups.size < PANEL_RULES.minGroups)
      out.push({ code: 'panel_few_groups', count: groups.size, sessionIds: [s.id] });
  }

  const speaking = new Map<string, string[]>();
  for (const s of o.sessions)
    for (const id of unique(s.people.filter((p) => p.role === 'speaker')))
      speaking.set(id, [...(speaking.get(id) ?? []), s.id]);
  for (const [personId, ids] of speaking)
    if (ids.length > o.maxSessionsPerSpeaker)
      out.push({
        code: 'speaker_limit',
        personId,
        name: o.people.get(personId)?.name ?? '',
        count: ids.length,
        max: o.maxSessionsPerSpeaker,
        sessionIds: ids,
      });
  return out;
}

const unique = (rows: { personId: string }[]) => [...new Set(rows.map((p) => p.personId))];
