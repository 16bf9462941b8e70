/**
 * What changed between two published versions of a programme, session by session: the public
 * changelog, and who must be told.
 *
 * @example
 * const changes = diffSnapshots(previous, next);
 * // [{ type: 'changed', sessionId, titleEs, titleEn, fields: ['time'], before: {...}, after: {...} }]
 */
import type { ProgrammeItem } from '../queries';
import type { Snapshot } from './snapshot';

export const changeFields = [
  'time',
  'room',
  'title',
  'description',
  'kind',
  'topic',
  'people',
  'institutions',
  'links',
] as const;
export type ChangeField = (typeof changeFields)[number];

type Where = { startsAt: string; endsAt: string; room: string | null };
export type ProgrammeChange = {
  type: 'added' | 'removed' | 'changed';
  sessionId: string;
  titleEs: string;
  titleEn: string | null;
  fields: ChangeField[];
  before?: Where;
  after?: Where;
  /** People on the session before or after: the ones to tell. */
  personIds: string[];
};

const where = (s: ProgrammeItem): Where => ({
  startsAt: new Date(s.startsAt).toISOString(),
  endsAt: new Date(s.endsAt).toISOString(),
  room: s.room?.name ?? null,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedFields(a: ProgrammeItem, b: ProgrammeItem): ChangeField[] {
  const wa = where(a);
  const wb = where(b);
  const checks: [ChangeField, unknown, unknown][] = [
    ['time', [wa.startsAt, wa.endsAt], [wb.startsAt, wb.endsAt]],
    ['room', wa.room, wb.room],
    ['title', [a.titleEs, a.titleEn], [b.titleEs, b.titleEn]],
    ['description', [a.descriptionEs, a.descriptionEn], [b.descriptionEs, b.descriptionEn]],
    ['kind', a.kind, b.kind],
    ['topic', a.topic, b.topic],
    [
      'people',
      a.people.map((p) => [p.role, p.personId, p.name]),
      b.people.map((p) => [p.role, p.personId, p.name]),
    ],
    [
      'institutions',
      a.institutions.map((i) => i.name).sort(),
      b.institutions.map((i) => i.name).sort(),
    ],
    [
      'links',
      [a.streamUrl, a.recordingUrl, a.doNotRecord, a.language],
      [b.streamUrl, b.recordingUrl, b.doNotRecord, b.language],
    ],
  ];
  return checks.filter(([, x, y]) => !same(x, y)).map(([f]) => f);
}

export function diffSnapshots(before: Snapshot | null, after: Snapshot): ProgrammeChange[] {
  const old = new Map((before?.sessions ?? []).map((s) => [s.id, s]));
  const changes: ProgrammeChange[] = [];
  for (const s of after.sessions) {
    const was = old.get(s.id);
    old.delete(s.id);
    const base = { sessionId: s.id, titleEs: s.titleEs, titleEn: s.titleEn };
    if (!was) {
      changes.push({
        ...base,
        type: 'added',
        fields: [],
        after: where(s),
        personIds: ids(s),
      });
      continue;
    }
    const fields = changedFields(was, s);
    if (fields.length)
      changes.push({
        ...base,
        type: 'changed',
        fields,
        before: where(was),
        after: where(s),
        personIds: [...new Set([...ids(was), ...ids(s)])],
      });
  }
  for (const s of old.values())
    changes.push({
      sessionId: s.id,
      titleEs: s.titleEs,
      titleEn: s.titleEn,
      type: 'removed',
      fields: [],
      before: where(s),
      personIds: ids(s),
    });
  return changes;
}

const ids = (s: ProgrammeItem) => [...new Set(s.people.map((p) => p.personId))];
