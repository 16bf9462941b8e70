/**
 * The exact model: the same rules and soft goals as an integer program, solved by HiGHS (compiled
 * to WebAssembly, from the `highs` package). Variable x[s,k,r] puts session s in block k, room r;
 * u[t,k,r] says track t uses that cell; the soft goals are linearised with the usual
 * "y ≥ a + b − 1" products. Within its time limit it returns a proven optimum, or the best
 * timetable it found with HiGHS's lower bound, or that no timetable keeps every rule. Meant for
 * small instances (it refuses above `maxVariables`); the local search handles the rest.
 *
 * @example
 * const exact = await solveExact({ instance, timeLimitSeconds: 5 });
 * if (exact.status === 'optimal') exact.score.total; // proven best
 */
import highsLoader from 'highs';
import { checkHardRules, type HardViolation } from './check-hard-rules';
import type { Timetable } from './model';
import { fromPlacement, type Placement } from './placement';
import type { Instance } from './prepare-instance';
import { scoreTimetable, type Score } from './score-timetable';

export type ExactResult =
  | {
      status: 'optimal' | 'time_limit';
      timetable: Timetable;
      placement: Placement;
      score: Score;
      hardViolations: HardViolation[];
      /** HiGHS's proven lower bound on the soft score. */
      lowerBound: number;
      elapsedMs: number;
      variables: number;
    }
  | { status: 'infeasible'; lowerBound: null; elapsedMs: number; variables: number }
  | {
      status: 'too_large' | 'no_solution';
      lowerBound: number | null;
      elapsedMs: number;
      variables: number;
    };

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loading: Promise<Highs> | null = null;

export async function solveExact(o: {
  instance: Instance;
  timeLimitSeconds?: number;
  maxVariables?: number;
}): Promise<ExactResult> {
  const t0 = performance.now();
  const ins = o.instance;
  const elapsedMs = () => Math.round(performance.now() - t0);
  const limit = o.maxVariables ?? 20_000;
  // the placement variables alone, counted before building anything
  let placements = 0;
  for (let s = 0; s < ins.nS; s++)
    placements += (ins.pinnedBlock[s]! >= 0 ? 1 : ins.nB) * (ins.pinnedRoom[s]! >= 0 ? 1 : ins.nR);
  if (placements > limit)
    return { status: 'too_large', lowerBound: null, elapsedMs: elapsedMs(), variables: placements };
  const lp = buildModel(ins);
  if (lp.variables > limit)
    return {
      status: 'too_large',
      lowerBound: null,
      elapsedMs: elapsedMs(),
      variables: lp.variables,
    };
  if (lp.emptySession)
    return { status: 'infeasible', lowerBound: null, elapsedMs: elapsedMs(), variables: 0 };
  loading ??= highsLoader();
  const highs = await loading;
  const model = highs.createModel({ format: 'lp', data: lp.text });
  try {
    model.options.set({
      time_limit: o.timeLimitSeconds ?? 10,
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 1e-6,
    });
    model.run();
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    if (status === codes.infeasible)
      return {
        status: 'infeasible',
        lowerBound: null,
        elapsedMs: elapsedMs(),
        variables: lp.variables,
      };
    const solution = model.getSolution();
    const bound = Number(model.info.get('mip_dual_bound'));
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    if (!hasSolution)
      return {
        status: 'no_solution',
        lowerBound: Number.isFinite(bound) ? bound : null,
        elapsedMs: elapsedMs(),
        variables: lp.variables,
      };
    const placement: Placement = {
      block: new Int32Array(ins.nS).fill(-1),
      room: new Int32Array(ins.nS).fill(-1),
    };
    const column = new Map<string, number>();
    const { numCols } = model.getDimensions();
    for (let i = 0; i < numCols; i++) column.set(String(model.getColName(i)), i);
    lp.x.forEach(([s, k, r]) => {
      const col = column.get(`x${s}_${k}_${r}`);
      if (col !== undefined && solution.colValue[col]! > 0.5) {
        placement.block[s] = k;
        placement.room[s] = r;
      }
    });
    const timetable = fromPlacement({ instance: ins, placement });
    const score = scoreTimetable({ instance: ins, timetable: placement });
    return {
      status: status === codes.optimal ? 'optimal' : 'time_limit',
      timetable,
      placement,
      score,
      hardViolations: checkHardRules({ instance: ins, timetable }),
      lowerBound: status === codes.optimal ? score.total : Math.min(bound, score.total),
      elapsedMs: elapsedMs(),
      variables: lp.variables,
    };
  } finally {
    model.dispose();
  }
}

/** The model in CPLEX LP text, and the placement each x column stands for. */
function buildModel(ins: Instance) {
  const { nB, nR, nS, nT } = ins;
  const w = ins.weights;
  const obj: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const continuous: string[] = [];
  const x: [number, number, number][] = [];
  const xName = new Map<number, string>();
  const key = (s: number, k: number, r: number) => (s * nB + k) * nR + r;
  const term = (c: number, v: string) =>
    c === 0 ? '' : `${c >= 0 ? '+' : '-'} ${Math.abs(c)} ${v}`;
  let emptySession = false;

  for (let s = 0; s < nS; s++) {
    const mine: string[] = [];
    for (let k = 0; k < nB; k++)
      for (let r = 0; r < nR; r++) {
        if (ins.pinnedBlock[s]! >= 0 && ins.pinnedBlock[s] !== k) continue;
        if (ins.pinnedRoom[s]! >= 0 && ins.pinnedRoom[s] !== r) continue;
        if (ins.duration[s]! > ins.blockCap[k]! || ins.roomUnavailable[k * nR + r]) continue;
        if (ins.attendance[s]! > ins.roomCap[r]!) continue;
        const name = `x${s}_${k}_${r}`;
        xName.set(key(s, k, r), name);
        x.push([s, k, r]);
        binaries.push(name);
        mine.push(name);
        const c =
          w.preferredTime * (ins.sessionBlockPen[s * nB + k]! + ins.sessionRoomPen[s * nR + r]!);
        obj.push(term(c, name));
      }
    if (mine.length === 0) emptySession = true;
    else rows.push(`${mine.join(' + ')} = 1`);
  }
  const X = (s: number, k: number, r: number) => xName.get(key(s, k, r));
  const inBlockOtherRooms = (s: number, k: number, r: number) =>
    Array.from({ length: nR }, (_, q) => (q === r ? undefined : X(s, k, q))).filter(Boolean);

  // cell capacity and occupancy
  for (let k = 0; k < nB; k++)
    for (let r = 0; r < nR; r++) {
      const here = Array.from({ length: nS }, (_, s) => s).filter((s) => X(s, k, r));
      if (here.length === 0) continue;
      const load = here.reduce((sum, s) => sum + ins.duration[s]!, 0);
      if (load > ins.blockCap[k]!)
        rows.push(
          `${here.map((s) => `${ins.duration[s]} ${X(s, k, r)}`).join(' + ')} <= ${ins.blockCap[k]}`,
        );
      const pen = w.trackPlacement * ins.blockRoomPen[k * nR + r]!;
      if (pen > 0) {
        const o = `o${k}_${r}`;
        binaries.push(o);
        obj.push(term(pen, o));
        for (const s of here) rows.push(`${X(s, k, r)} - ${o} <= 0`);
      }
    }

  // track use of cells
  const needTracks =
    ins.input.oneTrackPerCell ||
    w.sameTrackParallel > 0 ||
    w.similarTrackParallel > 0 ||
    w.trackRoomChange > 0 ||
    w.trackNotConsecutive > 0 ||
    ins.trackBlockPen.some((v) => v > 0) ||
    ins.trackRoomPen.some((v) => v > 0);
  const uName = new Map<number, string>();
  const U = (t: number, k: number, r: number) => uName.get((t * nB + k) * nR + r);
  if (needTracks && nT > 0) {
    for (let t = 0; t < nT; t++)
      for (let k = 0; k < nB; k++)
        for (let r = 0; r < nR; r++) {
          const xs = Array.from({ length: nS }, (_, s) => s)
            .filter((s) => ins.track[s] === t)
            .map((s) => X(s, k, r))
            .filter((v): v is string => Boolean(v));
          if (xs.length === 0) continue;
          const u = `u${t}_${k}_${r}`;
          uName.set((t * nB + k) * nR + r, u);
          binaries.push(u);
          for (const v of xs) rows.push(`${v} - ${u} <= 0`);
          rows.push(`${xs.join(' + ')} - ${u} >= 0`);
          const pen =
            w.trackPlacement * (ins.trackBlockPen[t * nB + k]! + ins.trackRoomPen[t * nR + r]!);
          obj.push(term(pen, u));
        }
    if (ins.input.oneTrackPerCell)
      for (let k = 0; k < nB; k++)
        for (let r = 0; r < nR; r++) {
          const us = Array.from({ length: nT }, (_, t) => U(t, k, r)).filter(Boolean);
          if (us.length > 1) rows.push(`${us.join(' + ')} <= 1`);
        }
    for (let t = 0; t < nT; t++) {
      if (w.sameTrackParallel > 0)
        for (let k = 0; k < nB; k++) {
          const us = Array.from({ length: nR }, (_, r) => U(t, k, r)).filter(Boolean);
          if (us.length < 2) continue;
          const p = `p${t}_${k}`;
          continuous.push(p);
          obj.push(term(w.sameTrackParallel, p));
          rows.push(`${us.join(' + ')} - ${p} <= 1`);
        }
      if (w.trackRoomChange > 0) {
        const vs: string[] = [];
        for (let r = 0; r < nR; r++) {
          const us = Array.from({ length: nB }, (_, k) => U(t, k, r)).filter(Boolean);
          if (us.length === 0) continue;
          const v = `v${t}_${r}`;
          binaries.push(v);
          vs.push(v);
          for (const u of us) rows.push(`${u} - ${v} <= 0`);
        }
        if (vs.length > 1) {
          const c = `c${t}`;
          continuous.push(c);
          obj.push(term(w.trackRoomChange, c));
          rows.push(`${vs.join(' + ')} - ${c} <= 1`);
        }
      }
      if (w.trackNotConsecutive > 0) {
        const used: (string | null)[] = [];
        for (let k = 0; k < nB; k++) {
          const us = Array.from({ length: nR }, (_, r) => U(t, k, r)).filter((v): v is string =>
            Boolean(v),
          );
          if (us.length === 0) {
            used.push(null);
            continue;
          }
          const b = `beta${t}_${k}`;
          binaries.push(b);
          used.push(b);
          for (const u of us) rows.push(`${u} - ${b} <= 0`);
          rows.push(`${us.join(' + ')} - ${b} >= 0`);
        }
        const g = `g${t}`;
        binaries.push(g);
        obj.push(term(w.trackNotConsecutive, g));
        for (let k1 = 0; k1 < nB; k1++)
          for (let k3 = k1 + 2; k3 < nB; k3++)
            for (let k2 = k1 + 1; k2 < k3; k2++) {
              const a = used[k1];
              const c = used[k3];
              if (!a || !c) continue;
              const mid = used[k2];
              rows.push(`${a} + ${c}${mid ? ` - ${mid}` : ''} - ${g} <= 1`);
            }
      }
    }
    if (w.similarTrackParallel > 0)
      for (let t1 = 0; t1 < nT; t1++)
        for (let t2 = t1 + 1; t2 < nT; t2++) {
          const sim = ins.similar[t1 * nT + t2]!;
          if (sim <= 0) continue;
          for (let k = 0; k < nB; k++)
            for (let r1 = 0; r1 < nR; r1++)
              for (let r2 = 0; r2 < nR; r2++) {
                if (r1 === r2) continue;
                const a = U(t1, k, r1);
                const b = U(t2, k, r2);
                if (!a || !b) continue;
                const q = `q${t1}_${t2}_${k}_${r1}_${r2}`;
                continuous.push(q);
                obj.push(term(w.similarTrackParallel * sim, q));
                rows.push(`${a} + ${b} - ${q} <= 1`);
              }
        }
  }

  // pairs: people who cannot be in two places (hard), attendees who want both (soft)
  for (let a = 0; a < nS; a++)
    for (let c = a + 1; c < nS; c++) {
      const people = ins.sharePeople[a * nS + c] === 1;
      const weight = w.attendeeClash * ins.pairWeight[a * nS + c]!;
      if (!people && weight <= 0) continue;
      for (let k = 0; k < nB; k++) {
        const y = `y${a}_${c}_${k}`;
        let used = false;
        if (ins.duration[a]! + ins.duration[c]! > ins.blockCap[k]!) {
          // they cannot share a room in this block: in the block together means in parallel
          const both = [...inBlockOtherRooms(a, k, -1), ...inBlockOtherRooms(c, k, -1)];
          const hasA = inBlockOtherRooms(a, k, -1).length > 0;
          const hasC = inBlockOtherRooms(c, k, -1).length > 0;
          if (hasA && hasC) {
            if (people) rows.push(`${both.join(' + ')} <= 1`);
            else {
              rows.push(`${both.join(' + ')} - ${y} <= 1`);
              used = true;
            }
          }
        } else
          for (let r = 0; r < nR; r++) {
            const xa = X(a, k, r);
            const others = inBlockOtherRooms(c, k, r);
            if (!xa || others.length === 0) continue;
            if (people) rows.push(`${xa} + ${others.join(' + ')} <= 1`);
            else {
              rows.push(`${xa} + ${others.join(' + ')} - ${y} <= 1`);
              used = true;
            }
          }
        if (used) {
          continuous.push(y);
          obj.push(term(weight, y));
        }
        if (!people) continue;
        for (const k2 of ins.nearList[k]!) {
          for (let r = 0; r < nR; r++) {
            const xa = X(a, k, r);
            if (!xa) continue;
            const overlap = ins.overlapBlocks[k * nB + k2] === 1;
            const others = Array.from({ length: nR }, (_, q) =>
              q === r && !overlap ? undefined : X(c, k2, q),
            ).filter(Boolean);
            if (others.length > 0) rows.push(`${xa} + ${others.join(' + ')} <= 1`);
          }
        }
      }
    }

  const objective = obj.filter(Boolean);
  const text = [
    'Minimize',
    ` obj: ${objective.length > 0 ? objective.join(' ').replace(/^\+ /, '') : `0 ${binaries[0] ?? 'dummy'}`}`,
    'Subject To',
    ...rows.map((row, i) => ` r${i}: ${row}`),
    'Bounds',
    ...continuous.map((v) => ` ${v} >= 0`),
    ...(binaries.length === 0 ? [' dummy >= 0'] : []),
    'Binary',
    ...binaries.map((v) => ` ${v}`),
    'End',
  ].join('\n');
  return { text, x, variables: binaries.length + continuous.length, emptySession };
}
