/**
 * Before searching, the reasons an instance cannot have a timetable that keeps every hard rule,
 * each naming the rule and the sessions that make it impossible: a session longer than every
 * block it may use, larger than every room, with no available room; pinned sessions that clash
 * or overfill their cell; a person whose sessions need more time than the grid has; more session
 * time than the available cells hold. An empty list does not prove a timetable exists (the
 * search then reports what it could not keep); a non-empty list proves none does.
 *
 * @example
 * checkFeasibility({ instance });
 * // [{ rule: 'over_capacity', sessions: ['plenary'], detail: 'expects 400, the largest room takes 200' }]
 */
import { personClash } from './check-hard-rules';
import type { Instance } from './prepare-instance';

export type Infeasibility = {
  rule:
    | 'does_not_fit_block'
    | 'over_capacity'
    | 'room_unavailable'
    | 'person_clash'
    | 'not_enough_time'
    /** Each rule can be kept alone, but not all of them together (proven by the exact model). */
    | 'rules_together';
  sessions: string[];
  detail: string;
};

export function checkFeasibility(o: { instance: Instance }): Infeasibility[] {
  const ins = o.instance;
  const { nB, nR, nS } = ins;
  const out: Infeasibility[] = [];
  const sid = (s: number) => ins.sessionIds[s]!;
  const blocksOf = (s: number) =>
    ins.pinnedBlock[s]! >= 0 ? [ins.pinnedBlock[s]!] : Array.from({ length: nB }, (_, k) => k);
  const roomsOf = (s: number) =>
    ins.pinnedRoom[s]! >= 0 ? [ins.pinnedRoom[s]!] : Array.from({ length: nR }, (_, r) => r);

  for (let s = 0; s < nS; s++) {
    const blocks = blocksOf(s);
    const rooms = roomsOf(s);
    const fitting = blocks.filter((k) => ins.duration[s]! <= ins.blockCap[k]!);
    const large = rooms.filter((r) => ins.attendance[s]! <= ins.roomCap[r]!);
    if (fitting.length === 0) {
      const longest = Math.max(...blocks.map((k) => ins.blockCap[k]!));
      out.push({
        rule: 'does_not_fit_block',
        sessions: [sid(s)],
        detail: `lasts ${ins.duration[s]}, the longest block it may use holds ${longest}`,
      });
    } else if (large.length === 0) {
      const largest = Math.max(...rooms.map((r) => ins.roomCap[r]!));
      out.push({
        rule: 'over_capacity',
        sessions: [sid(s)],
        detail: `expects ${ins.attendance[s]}, the largest room it may use takes ${largest}`,
      });
    } else if (!fitting.some((k) => large.some((r) => !ins.roomUnavailable[k * nR + r]))) {
      out.push({
        rule: 'room_unavailable',
        sessions: [sid(s)],
        detail: 'no room large enough is available in a block long enough',
      });
    }
  }

  // Pinned sessions: a shared person in places that clash, or a cell they overfill.
  const fixed = Array.from({ length: nS }, (_, s) => s).filter(
    (s) => ins.pinnedBlock[s]! >= 0 && ins.pinnedRoom[s]! >= 0,
  );
  for (const a of fixed)
    for (const c of ins.peopleNeighbours[a]!)
      if (c > a && fixed.includes(c))
        if (
          personClash(
            ins,
            ins.pinnedBlock[a]!,
            ins.pinnedRoom[a]!,
            ins.pinnedBlock[c]!,
            ins.pinnedRoom[c]!,
          )
        )
          out.push({
            rule: 'person_clash',
            sessions: [sid(a), sid(c)],
            detail: `pinned where ${ins.people[a]!.filter((p) => ins.people[c]!.includes(p)).join(', ')} cannot attend both`,
          });
  const pinnedLoad = new Map<number, number[]>();
  for (const s of fixed) {
    const cell = ins.pinnedBlock[s]! * nR + ins.pinnedRoom[s]!;
    pinnedLoad.set(cell, [...(pinnedLoad.get(cell) ?? []), s]);
  }
  for (const [cell, list] of pinnedLoad) {
    const load = list.reduce((sum, s) => sum + ins.duration[s]!, 0);
    const k = Math.floor(cell / nR);
    if (list.length > 1 && load > ins.blockCap[k]!)
      out.push({
        rule: 'does_not_fit_block',
        sessions: list.map(sid),
        detail: `pinned together in ${ins.roomIds[cell % nR]} during ${ins.blockIds[k]}: ${load} in a block that holds ${ins.blockCap[k]}`,
      });
  }

  // A person can be in one place at a time: their sessions must fit one after the other.
  const byPerson = new Map<string, number[]>();
  ins.people.forEach((list, s) => {
    for (const p of list) byPerson.set(p, [...(byPerson.get(p) ?? []), s]);
  });
  const gridTime = ins.blockCap.reduce((sum, c) => sum + c, 0);
  for (const [person, list] of byPerson) {
    const need = list.reduce((sum, s) => sum + ins.duration[s]!, 0);
    if (list.length > 1 && need > gridTime)
      out.push({
        rule: 'person_clash',
        sessions: list.map(sid),
        detail: `${person} is in sessions lasting ${need} in all, the grid holds ${gridTime}`,
      });
    else if (list.length > nB && list.every((s) => ins.duration[s]! * 2 > maxCap(ins)))
      out.push({
        rule: 'person_clash',
        sessions: list.map(sid),
        detail: `${person} is in ${list.length} sessions that each fill a block, and there are ${nB} blocks`,
      });
  }

  // All sessions together against all cells that can be used.
  let cellTime = 0;
  for (let k = 0; k < nB; k++)
    for (let r = 0; r < nR; r++) if (!ins.roomUnavailable[k * nR + r]) cellTime += ins.blockCap[k]!;
  const total = ins.duration.reduce((sum, d) => sum + d, 0);
  if (total > cellTime)
    out.push({
      rule: 'not_enough_time',
      sessions: [...ins.sessionIds],
      detail: `the sessions last ${total} in all, the available rooms hold ${cellTime}`,
    });
  return out;
}

function maxCap(ins: Instance): number {
  return Math.max(...ins.blockCap);
}
