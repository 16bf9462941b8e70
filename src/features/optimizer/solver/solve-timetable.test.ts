import { describe, expect, it } from 'vitest';
import type { OptimizerInputData } from './model';
import { solveTimetable } from './solve-timetable';

/** IGF Guatemala 2018's shape: six panels, two blocks of three rooms; three popular panels. */
const forum2018: OptimizerInputData = {
  blocks: [
    { id: 'morning', start: 540, end: 630 },
    { id: 'afternoon', start: 690, end: 780 },
  ],
  rooms: [
    { id: 'Aula Magna', capacity: 200 },
    { id: 'Sala 1', capacity: 80 },
    { id: 'Sala 2', capacity: 80 },
  ],
  sessions: [
    { id: 'data-protection', duration: 90, people: ['ana'] },
    { id: 'free-expression', duration: 90, people: ['luis'] },
    { id: 'child-safety', duration: 90, people: ['eva'] },
    { id: 'access', duration: 90, people: ['ana'] },
    { id: 'cybersecurity', duration: 90, people: ['jose'] },
    { id: 'e-government', duration: 90, people: ['rita'] },
  ],
  travelBufferMinutes: 15,
  interest: {
    kind: 'attendees',
    attendees: [
      ...Array.from({ length: 30 }, () => ['data-protection', 'free-expression', 'child-safety']),
      ...Array.from({ length: 10 }, () => ['access', 'cybersecurity']),
    ],
  },
};

describe('solveTimetable', () => {
  it('proves the best timetable of a small forum and keeps every rule', async () => {
    const result = await solveTimetable({ input: forum2018, seed: 1, timeLimitMs: 120_000 });
    expect(result.status).toBe('optimal');
    if (result.status === 'infeasible') return;
    expect(result.hardViolations).toEqual([]);
    expect(result.gap).toBe(0);
    // 30 people want the three popular panels, only two blocks: one pair must clash (30),
    // and access/cybersecurity can be kept apart; ana's two panels are in different blocks.
    expect(result.score.parts.attendeeClash).toBe(30);
    expect(result.timetable['data-protection']!.block).not.toBe(result.timetable.access!.block);
  }, 120_000);

  it('names the rule and the sessions when no timetable can exist', async () => {
    const result = await solveTimetable({
      input: {
        ...forum2018,
        sessions: forum2018.sessions!.map((s) =>
          s.id === 'cybersecurity' ? { ...s, expectedAttendance: 500 } : s,
        ),
      },
      timeLimitMs: 5000,
    });
    expect(result).toMatchObject({
      status: 'infeasible',
      reasons: [{ rule: 'over_capacity', sessions: ['cybersecurity'] }],
    });
  });

  it('keeps pinned sessions and improves on a draft without the exact model', async () => {
    const input = {
      ...forum2018,
      sessions: forum2018.sessions!.map((s) =>
        s.id === 'child-safety' ? { ...s, pinnedBlock: 'morning', pinnedRoom: 'Sala 2' } : s,
      ),
    };
    const result = await solveTimetable({
      input,
      seed: 3,
      maxIterations: 20_000,
      exact: 'never',
      start: {
        'data-protection': { block: 'morning', room: 'Aula Magna' },
        'free-expression': { block: 'morning', room: 'Sala 1' },
        'child-safety': { block: 'morning', room: 'Sala 2' },
        access: { block: 'afternoon', room: 'Aula Magna' },
        cybersecurity: { block: 'afternoon', room: 'Sala 1' },
        'e-government': { block: 'afternoon', room: 'Sala 2' },
      },
    });
    if (result.status === 'infeasible') throw new Error('unexpected');
    expect(result.timetable['child-safety']).toEqual({ block: 'morning', room: 'Sala 2' });
    expect(result.hardViolations).toEqual([]);
    expect(result.score.parts.attendeeClash).toBe(30);
  });
});
