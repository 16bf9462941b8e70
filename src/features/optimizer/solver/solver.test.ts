import { describe, expect, it } from 'vitest';
import { checkHardRules } from './check-hard-rules';
import { createEvaluator, HARD } from './create-evaluator';
import { createRandom } from './create-random';
import { optimizerInputSchema, type OptimizerInputData } from './model';
import { fromPlacement } from './placement';
import { prepareInstance } from './prepare-instance';
import { scoreTimetable } from './score-timetable';
import { searchTimetable } from './search-timetable';

const prepare = (data: OptimizerInputData) =>
  prepareInstance({ input: optimizerInputSchema.parse(data) });

/** The 2018 forum's shape: two blocks of three rooms, a 30-minute break between them. */
const forum = (extra: Partial<OptimizerInputData> = {}): OptimizerInputData => ({
  blocks: [
    { id: 'am', start: 540, end: 630 },
    { id: 'pm', start: 660, end: 750 },
  ],
  rooms: [
    { id: 'A', capacity: 200 },
    { id: 'B', capacity: 80 },
    { id: 'C', capacity: 80 },
  ],
  sessions: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((id) => ({ id, duration: 90 })),
  ...extra,
});

describe('checkHardRules', () => {
  const spread = {
    p1: { block: 'am', room: 'A' },
    p2: { block: 'am', room: 'B' },
    p3: { block: 'am', room: 'C' },
    p4: { block: 'pm', room: 'A' },
    p5: { block: 'pm', room: 'B' },
    p6: { block: 'pm', room: 'C' },
  };

  it('finds nothing in a timetable that keeps every rule', () => {
    expect(checkHardRules({ instance: prepare(forum()), timetable: spread })).toEqual([]);
  });

  it('finds a person in two rooms in the same block', () => {
    const instance = prepare(
      forum({
        sessions: forum().sessions!.map((s) =>
          s.id === 'p1' || s.id === 'p2' ? { ...s, people: ['ana'] } : s,
        ),
      }),
    );
    expect(checkHardRules({ instance, timetable: spread })).toEqual([
      { rule: 'person_clash', sessions: ['p1', 'p2'], people: ['ana'], blocks: ['am', 'am'] },
    ]);
  });

  it('finds a person who cannot change rooms within the travel buffer, and not with time to spare', () => {
    const data = forum({
      sessions: forum().sessions!.map((s) =>
        s.id === 'p1' || s.id === 'p5' ? { ...s, people: ['ana'] } : s,
      ),
    });
    const tight = prepare({ ...data, travelBufferMinutes: 45 });
    expect(checkHardRules({ instance: tight, timetable: spread }).map((v) => v.rule)).toEqual([
      'person_clash',
    ]);
    const easy = prepare({ ...data, travelBufferMinutes: 15 });
    expect(checkHardRules({ instance: easy, timetable: spread })).toEqual([]);
  });

  it('finds a room used while unavailable', () => {
    const data = forum();
    const instance = prepare({
      ...data,
      rooms: [{ id: 'A', capacity: 200, unavailableBlocks: ['pm'] }, ...data.rooms.slice(1)],
    });
    expect(checkHardRules({ instance, timetable: spread })).toEqual([
      { rule: 'room_unavailable', sessions: ['p4'], block: 'pm', room: 'A' },
    ]);
  });

  it('finds attendance above capacity plus overflow, and accepts it within the overflow', () => {
    const data = forum({
      sessions: forum().sessions!.map((s) =>
        s.id === 'p2' ? { ...s, expectedAttendance: 90 } : s,
      ),
    });
    expect(checkHardRules({ instance: prepare(data), timetable: spread })).toEqual([
      { rule: 'over_capacity', sessions: ['p2'], room: 'B', expected: 90, capacity: 80 },
    ]);
    const withOverflow = {
      ...data,
      rooms: data.rooms.map((r) => (r.id === 'B' ? { ...r, overflow: 10 } : r)),
    };
    expect(checkHardRules({ instance: prepare(withOverflow), timetable: spread })).toEqual([]);
  });

  it('finds a pinned session moved', () => {
    const data = forum({
      sessions: forum().sessions!.map((s) =>
        s.id === 'p3' ? { ...s, pinnedBlock: 'pm', pinnedRoom: 'C' } : s,
      ),
    });
    expect(checkHardRules({ instance: prepare(data), timetable: spread })).toEqual([
      { rule: 'pinned_moved', sessions: ['p3'], block: 'pm', room: 'C' },
    ]);
  });

  it('finds sessions that do not fit their block, alone or together', () => {
    const data = forum({
      sessions: forum().sessions!.map((s) => (s.id === 'p1' ? { ...s, duration: 120 } : s)),
    });
    expect(checkHardRules({ instance: prepare(data), timetable: spread })).toEqual([
      {
        rule: 'does_not_fit_block',
        sessions: ['p1'],
        block: 'am',
        room: 'A',
        load: 120,
        capacity: 90,
      },
    ]);
    const stacked = { ...spread, p2: { block: 'am', room: 'A' } };
    expect(
      checkHardRules({ instance: prepare(forum()), timetable: stacked }).map((v) => [
        v.rule,
        v.sessions,
      ]),
    ).toEqual([['does_not_fit_block', ['p1', 'p2']]]);
  });

  it('finds a session left out and two tracks in one cell when one is required', () => {
    const data = forum({
      oneTrackPerCell: true,
      blocks: [{ id: 'am', start: 540, end: 720 }],
      sessions: [
        { id: 'x', duration: 90, track: 'privacy' },
        { id: 'y', duration: 90, track: 'access' },
        { id: 'z', duration: 90 },
      ],
    });
    const timetable = { x: { block: 'am', room: 'A' }, y: { block: 'am', room: 'A' } };
    expect(checkHardRules({ instance: prepare(data), timetable })).toEqual([
      { rule: 'unplaced', sessions: ['z'] },
      { rule: 'mixed_tracks', sessions: ['x', 'y'], block: 'am', room: 'A' },
    ]);
  });
});

describe('scoreTimetable', () => {
  it('weighs clashes by the people who want both sessions, and follows the organiser’s weights', () => {
    const instance = prepare(
      forum({
        interest: {
          kind: 'attendees',
          attendees: [['p1', 'p2'], ['p1', 'p2'], ['p1', 'p4'], ['p3']],
        },
      }),
    );
    const timetable = {
      p1: { block: 'am', room: 'A' },
      p2: { block: 'am', room: 'B' },
      p3: { block: 'am', room: 'C' },
      p4: { block: 'pm', room: 'A' },
      p5: { block: 'pm', room: 'B' },
      p6: { block: 'pm', room: 'C' },
    };
    const score = scoreTimetable({ instance, timetable });
    expect(score.parts.attendeeClash).toBe(2);
    expect(score.total).toBe(2);
    expect(scoreTimetable({ instance, timetable, weights: { attendeeClash: 10 } }).total).toBe(20);
  });

  it('counts a track in parallel, similar tracks in parallel, room changes and gaps', () => {
    const instance = prepare({
      blocks: [
        { id: 'b1', start: 0, end: 60 },
        { id: 'b2', start: 60, end: 120 },
        { id: 'b3', start: 120, end: 180 },
      ],
      rooms: [{ id: 'A' }, { id: 'B' }],
      sessions: [
        { id: 'a1', duration: 60, track: 'a' },
        { id: 'a2', duration: 60, track: 'a' },
        { id: 'a3', duration: 60, track: 'a' },
        { id: 'c1', duration: 60, track: 'c' },
      ],
      similarTracks: [{ a: 'a', b: 'c', weight: 5 }],
      weights: { trackNotConsecutive: 1 },
    });
    const score = scoreTimetable({
      instance,
      timetable: {
        a1: { block: 'b1', room: 'A' },
        a2: { block: 'b1', room: 'B' },
        a3: { block: 'b3', room: 'A' },
        c1: { block: 'b3', room: 'B' },
      },
    });
    expect(score.parts).toMatchObject({
      sameTrackParallel: 1,
      similarTrackParallel: 5,
      trackRoomChange: 1,
      trackNotConsecutive: 1,
    });
  });
});

describe('the local search', () => {
  const busy = () => {
    const rnd = createRandom({ seed: 3 });
    const sessions = Array.from({ length: 12 }, (_, i) => ({
      id: `s${i}`,
      duration: 60,
      track: `t${i % 4}`,
      people: [`p${i % 5}`],
    }));
    const attendees = Array.from({ length: 120 }, () =>
      Array.from({ length: 3 }, () => `s${rnd.int(12)}`),
    );
    return prepare({
      blocks: Array.from({ length: 4 }, (_, i) => ({
        id: `b${i}`,
        start: i * 70,
        end: i * 70 + 60,
      })),
      rooms: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
      sessions,
      interest: { kind: 'attendees', attendees },
      travelBufferMinutes: 15,
    });
  };

  it('keeps its running cost equal to the score and the hard rules after many moves', () => {
    const instance = busy();
    const start = searchTimetable({ instance, seed: 1, maxIterations: 0 }).placement;
    const ev = createEvaluator({ instance, placement: start });
    const rnd = createRandom({ seed: 9 });
    for (let i = 0; i < 500; i++) {
      const s = rnd.int(instance.nS);
      ev.tryMoves([[s, rnd.int(instance.nB), rnd.int(instance.nR)]]);
      if (rnd.next() < 0.3) ev.undo();
    }
    const placement = ev.snapshot();
    const broken = checkHardRules({ instance, timetable: fromPlacement({ instance, placement }) });
    const soft = scoreTimetable({ instance, timetable: placement }).total;
    expect(broken.length).toBeGreaterThan(0);
    expect(Math.floor(ev.cost() / HARD)).toBeGreaterThan(0);
    expect(ev.cost() % HARD).toBeCloseTo(soft, 6);
    // and from scratch, the same cost
    expect(createEvaluator({ instance, placement }).cost()).toBeCloseTo(ev.cost(), 6);
  });

  it('keeps every hard rule where it can, and repeats itself with the same seed and budget', () => {
    const instance = busy();
    const a = searchTimetable({ instance, seed: 5, maxIterations: 20_000 });
    const b = searchTimetable({ instance, seed: 5, maxIterations: 20_000 });
    expect(a.hardViolations).toEqual([]);
    expect(b.timetable).toEqual(a.timetable);
    expect(b.score).toEqual(a.score);
  });

  it('stops when its signal is aborted', () => {
    const instance = busy();
    const controller = new AbortController();
    controller.abort();
    const result = searchTimetable({
      instance,
      seed: 1,
      timeLimitMs: 60_000,
      signal: controller.signal,
    });
    expect(result.stoppedBy).toBe('aborted');
    expect(result.iterations).toBe(0);
  });

  it('keeps pinned sessions where they are pinned', () => {
    const data = forum({
      sessions: forum().sessions!.map((s) =>
        s.id === 'p6' ? { ...s, pinnedBlock: 'am', pinnedRoom: 'B' } : s,
      ),
      interest: { kind: 'attendees', attendees: [['p6', 'p1']] },
    });
    const result = searchTimetable({ instance: prepare(data), seed: 2, maxIterations: 2000 });
    expect(result.timetable.p6).toEqual({ block: 'am', room: 'B' });
    expect(result.hardViolations).toEqual([]);
  });
});
