/**
 * Every hard rule a timetable breaks, each naming the sessions involved: a person in two places
 * (same block in different rooms, or blocks closer than the travel buffer), a room used while
 * unavailable, expected attendance above the room's capacity and overflow, a pinned session
 * moved, a cell whose sessions do not fit the block, two tracks in one cell when the instance
 * asks for one (sessions without a track go anywhere), and a session left out. An empty list
 * means the timetable keeps every rule.
 *
 * @example
 * const violations = checkHardRules({ instance, timetable });
 * // [{ rule: 'person_clash', sessions: ['s1', 's2'], people: ['ana'], blocks: ['b1', 'b1'] }]
 */
import type { Timetable } from './model';
import { toPlacement } from './placement';
import type { Instance } from './prepare-instance';

export type HardViolation =
  | { rule: 'unplaced'; sessions: [string] }
  | { rule: 'person_clash'; sessions: [string, string]; people: string[]; blocks: [string, string] }
  | { rule: 'room_unavailable'; sessions: [string]; block: string; room: string }
  | { rule: 'over_capacity'; sessions: [string]; room: string; expected: number; capacity: number }
  | { rule: 'pinned_moved'; sessions: [string]; block?: string; room?: string }
  | {
      rule: 'does_not_fit_block';
      sessions: string[];
      block: string;
      room: string;
      load: number;
      capacity: number;
    }
  | { rule: 'mixed_tracks'; sessions: string[]; block: string; room: string };

export type HardRule = HardViolation['rule'];

export function checkHardRules(o: { instance: Instance; timetable: Timetable }): HardViolation[] {
  const ins = o.instance;
  const { block, room } = toPlacement({ instance: ins, timetable: o.timetable });
  const out: HardViolation[] = [];
  const sid = (s: number) => ins.sessionIds[s]!;
  const cells = new Map<number, number[]>();
  for (let s = 0; s < ins.nS; s++) {
    const b = block[s]!;
    const r = room[s]!;
    if (b < 0) {
      out.push({ rule: 'unplaced', sessions: [sid(s)] });
      continue;
    }
    const cell = b * ins.nR + r;
    cells.set(cell, [...(cells.get(cell) ?? []), s]);
    const pb = ins.pinnedBlock[s]!;
    const pr = ins.pinnedRoom[s]!;
    if ((pb >= 0 && pb !== b) || (pr >= 0 && pr !== r))
      out.push({
        rule: 'pinned_moved',
        sessions: [sid(s)],
        ...(pb >= 0 ? { block: ins.blockIds[pb]! } : {}),
        ...(pr >= 0 ? { room: ins.roomIds[pr]! } : {}),
      });
    if (ins.roomUnavailable[cell])
      out.push({
        rule: 'room_unavailable',
        sessions: [sid(s)],
        block: ins.blockIds[b]!,
        room: ins.roomIds[r]!,
      });
    if (ins.attendance[s]! > ins.roomCap[r]!)
      out.push({
        rule: 'over_capacity',
        sessions: [sid(s)],
        room: ins.roomIds[r]!,
        expected: ins.attendance[s]!,
        capacity: ins.roomCap[r]!,
      });
  }
  for (const [cell, list] of cells) {
    const b = Math.floor(cell / ins.nR);
    const r = cell % ins.nR;
    const load = list.reduce((sum, s) => sum + ins.duration[s]!, 0);
    if (load > ins.blockCap[b]!)
      out.push({
        rule: 'does_not_fit_block',
        sessions: list.map(sid),
        block: ins.blockIds[b]!,
        room: ins.roomIds[r]!,
        load,
        capacity: ins.blockCap[b]!,
      });
    if (
      ins.input.oneTrackPerCell &&
      new Set(list.map((s) => ins.track[s]!).filter((t) => t >= 0)).size > 1
    )
      out.push({
        rule: 'mixed_tracks',
        sessions: list.map(sid),
        block: ins.blockIds[b]!,
        room: ins.roomIds[r]!,
      });
  }
  for (let a = 0; a < ins.nS; a++) {
    if (block[a]! < 0) continue;
    for (const c of ins.peopleNeighbours[a]!) {
      if (c <= a || block[c]! < 0) continue;
      const ba = block[a]!;
      const bc = block[c]!;
      if (personClash(ins, ba, room[a]!, bc, room[c]!))
        out.push({
          rule: 'person_clash',
          sessions: [sid(a), sid(c)],
          people: ins.people[a]!.filter((p) => ins.people[c]!.includes(p)),
          blocks: [ins.blockIds[ba]!, ins.blockIds[bc]!],
        });
    }
  }
  return out;
}

/** Whether one person can be in session placed at (j, rj) and in one at (k, rk). */
export function personClash(ins: Instance, j: number, rj: number, k: number, rk: number): boolean {
  if (j === k) return rj !== rk;
  const at = j * ins.nB + k;
  return ins.overlapBlocks[at] === 1 || (ins.nearBlocks[at] === 1 && rj !== rk);
}
