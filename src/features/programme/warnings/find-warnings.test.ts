import { describe, expect, it } from 'vitest';
import { findWarnings, type WarningPerson, type WarningSession } from './find-warnings';

const at = (hhmm: string) => new Date(`2018-10-25T${hhmm}:00-06:00`);
const roomA = { id: 'a', name: 'Aula Seminario', capacity: 40 };
const roomB = { id: 'b', name: 'Auditorium Ficohsa', capacity: 200 };

function session(over: Partial<WarningSession> & { id: string }): WarningSession {
  return {
    kind: 'keynote',
    titleEs: over.id,
    titleEn: null,
    startsAt: at('10:00'),
    endsAt: at('11:00'),
    timed: true,
    room: roomA,
    people: [],
    ...over,
  };
}

function person(id: string, over: Partial<WarningPerson> = {}): [string, WarningPerson] {
  return [id, { id, name: id, gender: null, stakeholderGroup: null, ...over }];
}

const base = { availability: new Map(), travelBufferMinutes: 15, maxSessionsPerSpeaker: 3 };

describe('findWarnings', () => {
  it('finds a person in two rooms without the travel buffer, not back-to-back in one room', () => {
    const ana = { personId: 'ana', role: 'speaker' as const };
    const sessions = [
      session({ id: 's1', people: [ana] }),
      session({ id: 's2', room: roomB, startsAt: at('11:10'), endsAt: at('12:00'), people: [ana] }),
      session({ id: 's3', startsAt: at('11:00'), endsAt: at('11:30'), people: [ana] }),
    ];
    const codes = findWarnings({ ...base, sessions, people: new Map([person('ana')]) });
    expect(codes).toContainEqual(
      expect.objectContaining({ code: 'person_double_booked', sessionIds: ['s1', 's2'] }),
    );
    // s1 → s3 is the same room back to back: fine. s3 → s2 overlaps in time: double-booked.
    expect(codes.filter((w) => w.code === 'person_double_booked')).toHaveLength(2);
    const relaxed = findWarnings({
      ...base,
      travelBufferMinutes: 5,
      sessions: sessions.slice(0, 2),
      people: new Map([person('ana')]),
    });
    expect(relaxed).toEqual([]);
  });

  it('finds two sessions in one room at once, and use outside the room’s availability', () => {
    const w = findWarnings({
      ...base,
      sessions: [session({ id: 's1' }), session({ id: 's2', startsAt: at('10:30') })],
      people: new Map(),
      availability: new Map([['a', [{ startsAt: at('08:00'), endsAt: at('10:45') }]]]),
    });
    expect(w.map((x) => x.code).sort()).toEqual([
      'room_clash',
      'room_unavailable',
      'room_unavailable',
    ]);
  });

  it('checks expected attendance against capacity when it is known', () => {
    const w = findWarnings({
      ...base,
      sessions: [session({ id: 's1' })],
      people: new Map(),
      expected: new Map([['s1', 41]]),
    });
    expect(w).toEqual([
      {
        code: 'over_capacity',
        room: 'Aula Seminario',
        expected: 41,
        capacity: 40,
        sessionIds: ['s1'],
      },
    ]);
  });

  it('applies the IGF diversity rules to panels only', () => {
    const people = new Map([
      person('p1', { gender: 'man', stakeholderGroup: 'government' }),
      person('p2', { gender: 'man', stakeholderGroup: 'government' }),
    ]);
    const speakers = ['p1', 'p2'].map((personId) => ({ personId, role: 'speaker' as const }));
    const panel = session({ id: 'panel', kind: 'panel', people: speakers });
    const codes = findWarnings({ ...base, sessions: [panel], people }).map((w) => w.code);
    expect(codes.sort()).toEqual([
      'panel_few_groups',
      'panel_few_speakers',
      'panel_no_moderator',
      'panel_one_gender',
    ]);
    const keynote = session({ id: 'k', people: speakers });
    expect(findWarnings({ ...base, sessions: [keynote], people })).toEqual([]);
    people.set(...person('p3', { gender: 'woman', stakeholderGroup: 'civil_society' }));
    people.set(...person('m', { gender: 'woman', stakeholderGroup: 'academia' }));
    const fixed = session({
      id: 'panel',
      kind: 'panel',
      people: [
        ...speakers,
        { personId: 'p3', role: 'speaker' },
        { personId: 'm', role: 'moderator' },
      ],
    });
    expect(findWarnings({ ...base, sessions: [fixed], people })).toEqual([]);
  });

  it('counts sessions a person speaks in against the edition’s limit; date-only events are not timed', () => {
    const sessions = [1, 2, 3].map((n) =>
      session({
        id: `s${n}`,
        timed: false,
        startsAt: at('09:00'),
        endsAt: at('17:00'),
        people: [{ personId: 'ana', role: 'speaker' }],
      }),
    );
    const w = findWarnings({
      ...base,
      maxSessionsPerSpeaker: 2,
      sessions,
      people: new Map([person('ana')]),
    });
    expect(w).toEqual([
      {
        code: 'speaker_limit',
        personId: 'ana',
        name: 'ana',
        count: 3,
        max: 2,
        sessionIds: ['s1', 's2', 's3'],
      },
    ]);
  });
});
