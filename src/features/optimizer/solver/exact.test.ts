import { describe, expect, it } from 'vitest';
import { checkFeasibility } from './check-feasibility';
import { createRandom } from './create-random';
import { optimizerInputSchema, type OptimizerInputData } from './model';
import { prepareInstance } from './prepare-instance';
import { searchTimetable } from './search-timetable';
import { solveExact } from './solve-exact';

const prepare = (data: OptimizerInputData) =>
  prepareInstance({ input: optimizerInputSchema.parse(data) });

/** A small random forum: sessions, tracks, shared speakers, attendees' wishes, a preferred time. */
function smallForum(
  seed: number,
  sessions: number,
  blocks: number,
  rooms: number,
): OptimizerInputData {
  const rnd = createRandom({ seed });
  return {
    blocks: Array.from({ length: blocks }, (_, i) => ({
      id: `b${i}`,
      start: i * 120,
      end: i * 120 + 90,
    })),
    rooms: Array.from({ length: rooms }, (_, i) => ({ id: `r${i}`, capacity: 60 + 40 * i })),
    sessions: Array.from({ length: sessions }, (_, i) => ({
      id: `s${i}`,
      duration: 90,
      track: `t${rnd.int(3)}`,
      people: [`p${rnd.int(sessions)}`],
    })),
    interest: {
      kind: 'attendees',
      attendees: Array.from({ length: 60 }, () => [
        `s${rnd.int(sessions)}`,
        `s${rnd.int(sessions)}`,
      ]),
    },
    similarTracks: [{ a: 't0', b: 't1', weight: 2 }],
    sessionBlockPenalties: [{ session: 's0', block: 'b0', penalty: 3 }],
    travelBufferMinutes: 10,
    weights: { trackNotConsecutive: 1 },
  };
}

describe('the exact model', () => {
  it.each([
    [1, 6, 2, 3],
    [2, 7, 3, 3],
    [3, 8, 4, 2],
  ])(
    'agrees with the local search on small forum %i',
    async (seed, sessions, blocks, rooms) => {
      const instance = prepare(smallForum(seed, sessions, blocks, rooms));
      const exact = await solveExact({ instance, timeLimitSeconds: 60 });
      expect(exact.status).toBe('optimal');
      if (exact.status !== 'optimal') return;
      expect(exact.hardViolations).toEqual([]);
      const heuristic = searchTimetable({ instance, seed: 1, maxIterations: 60_000 });
      expect(heuristic.hardViolations).toEqual([]);
      expect(heuristic.score.total).toBeCloseTo(exact.score.total, 6);
    },
    120_000,
  );

  it('reports an impossible instance as infeasible', async () => {
    const instance = prepare({
      blocks: [{ id: 'b', start: 0, end: 90 }],
      rooms: [{ id: 'A' }, { id: 'B' }],
      sessions: [
        { id: 'x', duration: 90, people: ['ana'] },
        { id: 'y', duration: 90, people: ['ana'] },
      ],
    });
    expect((await solveExact({ instance })).status).toBe('infeasible');
  });
});

describe('checkFeasibility', () => {
  it('finds nothing wrong with a possible instance', () => {
    expect(checkFeasibility({ instance: prepare(smallForum(1, 6, 2, 3)) })).toEqual([]);
  });

  it('names the session too long for every block, too large for every room, or without a room', () => {
    const instance = prepare({
      blocks: [
        { id: 'b', start: 0, end: 90 },
        { id: 'c', start: 100, end: 190 },
        { id: 'd', start: 200, end: 290 },
      ],
      rooms: [
        { id: 'A', capacity: 50, unavailableBlocks: ['c'] },
        { id: 'B', capacity: 20, unavailableBlocks: ['c'] },
      ],
      sessions: [
        { id: 'long', duration: 120 },
        { id: 'big', duration: 60, expectedAttendance: 300 },
        { id: 'late', duration: 60, pinnedBlock: 'c' },
      ],
    });
    expect(checkFeasibility({ instance }).map((v) => [v.rule, v.sessions])).toEqual([
      ['does_not_fit_block', ['long']],
      ['over_capacity', ['big']],
      ['room_unavailable', ['late']],
    ]);
  });

  it('names pinned sessions that put a person in two places', () => {
    const instance = prepare({
      blocks: [
        { id: 'b', start: 0, end: 90 },
        { id: 'c', start: 100, end: 190 },
      ],
      rooms: [{ id: 'A' }, { id: 'B' }],
      sessions: [
        { id: 'x', duration: 90, people: ['ana'], pinnedBlock: 'b', pinnedRoom: 'A' },
        { id: 'y', duration: 90, people: ['ana'], pinnedBlock: 'b', pinnedRoom: 'B' },
      ],
    });
    expect(checkFeasibility({ instance })).toEqual([
      expect.objectContaining({ rule: 'person_clash', sessions: ['x', 'y'] }),
    ]);
  });

  it('names a person with more sessions than the grid can hold, and too little room-time overall', () => {
    const instance = prepare({
      blocks: [{ id: 'b', start: 0, end: 90 }],
      rooms: [{ id: 'A' }],
      sessions: [
        { id: 'x', duration: 60, people: ['ana'] },
        { id: 'y', duration: 60, people: ['ana'] },
      ],
    });
    expect(checkFeasibility({ instance }).map((v) => [v.rule, v.sessions])).toEqual([
      ['person_clash', ['x', 'y']],
      ['not_enough_time', ['x', 'y']],
    ]);
  });
});
