/**
 * Proposes a timetable: checks the input, names the rules that make it impossible if any, solves
 * small instances exactly with HiGHS (a proven optimum, or a lower bound when time runs out), and
 * runs the seeded local search for the rest or to improve on the exact model's best within the
 * time limit. Reports progress (best score, lower bound, gap) and stops on the abort signal.
 *
 * @example
 * const result = await solveTimetable({ input: data, seed: 1, timeLimitMs: 30_000, onProgress });
 * if (result.status === 'infeasible') result.reasons; // [{ rule, sessions, detail }]
 * else result.timetable; // { sessionId: { block, room } }
 */
import { checkFeasibility, type Infeasibility } from './check-feasibility';
import type { HardViolation } from './check-hard-rules';
import { optimizerInputSchema, type OptimizerInputData, type Timetable } from './model';
import { toPlacement } from './placement';
import { prepareInstance, type Instance } from './prepare-instance';
import type { Score } from './score-timetable';
import { gapOf, searchTimetable, type SearchProgress } from './search-timetable';
import { solveExact } from './solve-exact';

export type SolveProgress = SearchProgress & { phase: 'exact' | 'search' };

export type SolveResult =
  | { status: 'infeasible'; reasons: Infeasibility[]; elapsedMs: number }
  | {
      /** optimal: proven best; feasible: keeps every rule; broken_rules: the best found breaks some. */
      status: 'optimal' | 'feasible' | 'broken_rules';
      method: 'exact' | 'search' | 'exact+search';
      timetable: Timetable;
      score: Score;
      hardViolations: HardViolation[];
      lowerBound: number;
      gap: number;
      elapsedMs: number;
      iterations: number;
      stoppedBy: 'optimal' | 'time' | 'iterations' | 'aborted' | 'bound';
    };

export async function solveTimetable(o: {
  input: OptimizerInputData;
  seed?: number;
  timeLimitMs?: number;
  maxIterations?: number;
  signal?: Pick<AbortSignal, 'aborted'>;
  onProgress?: (p: SolveProgress) => void;
  /** The current draft, to start from. */
  start?: Timetable;
  /** 'auto' tries the exact model when it is small enough. */
  exact?: 'auto' | 'never';
  exactMaxVariables?: number;
}): Promise<SolveResult> {
  const t0 = performance.now();
  const elapsedMs = () => Math.round(performance.now() - t0);
  const timeLimitMs = o.timeLimitMs ?? 30_000;
  const instance = prepareInstance({ input: optimizerInputSchema.parse(o.input) });
  const reasons = checkFeasibility({ instance });
  if (reasons.length > 0) return { status: 'infeasible', reasons, elapsedMs: elapsedMs() };

  let lowerBound = trivialBound(instance);
  let start = o.start ? toPlacement({ instance, timetable: o.start }) : undefined;
  let method: 'search' | 'exact+search' = 'search';
  if ((o.exact ?? 'auto') === 'auto' && !o.signal?.aborted) {
    const exact = await solveExact({
      instance,
      timeLimitSeconds: Math.max(1, (timeLimitMs * 0.5) / 1000),
      maxVariables: o.exactMaxVariables,
    });
    if (exact.status === 'infeasible')
      return {
        status: 'infeasible',
        reasons: [
          {
            rule: 'rules_together',
            sessions: [...instance.sessionIds],
            detail: 'the exact model proves that no timetable keeps every hard rule together',
          },
        ],
        elapsedMs: elapsedMs(),
      };
    if (exact.lowerBound !== null) lowerBound = Math.max(lowerBound, exact.lowerBound);
    if (exact.status === 'optimal' || exact.status === 'time_limit') {
      o.onProgress?.({
        phase: 'exact',
        iterations: 0,
        elapsedMs: elapsedMs(),
        bestScore: exact.score.total,
        bestHardViolations: exact.hardViolations.length,
        lowerBound,
        gap: gapOf(exact.score.total, lowerBound),
      });
      if (exact.status === 'optimal')
        return {
          status: 'optimal',
          method: 'exact',
          timetable: exact.timetable,
          score: exact.score,
          hardViolations: exact.hardViolations,
          lowerBound: exact.score.total,
          gap: 0,
          elapsedMs: elapsedMs(),
          iterations: 0,
          stoppedBy: 'optimal',
        };
      start = exact.placement;
      method = 'exact+search';
    }
  }
  const search = searchTimetable({
    instance,
    seed: o.seed,
    timeLimitMs: Math.max(0, timeLimitMs - elapsedMs()),
    maxIterations: o.maxIterations,
    signal: o.signal,
    onProgress: (p) => o.onProgress?.({ ...p, phase: 'search' }),
    start,
    lowerBound,
  });
  const kept = search.hardViolations.length === 0;
  const proven = kept && search.score.total <= lowerBound + 1e-9;
  return {
    status: proven ? 'optimal' : kept ? 'feasible' : 'broken_rules',
    method,
    timetable: search.timetable,
    score: search.score,
    hardViolations: search.hardViolations,
    lowerBound,
    gap: gapOf(search.score.total, lowerBound),
    elapsedMs: elapsedMs(),
    iterations: search.iterations,
    stoppedBy: search.stoppedBy,
  };
}

/** A weak but valid bound: each session's cheapest block and room on their own. */
function trivialBound(ins: Instance): number {
  let bound = 0;
  for (let s = 0; s < ins.nS; s++) {
    let best = Infinity;
    for (let k = 0; k < ins.nB; k++) {
      if (ins.pinnedBlock[s]! >= 0 && ins.pinnedBlock[s] !== k) continue;
      for (let r = 0; r < ins.nR; r++) {
        if (ins.pinnedRoom[s]! >= 0 && ins.pinnedRoom[s] !== r) continue;
        best = Math.min(
          best,
          ins.sessionBlockPen[s * ins.nB + k]! + ins.sessionRoomPen[s * ins.nR + r]!,
        );
      }
    }
    if (Number.isFinite(best)) bound += ins.weights.preferredTime * best;
  }
  return bound;
}
