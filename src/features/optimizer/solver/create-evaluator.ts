/**
 * The local search's working timetable with its cost kept up to date as sessions move: the cost
 * is split into a part per block, a part per track and the person clashes between nearby blocks,
 * so a move recomputes only what it touches. Hard rules count as HARD each, so the search can
 * pass through a broken timetable but always prefers one that keeps the rules. The soft part
 * equals `scoreTimetable().total` (a test keeps them equal).
 *
 * @example
 * const ev = createEvaluator({ instance, placement });
 * const delta = ev.tryMoves([[s, block, room]]); // applied; ev.undo() puts it back
 */
import { notConsecutive } from './score-timetable';
import { personClash } from './check-hard-rules';
import type { Placement } from './placement';
import type { Instance } from './prepare-instance';

/** What one broken hard rule costs inside the search. */
export const HARD = 1e9;

export type Move = [session: number, block: number, room: number];

export type Evaluator = {
  block: Int32Array;
  room: Int32Array;
  /** Sessions in each cell, at [k * nR + r]. */
  cells: number[][];
  cellLoad: Int32Array;
  cost: () => number;
  /** Applies the moves and returns how the cost changed. */
  tryMoves: (moves: Move[]) => number;
  /** Reverts the last tryMoves. */
  undo: () => void;
  /** Cost of placing session s (currently unplaced) at (k, r), without placing it. */
  insertionDelta: (s: number, k: number, r: number) => number;
  snapshot: () => Placement;
};

export function createEvaluator(o: { instance: Instance; placement: Placement }): Evaluator {
  const ins = o.instance;
  const { nB, nR, nS, nT } = ins;
  const w = ins.weights;
  const block = Int32Array.from(o.placement.block);
  const room = Int32Array.from(o.placement.room);
  const cells: number[][] = Array.from({ length: nB * nR }, () => []);
  const cellLoad = new Int32Array(nB * nR);
  const cellTrack = new Int32Array(nB * nR * Math.max(nT, 1));
  const trackRoomUse = new Int32Array(nT * nR);
  const trackBlockUse = new Int32Array(nT * nB);
  const blockCostCache = new Float64Array(nB);
  const trackCostCache = new Float64Array(nT);
  let total = 0;

  const add = (s: number, k: number, r: number) => {
    block[s] = k;
    room[s] = r;
    const c = k * nR + r;
    cells[c]!.push(s);
    cellLoad[c]! += ins.duration[s]!;
    const t = ins.track[s]!;
    if (t >= 0 && cellTrack[c * nT + t]!++ === 0) {
      trackRoomUse[t * nR + r]!++;
      trackBlockUse[t * nB + k]!++;
    }
  };
  const remove = (s: number) => {
    const k = block[s]!;
    const r = room[s]!;
    const c = k * nR + r;
    const list = cells[c]!;
    list.splice(list.indexOf(s), 1);
    cellLoad[c]! -= ins.duration[s]!;
    const t = ins.track[s]!;
    if (t >= 0 && --cellTrack[c * nT + t]! === 0) {
      trackRoomUse[t * nR + r]!--;
      trackBlockUse[t * nB + k]!--;
    }
    block[s] = -1;
    room[s] = -1;
  };

  const blockCost = (k: number): number => {
    let hard = 0;
    let clash = 0;
    let preferred = 0;
    let placement = 0;
    let parallel = 0;
    let similar = 0;
    const entries: number[] = [];
    for (let r = 0; r < nR; r++) {
      const c = k * nR + r;
      const list = cells[c]!;
      if (list.length === 0) continue;
      placement += ins.blockRoomPen[c]!;
      if (ins.roomUnavailable[c]) hard += list.length;
      if (cellLoad[c]! > ins.blockCap[k]!) hard += cellLoad[c]! - ins.blockCap[k]!;
      let tracksHere = 0;
      for (const s of list) {
        preferred += ins.sessionBlockPen[s * nB + k]! + ins.sessionRoomPen[s * nR + r]!;
        if (ins.attendance[s]! > ins.roomCap[r]!) hard++;
        const t = ins.track[s]!;
        // first session of its track in this cell
        if (t >= 0 && entries.indexOf(t * nR + r) < 0) {
          entries.push(t * nR + r);
          tracksHere++;
          placement += ins.trackBlockPen[t * nB + k]! + ins.trackRoomPen[t * nR + r]!;
        }
      }
      if (ins.input.oneTrackPerCell && tracksHere > 1) hard += tracksHere - 1;
    }
    for (let t = 0; t < nT; t++)
      if (trackBlockUse[t * nB + k]! > 1) parallel += trackBlockUse[t * nB + k]! - 1;
    for (let i = 0; i < entries.length; i++)
      for (let j = i + 1; j < entries.length; j++) {
        const t1 = Math.floor(entries[i]! / nR);
        const t2 = Math.floor(entries[j]! / nR);
        if (t1 !== t2 && entries[i]! % nR !== entries[j]! % nR)
          similar += ins.similar[t1 * nT + t2]!;
      }
    for (let r1 = 0; r1 < nR; r1++) {
      const l1 = cells[k * nR + r1]!;
      if (l1.length === 0) continue;
      for (let r2 = r1 + 1; r2 < nR; r2++) {
        const l2 = cells[k * nR + r2]!;
        for (const a of l1)
          for (const b of l2) {
            clash += ins.pairWeight[a * nS + b]!;
            hard += ins.sharePeople[a * nS + b]!;
          }
      }
    }
    const soft =
      w.attendeeClash * clash +
      w.preferredTime * preferred +
      w.trackPlacement * placement +
      w.sameTrackParallel * parallel +
      w.similarTrackParallel * similar;
    return soft + HARD * hard;
  };

  const trackCost = (t: number): number => {
    let rooms = 0;
    for (let r = 0; r < nR; r++) if (trackRoomUse[t * nR + r]! > 0) rooms++;
    return (
      w.trackRoomChange * Math.max(0, rooms - 1) +
      w.trackNotConsecutive * notConsecutive(trackBlockUse, t, nB)
    );
  };

  /** Person clashes across different blocks that involve the given sessions (each pair once). */
  const crossCost = (moved: number[]): number => {
    let hard = 0;
    for (const s of moved) {
      const k = block[s]!;
      if (k < 0) continue;
      for (const c of ins.peopleNeighbours[s]!) {
        const kc = block[c]!;
        if (kc < 0 || kc === k) continue;
        if (c < s && moved.includes(c)) continue;
        if (personClash(ins, k, room[s]!, kc, room[c]!)) hard++;
      }
    }
    return HARD * hard;
  };

  for (let s = 0; s < nS; s++) {
    const k = block[s]!;
    if (k >= 0) {
      block[s] = -1;
      add(s, k, room[s]!);
    }
  }
  for (let k = 0; k < nB; k++) total += blockCostCache[k] = blockCost(k);
  for (let t = 0; t < nT; t++) total += trackCostCache[t] = trackCost(t);
  const all = Array.from({ length: nS }, (_, s) => s);
  let cross = 0;
  for (const s of all) {
    const k = block[s]!;
    if (k < 0) continue;
    for (const c of ins.peopleNeighbours[s]!)
      if (
        c > s &&
        block[c]! >= 0 &&
        block[c] !== k &&
        personClash(ins, k, room[s]!, block[c]!, room[c]!)
      )
        cross++;
  }
  total += HARD * cross;

  let last: {
    moves: Move[];
    old: Move[];
    blocks: number[];
    tracks: number[];
    before: Float64Array;
    delta: number;
  } | null = null;

  const tryMoves = (moves: Move[]): number => {
    const blocks: number[] = [];
    const tracks: number[] = [];
    const old: Move[] = [];
    const moved = moves.map((m) => m[0]);
    for (const [s, k] of moves) {
      old.push([s, block[s]!, room[s]!]);
      for (const b of [block[s]!, k]) if (b >= 0 && !blocks.includes(b)) blocks.push(b);
      const t = ins.track[s]!;
      if (t >= 0 && !tracks.includes(t)) tracks.push(t);
    }
    const before = new Float64Array(blocks.length + tracks.length);
    let costBefore = crossCost(moved);
    blocks.forEach((b, i) => (costBefore += before[i] = blockCostCache[b]!));
    tracks.forEach((t, i) => (costBefore += before[blocks.length + i] = trackCostCache[t]!));
    for (const [s] of moves) if (block[s]! >= 0) remove(s);
    for (const [s, k, r] of moves) if (k >= 0) add(s, k, r);
    let costAfter = crossCost(moved);
    for (const b of blocks) costAfter += blockCostCache[b] = blockCost(b);
    for (const t of tracks) costAfter += trackCostCache[t] = trackCost(t);
    const delta = costAfter - costBefore;
    total += delta;
    last = { moves, old, blocks, tracks, before, delta };
    return delta;
  };

  const undo = () => {
    if (!last) return;
    const { moves, old, blocks, tracks, before, delta } = last;
    for (const [s] of moves) if (block[s]! >= 0) remove(s);
    for (const [s, k, r] of old) if (k >= 0) add(s, k, r);
    blocks.forEach((b, i) => (blockCostCache[b] = before[i]!));
    tracks.forEach((t, i) => (trackCostCache[t] = before[blocks.length + i]!));
    total -= delta;
    last = null;
  };

  const insertionDelta = (s: number, k: number, r: number): number => {
    const d = tryMoves([[s, k, r]]);
    undo();
    return d;
  };

  return {
    block,
    room,
    cells,
    cellLoad,
    cost: () => total,
    tryMoves,
    undo,
    insertionDelta,
    snapshot: () => ({ block: Int32Array.from(block), room: Int32Array.from(room) }),
  };
}
