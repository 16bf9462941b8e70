/**
 * Seeded simulated annealing over timetables. It starts from the given timetable (the current
 * draft) or a greedy one, then tries three kinds of move — move a session to another cell, swap
 * two sessions, swap the whole contents of two cells — and accepts a worse timetable with a
 * probability that falls as the run cools. Hard rules weigh HARD each, so the best timetable
 * keeps them whenever the search finds a way. It stops at the time limit, the iteration budget,
 * the abort signal, or when it reaches the lower bound it was given. With `maxIterations` the
 * cooling follows iterations, not the clock, so the same seed gives the same result.
 *
 * @example
 * const result = searchTimetable({ instance, seed: 7, timeLimitMs: 5000, onProgress: console.log });
 * result.score.total; result.hardViolations; // [] when every rule is kept
 */
import { checkHardRules, type HardViolation } from './check-hard-rules';
import { createEvaluator, HARD, type Move } from './create-evaluator';
import { createRandom } from './create-random';
import type { Timetable } from './model';
import { fromPlacement, type Placement } from './placement';
import type { Instance } from './prepare-instance';
import { scoreTimetable, type Score } from './score-timetable';

export type SearchProgress = {
  iterations: number;
  elapsedMs: number;
  /** Weighted soft score of the best timetable so far. */
  bestScore: number;
  /** Hard rules the best timetable still breaks. */
  bestHardViolations: number;
  lowerBound: number | null;
  /** (best − bound) / best, or null without a bound. */
  gap: number | null;
};

export type SearchResult = {
  timetable: Timetable;
  placement: Placement;
  score: Score;
  hardViolations: HardViolation[];
  iterations: number;
  elapsedMs: number;
  stoppedBy: 'time' | 'iterations' | 'aborted' | 'bound';
};

export function searchTimetable(o: {
  instance: Instance;
  seed?: number;
  timeLimitMs?: number;
  maxIterations?: number;
  /** An AbortSignal, or anything with `aborted` (a worker reads a shared flag). */
  signal?: Pick<AbortSignal, 'aborted'>;
  onProgress?: (p: SearchProgress) => void;
  progressEveryMs?: number;
  /** The timetable to improve (e.g. the current draft); missing sessions are placed greedily. */
  start?: Placement;
  /** A proven lower bound on the soft score: the search stops when it reaches it. */
  lowerBound?: number;
}): SearchResult {
  const ins = o.instance;
  const { nB, nR, nS } = ins;
  const rnd = createRandom({ seed: o.seed ?? 1 });
  const timeLimitMs = o.timeLimitMs ?? 10_000;
  const maxIterations = o.maxIterations ?? Infinity;
  const t0 = performance.now();
  const elapsed = () => performance.now() - t0;
  const nC = nB * nR;

  // Cells each session may use without breaking a rule that depends on it alone.
  const allowed = new Uint8Array(nS * nC);
  const allowedList: Int32Array[] = [];
  for (let s = 0; s < nS; s++) {
    const strict: number[] = [];
    const pinnedOnly: number[] = [];
    for (let k = 0; k < nB; k++)
      for (let r = 0; r < nR; r++) {
        if (ins.pinnedBlock[s]! >= 0 && ins.pinnedBlock[s] !== k) continue;
        if (ins.pinnedRoom[s]! >= 0 && ins.pinnedRoom[s] !== r) continue;
        pinnedOnly.push(k * nR + r);
        if (ins.duration[s]! > ins.blockCap[k]!) continue;
        if (ins.roomUnavailable[k * nR + r]) continue;
        if (ins.attendance[s]! > ins.roomCap[r]!) continue;
        strict.push(k * nR + r);
      }
    const list = strict.length > 0 ? strict : pinnedOnly;
    for (const c of list) allowed[s * nC + c] = 1;
    allowedList.push(Int32Array.from(list));
  }
  const movable = Int32Array.from(
    Array.from({ length: nS }, (_, s) => s).filter((s) => allowedList[s]!.length > 1),
  );

  const start: Placement = o.start
    ? { block: Int32Array.from(o.start.block), room: Int32Array.from(o.start.room) }
    : { block: new Int32Array(nS).fill(-1), room: new Int32Array(nS).fill(-1) };
  for (let s = 0; s < nS; s++)
    if (start.block[s]! >= 0 && !allowed[s * nC + start.block[s]! * nR + start.room[s]!]) {
      start.block[s] = -1;
      start.room[s] = -1;
    }
  // Greedy insertion of what is not placed: tightest sessions first.
  const tightness = (s: number) =>
    allowedList[s]!.length - 1e-3 * ins.duration[s]! - 1e-6 * ins.peopleNeighbours[s]!.length;
  const construct = (from: Placement) => {
    const e = createEvaluator({ instance: ins, placement: from });
    const unplaced = Array.from({ length: nS }, (_, s) => s).filter((s) => e.block[s]! < 0);
    unplaced.sort((a, b) => tightness(a) - tightness(b) || a - b);
    for (const s of unplaced) {
      const list = allowedList[s]!;
      const candidates = new Set<number>();
      if (list.length <= 96) for (const c of list) candidates.add(c);
      else {
        for (let i = 0; i < 64; i++) candidates.add(list[rnd.int(list.length)]!);
        const t = ins.track[s]!;
        if (t >= 0)
          for (let c2 = 0; c2 < nS; c2++)
            if (ins.track[c2] === t && e.block[c2]! >= 0) {
              const c = e.block[c2]! * nR + e.room[c2]!;
              if (allowed[s * nC + c]) candidates.add(c);
            }
      }
      let best = Infinity;
      let bestCell = list[0]!;
      for (const c of candidates) {
        const d = e.insertionDelta(s, Math.floor(c / nR), c % nR);
        if (d < best) {
          best = d;
          bestCell = c;
        }
      }
      e.tryMoves([[s, Math.floor(bestCell / nR), bestCell % nR]]);
    }
    return e;
  };
  // From the draft, and — when the draft leaves rules broken — also from scratch, keeping the
  // better: a draft can hold the only cells that the tightest sessions may use.
  let ev = construct(start);
  if (o.start && ev.cost() >= HARD) {
    const fresh = construct({
      block: new Int32Array(nS).fill(-1),
      room: new Int32Array(nS).fill(-1),
    });
    if (fresh.cost() < ev.cost()) ev = fresh;
  }

  const sameTrack: Int32Array[] = Array.from({ length: ins.nT }, (_, t) =>
    Int32Array.from(Array.from({ length: nS }, (_, s) => s).filter((s) => ins.track[s] === t)),
  );
  const relocate = (s: number, c: number): Move[] | null =>
    c === ev.block[s]! * nR + ev.room[s]! || !allowed[s * nC + c]
      ? null
      : [[s, Math.floor(c / nR), c % nR]];

  const randomMove = (): Move[] | null => {
    if (movable.length === 0) return null;
    const kind = rnd.next();
    const s = movable[rnd.int(movable.length)]!;
    const cs = ev.block[s]! * nR + ev.room[s]!;
    if (kind < 0.25) {
      const list = allowedList[s]!;
      const c = list[rnd.int(list.length)]!;
      const move = relocate(s, c);
      if (
        !move ||
        ev.cellLoad[c]! + ins.duration[s]! <= ins.blockCap[Math.floor(c / nR)]! ||
        rnd.next() < 0.5
      )
        return move;
      // ejection: what is there moves to empty cells it may use, to make room
      const taken = new Set<number>([c, cs]);
      for (const x of ev.cells[c]!) {
        if (ins.pinnedBlock[x]! >= 0 || ins.pinnedRoom[x]! >= 0) return move;
        const xs = allowedList[x]!;
        let to = -1;
        for (let i = 0; i < 8 && to < 0; i++) {
          const t = xs[rnd.int(xs.length)]!;
          if (!taken.has(t) && ev.cells[t]!.length === 0) to = t;
        }
        if (to < 0) return move;
        taken.add(to);
        move.push([x, Math.floor(to / nR), to % nR]);
      }
      return move;
    }
    if (kind < 0.4) {
      // next to a session of the same track
      const t = ins.track[s]!;
      if (t < 0) return null;
      const u = sameTrack[t]![rnd.int(sameTrack[t]!.length)]!;
      return relocate(s, ev.block[u]! * nR + ev.room[u]!);
    }
    if (kind < 0.5) {
      // into an empty cell
      for (let i = 0; i < 4; i++) {
        const c = rnd.int(nC);
        if (ev.cells[c]!.length === 0) return relocate(s, c);
      }
      return null;
    }
    if (kind < 0.75) {
      const u = movable[rnd.int(movable.length)]!;
      const cu = ev.block[u]! * nR + ev.room[u]!;
      if (cu === cs || !allowed[s * nC + cu] || !allowed[u * nC + cs]) return null;
      return [
        [s, ev.block[u]!, ev.room[u]!],
        [u, ev.block[s]!, ev.room[s]!],
      ];
    }
    const other = rnd.next() < 0.5 ? rnd.int(nC) : ev.block[s]! * nR + rnd.int(nR);
    if (other === cs) return null;
    const moves: Move[] = [];
    for (const x of ev.cells[cs]!) {
      if (!allowed[x * nC + other]) return null;
      moves.push([x, Math.floor(other / nR), other % nR]);
    }
    for (const x of ev.cells[other]!) {
      if (!allowed[x * nC + cs]) return null;
      moves.push([x, Math.floor(cs / nR), cs % nR]);
    }
    return moves;
  };

  // Starting temperature from the size of typical soft moves (their median: a few huge
  // penalties, such as a speaker's clash, should not make the whole run a random walk).
  const positive: number[] = [];
  for (let i = 0; i < 300; i++) {
    const m = randomMove();
    if (!m) continue;
    const d = ev.tryMoves(m);
    ev.undo();
    if (d > 0 && d < HARD / 2) positive.push(d);
  }
  positive.sort((a, b) => a - b);
  const tStart = positive.length > 0 ? positive[Math.floor(positive.length / 2)]! : 1;
  const tEnd = Math.max(tStart * 1e-3, 1e-4);

  let best = ev.snapshot();
  let bestCost = ev.cost();
  const lowerBound = o.lowerBound ?? null;
  let iterations = 0;
  let lastProgress = 0;
  let stoppedBy: SearchResult['stoppedBy'] = 'iterations';
  const progress = () => {
    const bestSoft = bestCost % HARD;
    o.onProgress?.({
      iterations,
      elapsedMs: Math.round(elapsed()),
      bestScore: bestSoft,
      bestHardViolations: Math.floor(bestCost / HARD),
      lowerBound,
      gap: lowerBound === null ? null : gapOf(bestSoft, lowerBound),
    });
  };
  let temperature = tStart;
  const boundReached = () =>
    lowerBound !== null && bestCost < HARD && bestCost <= lowerBound + 1e-9;
  if (boundReached()) stoppedBy = 'bound';
  else
    for (; iterations < maxIterations; iterations++) {
      if ((iterations & 255) === 0) {
        const now = elapsed();
        if (o.signal?.aborted) {
          stoppedBy = 'aborted';
          break;
        }
        if (now >= timeLimitMs) {
          stoppedBy = 'time';
          break;
        }
        const f = Number.isFinite(maxIterations) ? iterations / maxIterations : now / timeLimitMs;
        temperature = tStart * Math.pow(tEnd / tStart, f);
        if (now - lastProgress >= (o.progressEveryMs ?? 250)) {
          lastProgress = now;
          progress();
        }
      }
      const m = randomMove();
      if (!m) continue;
      const d = ev.tryMoves(m);
      if (d <= 0 || rnd.next() < Math.exp(-d / temperature)) {
        if (ev.cost() < bestCost - 1e-9) {
          bestCost = ev.cost();
          best = ev.snapshot();
          if (boundReached()) {
            stoppedBy = 'bound';
            iterations++;
            break;
          }
        }
      } else ev.undo();
    }
  progress();
  const timetable = fromPlacement({ instance: ins, placement: best });
  return {
    timetable,
    placement: best,
    score: scoreTimetable({ instance: ins, timetable: best }),
    hardViolations: checkHardRules({ instance: ins, timetable }),
    iterations,
    elapsedMs: Math.round(elapsed()),
    stoppedBy,
  };
}

/** Relative gap between a score and a lower bound; 0 when both are 0. */
export function gapOf(score: number, bound: number): number {
  if (score <= bound) return 0;
  return (score - bound) / Math.max(Math.abs(score), 1e-9);
}
