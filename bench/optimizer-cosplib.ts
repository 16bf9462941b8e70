/**
 * The optimizer on CoSPLib, the public conference-scheduling benchmark (MIT): reads each of its 16
 * Excel instances into the optimizer's model, solves it, writes the timetable in CoSPLib's
 * solution layout, scores it with CoSPLib's own Python checker and with `scoreTimetable`, scores
 * the published exact-model solution with the same checker, and prints per instance: our score,
 * the published one, the gap and the time. Bench only: nothing of CoSPLib is copied into the
 * project; it is read from `../shared/benchmarks/cosplib/` beside the project.
 *
 *   npx tsx bench/optimizer-cosplib.ts [--time 60] [--seed 1] [--only N2OR,GECCO20]
 *
 * Needs /usr/bin/python3 with pandas, openpyxl and pytz (Debian: python3-pandas python3-openpyxl
 * python3-tz) for the checker; without them it prints our own scores only.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { OptimizerInputData, Timetable } from '../src/features/optimizer/solver/model';
import { optimizerInputSchema } from '../src/features/optimizer/solver/model';
import { prepareInstance } from '../src/features/optimizer/solver/prepare-instance';
import { scoreTimetable } from '../src/features/optimizer/solver/score-timetable';
import { solveTimetable } from '../src/features/optimizer/solver/solve-timetable';

const INSTANCES = [
  'N2OR',
  'GECCO19',
  'GECCO20',
  'GECCO20Poster',
  'GECCO20Workshop',
  'GECCO21',
  'GECCO21Workshop',
  'GECCO22',
  'GECCO22Workshop',
  'GECCO23',
  'GECCO23Workshop',
  'ISF22',
  'OR60',
  'OR60F',
  'OR60F2',
  'OR60F3',
];

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const COSPLIB = resolve(projectRoot, '../shared/benchmarks/cosplib');
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const timeLimitS = Number(arg('time') ?? 60);
const seed = Number(arg('seed') ?? 1);
const only = arg('only')?.split(',');

/** A CoSPLib instance read into the optimizer's model, plus what writing a solution needs. */
type CosplibInstance = {
  input: OptimizerInputData;
  blocks: { id: string; slots: number }[];
  rooms: string[];
  order: Map<string, number>;
  unmodelled: string[];
};

type Cell = ExcelJS.CellValue;

function text(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const hh = String(v.getUTCHours()).padStart(2, '0');
    const mm = String(v.getUTCMinutes()).padStart(2, '0');
    return `${hh}:${mm}`;
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return text(v.result as Cell);
    if ('text' in v) return String(v.text);
    return String(v);
  }
  return String(v);
}
const num = (v: Cell) => {
  const t = text(v).trim();
  return t === '' ? 0 : Number(t);
};
const minutesOf = (v: Cell) => {
  const [h, m] = text(v).split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const gmt = (v: string) => Number(v.replace('GMT', '') || '0');
const list = (v: Cell) =>
  text(v)
    .split(', ')
    .map((s) => s.trim());

/** The sheet as rows of cells, without the header row, and the header. */
function sheet(wb: ExcelJS.Workbook, name: string): { header: string[]; rows: Cell[][] } {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`sheet ${name} missing`);
  const all: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as Cell[];
    all.push(values.slice(1));
  });
  const header = (all[0] ?? []).map(text);
  const rows = all.slice(1).filter((r) => r.some((c) => text(c).trim() !== ''));
  return { header, rows };
}

async function readCosplib(file: string): Promise<CosplibInstance> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const params = sheet(wb, 'parameters');
  const p = (row: number, col: number) => params.rows[row]?.[col] ?? null;
  const weight = (row: number) => num(p(row, 4));
  const W = {
    tracksSessions: weight(0),
    tracksRooms: weight(1),
    sessionsRooms: weight(2),
    similarTracks: weight(3),
    roomsPerTrack: weight(4),
    parallelTracks: weight(5),
    consecutiveTracks: weight(6),
    timezones: weight(7),
    order: weight(8),
    submissionsSessions: weight(9),
    submissionsRooms: weight(10),
    presenters: weight(11),
    attendees: weight(12),
    chairs: weight(13),
    presentersSlot: weight(14),
    attendeesSlot: weight(15),
  };
  const localTz = gmt(text(p(0, 1)));
  const suitFrom = minutesOf(p(2, 1));
  const suitTo = minutesOf(p(3, 1));
  const lessFrom = minutesOf(p(5, 1));
  const lessTo = minutesOf(p(6, 1));
  const smallTz = num(p(7, 1));
  const bigTz = num(p(9, 1));

  const sessions = sheet(wb, 'sessions').rows.map((r, i) => ({
    id: text(r[0]),
    slots: num(r[1]),
    start: minutesOf(r[3]),
    end: minutesOf(r[4]),
    index: i,
  }));
  const rooms = sheet(wb, 'rooms').rows.map((r) => text(r[0]));
  const tracks = sheet(wb, 'tracks').rows.map((r) => ({ id: text(r[0]), chairs: list(r[1]) }));
  const subs = sheet(wb, 'submissions');
  const submissions = subs.rows.map((r) => ({
    id: text(r[0]),
    track: text(r[1]),
    slots: num(r[2]),
    order: num(r[3]),
    tz: gmt(text(r[4]) || 'GMT+0'),
    presenters: list(r[5]),
    attendees: list(r[6]),
    sessionPen: sessions.map((_, i) => num(r[7 + i] ?? null)),
    roomPen: rooms.map((_, i) => num(r[7 + sessions.length + i] ?? null)),
  }));
  const chairsOf = new Map(tracks.map((t) => [t.id, t.chairs]));

  // Pairs in parallel: presenters' and attendees' conflicts as CoSPLib derives them.
  const pairs: { a: string; b: string; weight: number }[] = [];
  for (let i = 0; i < submissions.length; i++)
    for (let j = i + 1; j < submissions.length; j++) {
      const a = submissions[i]!;
      const b = submissions[j]!;
      const meets = (xs: string[], ys: string[]) => xs.some((x) => x !== '' && ys.includes(x));
      const otherTrack = a.track !== b.track;
      const presenters =
        meets(a.presenters, b.presenters) ||
        (otherTrack &&
          (meets(a.presenters, chairsOf.get(b.track) ?? []) ||
            meets(b.presenters, chairsOf.get(a.track) ?? [])));
      const attendees =
        meets(a.attendees, b.attendees) ||
        meets(a.attendees, b.presenters) ||
        meets(b.attendees, a.presenters) ||
        (otherTrack &&
          (meets(a.attendees, chairsOf.get(b.track) ?? []) ||
            meets(b.attendees, chairsOf.get(a.track) ?? [])));
      const weight = (presenters ? W.presenters : 0) + (attendees ? W.attendees : 0);
      if (weight > 0) pairs.push({ a: a.id, b: b.id, weight });
    }

  const tzPenalty = (subTz: number, s: (typeof sessions)[number]) => {
    const shift = (subTz - localTz) * 60;
    const start = (((s.start + shift) % 1440) + 1440) % 1440;
    const end = (((s.end + shift) % 1440) + 1440) % 1440;
    if (start < lessFrom || end > lessTo || end < lessFrom) return bigTz;
    if ((start >= lessFrom && start < suitFrom) || (end > suitTo && end <= lessTo)) return smallTz;
    return 0;
  };

  const matrix = (name: string) => {
    const m = sheet(wb, name);
    return {
      cols: m.header.slice(1),
      rows: m.rows.map((r) => ({ id: text(r[0]), values: r.slice(1).map(num) })),
    };
  };
  const ts = matrix('tracks_sessions|penalty');
  const tr = matrix('tracks_rooms|penalty');
  const sr = matrix('sessions_rooms|penalty');
  const tt = matrix('similar tracks');
  const similar = new Map<string, number>();
  tt.rows.forEach((row, pIx) =>
    tt.rows.forEach((other, qIx) => {
      if (qIx <= pIx) return;
      const v = W.similarTracks * (row.values[qIx] ?? 0);
      if (v > 0) similar.set(`${row.id}\u0000${other.id}`, v);
    }),
  );
  for (let i = 0; i < tracks.length; i++)
    for (let j = i + 1; j < tracks.length; j++) {
      const a = tracks[i]!;
      const b = tracks[j]!;
      if (W.chairs > 0 && a.chairs.some((c) => c !== '' && b.chairs.includes(c))) {
        const k = `${a.id}\u0000${b.id}`;
        similar.set(k, (similar.get(k) ?? 0) + W.chairs);
      }
    }

  const unmodelled: string[] = [];
  if (W.order > 0 && submissions.some((s) => s.order !== 0))
    unmodelled.push(`submission order (weight ${W.order}): only sorted inside each room`);
  if (W.presentersSlot > 0 || W.attendeesSlot > 0) unmodelled.push('time-slot-level conflicts');

  const input: OptimizerInputData = {
    blocks: sessions.map((s) => ({
      id: s.id,
      start: s.index * 1440 + s.start,
      end: s.index * 1440 + Math.max(s.end, s.start + 1),
      capacity: s.slots,
    })),
    rooms: rooms.map((id) => ({ id })),
    sessions: submissions.map((s) => ({ id: s.id, duration: s.slots, track: s.track })),
    oneTrackPerCell: true,
    interest: { kind: 'pairs', pairs },
    similarTracks: [...similar].map(([k, weight]) => {
      const [a, b] = k.split('\u0000') as [string, string];
      return { a, b, weight };
    }),
    sessionBlockPenalties: submissions
      .flatMap((s) =>
        sessions.map((b, i) => ({
          session: s.id,
          block: b.id,
          penalty:
            s.slots * (W.submissionsSessions * s.sessionPen[i]! + W.timezones * tzPenalty(s.tz, b)),
        })),
      )
      .filter((x) => x.penalty > 0),
    sessionRoomPenalties: submissions
      .flatMap((s) =>
        rooms.map((r, i) => ({
          session: s.id,
          room: r,
          penalty: s.slots * W.submissionsRooms * s.roomPen[i]!,
        })),
      )
      .filter((x) => x.penalty > 0),
    trackBlockPenalties: ts.rows
      .flatMap((row) =>
        row.values.map((v, i) => ({
          track: row.id,
          block: ts.cols[i]!,
          penalty: W.tracksSessions * v,
        })),
      )
      .filter((x) => x.penalty > 0),
    trackRoomPenalties: tr.rows
      .flatMap((row) =>
        row.values.map((v, i) => ({
          track: row.id,
          room: tr.cols[i]!,
          penalty: W.tracksRooms * v,
        })),
      )
      .filter((x) => x.penalty > 0),
    blockRoomPenalties: sr.rows
      .flatMap((row) =>
        row.values.map((v, i) => ({
          block: row.id,
          room: sr.cols[i]!,
          penalty: W.sessionsRooms * v,
        })),
      )
      .filter((x) => x.penalty > 0),
    weights: {
      attendeeClash: 1,
      sameTrackParallel: W.parallelTracks,
      similarTrackParallel: 1,
      trackRoomChange: W.roomsPerTrack,
      trackNotConsecutive: W.consecutiveTracks,
      preferredTime: 1,
      trackPlacement: 1,
    },
  };
  return {
    input,
    blocks: sessions.map((s) => ({ id: s.id, slots: s.slots })),
    rooms,
    order: new Map(submissions.map((s) => [s.id, s.order])),
    unmodelled,
  };
}

/** CoSPLib's solution layout: tracks per session and room, a blank row, then each time slot. */
async function writeSolution(c: CosplibInstance, timetable: Timetable, file: string) {
  const durations = new Map((c.input.sessions ?? []).map((s) => [s.id, s.duration]));
  const tracks = new Map((c.input.sessions ?? []).map((s) => [s.id, s.track ?? '']));
  const cell = new Map<string, string[]>();
  for (const [id, at] of Object.entries(timetable)) {
    const key = `${at.block}\u0000${at.room}`;
    cell.set(key, [...(cell.get(key) ?? []), id]);
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('sol');
  ws.addRow(['', ...c.rooms]);
  for (const b of c.blocks)
    ws.addRow([
      b.id,
      ...c.rooms.map((r) => tracks.get(cell.get(`${b.id}\u0000${r}`)?.[0] ?? '') ?? ''),
    ]);
  ws.addRow(['']);
  const orderKey = (id: string) => {
    const o = c.order.get(id) ?? 0;
    return o > 0 ? o : 1e9;
  };
  for (const b of c.blocks) {
    const slots = c.rooms.map((r) => {
      const ids = [...(cell.get(`${b.id}\u0000${r}`) ?? [])].sort(
        (x, y) => orderKey(x) - orderKey(y) || x.localeCompare(y),
      );
      return ids.flatMap((id) => Array.from({ length: durations.get(id) ?? 1 }, () => id));
    });
    for (let t = 0; t < b.slots; t++) ws.addRow([b.id, ...slots.map((s) => s[t] ?? '')]);
  }
  await wb.xlsx.writeFile(file);
}

/** Runs CoSPLib's checker on a solution file; null when Python or its packages are missing. */
function check(
  work: string,
  name: string,
  solution: string,
): { objective: number; feasible: boolean; valid: boolean } | null {
  const configPath = join(work, 'Solver', 'config.py');
  const original = readFileSync(join(COSPLIB, 'Solver', 'config.py'), 'utf8');
  writeFileSync(
    configPath,
    original
      .replace(/^INSTANCE_NAME = .*$/m, `INSTANCE_NAME = ${JSON.stringify(name)}`)
      .replace(/^SAVE_SOLUTION = .*$/m, 'SAVE_SOLUTION = False')
      .replace(/^SOLUTION_INPUT_PATH = .*$/m, `SOLUTION_INPUT_PATH = ${JSON.stringify(solution)}`),
  );
  const run = spawnSync('/usr/bin/python3', ['Solver/Solver_Checker_v1.1.py'], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = parseChecker(`${run.stdout ?? ''}${run.stderr ?? ''}`);
  if (!parsed)
    console.error(
      `  checker failed on ${name}: ${(run.stderr ?? String(run.error)).split('\n').slice(-3).join(' ')}`,
    );
  return parsed;
}

function parseChecker(out: string) {
  const objective = /Objective value: (-?[\d.]+)/.exec(out);
  if (!objective) return null;
  return {
    objective: Number(objective[1]),
    feasible: /Is solution feasible\? True/.test(out),
    valid: /Is solution valid\? True/.test(out),
  };
}

async function main() {
  if (!existsSync(join(COSPLIB, 'Dataset'))) {
    console.log(
      `CoSPLib not found at ${COSPLIB}: put the benchmark library there to run this bench.`,
    );
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'convoca-cosplib-'));
  cpSync(join(COSPLIB, 'Solver'), join(work, 'Solver'), { recursive: true });
  cpSync(join(COSPLIB, 'Dataset'), join(work, 'Dataset'), { recursive: true });
  console.log(
    `CoSPLib with the optimizer: time limit ${timeLimitS} s per instance, seed ${seed}, this machine`,
  );
  console.log(
    'instance'.padEnd(17) +
      'ours(checker)'.padStart(14) +
      'ours(own)'.padStart(12) +
      'published'.padStart(12) +
      'gap'.padStart(9) +
      'time s'.padStart(8) +
      '  feasible  status',
  );
  try {
    for (const name of INSTANCES) {
      if (only && !only.includes(name)) continue;
      const c = await readCosplib(join(COSPLIB, 'Dataset', `${name}.xlsx`));
      const t0 = performance.now();
      const result = await solveTimetable({
        input: c.input,
        seed,
        timeLimitMs: timeLimitS * 1000,
        exactMaxVariables: 4000,
        onProgress: process.argv.includes('--verbose')
          ? (p) => {
              if (p.iterations % 50 === 0)
                console.log(
                  `  ${name} ${p.phase} ${p.elapsedMs} ms: best ${p.bestScore}, ${p.bestHardViolations} hard, ${p.iterations} iterations`,
                );
            }
          : undefined,
      });
      const seconds = (performance.now() - t0) / 1000;
      if (result.status === 'infeasible') {
        console.log(
          `${name.padEnd(17)} infeasible: ${result.reasons.map((r) => r.rule).join(', ')}`,
        );
        continue;
      }
      const file = join(work, `${name}-convoca.xlsx`);
      await writeSolution(c, result.timetable, file);
      const instance = prepareInstance({ input: optimizerInputSchema.parse(c.input) });
      const own = scoreTimetable({ instance, timetable: result.timetable }).total;
      const ours = check(work, name, file);
      const publishedFile = join(COSPLIB, 'Solutions', 'Exact Model', `${name}Solution.xlsx`);
      const published = existsSync(publishedFile) ? check(work, name, publishedFile) : null;
      const gap =
        ours && published
          ? `${(((ours.objective - published.objective) / Math.max(published.objective, 1)) * 100).toFixed(1)}%`
          : '-';
      console.log(
        name.padEnd(17) +
          (ours ? ours.objective.toLocaleString('en') : '-').padStart(14) +
          own.toLocaleString('en').padStart(12) +
          (published ? published.objective.toLocaleString('en') : '-').padStart(12) +
          gap.padStart(9) +
          seconds.toFixed(1).padStart(8) +
          `  ${ours ? (ours.feasible && ours.valid ? 'yes' : 'NO') : '?'}`.padEnd(10) +
          `${result.status} (${result.method}, ${result.hardViolations.length} hard)` +
          (c.unmodelled.length > 0 ? `  not modelled: ${c.unmodelled.join('; ')}` : '') +
          (process.argv.includes('--verbose')
            ? `  [${result.iterations} iterations, ${result.stoppedBy}]`
            : ''),
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
