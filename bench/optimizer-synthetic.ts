/**
 * The optimizer on synthetic forums shaped like Convoca's: 6 sessions with 200 attendees' interests
 * (the 2018 forum's two blocks of three rooms), 60 with 2,000 and 300 with 10,000. Popularity is
 * skewed (a few sessions most people want), speakers are shared between some sessions, rooms are
 * sized so that the most popular sessions fit the large ones. "Before" is the naive draft (sessions
 * in the order they were entered, block after block); "after" is the optimizer's proposal. Prints
 * the attendee clashes (pairs of wanted sessions in parallel, counted per person), the attendees
 * facing at least one clash, the hard rules broken, the lower bound, the gap and the time.
 *
 *   npx tsx bench/optimizer-synthetic.ts [--time 20] [--seed 1]
 */
import { createRandom } from '../src/features/optimizer/solver/create-random';
import { checkHardRules } from '../src/features/optimizer/solver/check-hard-rules';
import {
  optimizerInputSchema,
  type OptimizerInputData,
  type Timetable,
} from '../src/features/optimizer/solver/model';
import { prepareInstance } from '../src/features/optimizer/solver/prepare-instance';
import { scoreTimetable } from '../src/features/optimizer/solver/score-timetable';
import { solveTimetable } from '../src/features/optimizer/solver/solve-timetable';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const timeLimitS = Number(arg('time') ?? 20);
const seed = Number(arg('seed') ?? 1);

type Forum = { input: OptimizerInputData; attendees: string[][]; naive: Timetable };

function makeForum(o: {
  sessions: number;
  attendees: number;
  days: number;
  blocksPerDay: number;
  rooms: number;
  wishes: number;
  seed: number;
}): Forum {
  const rnd = createRandom({ seed: o.seed });
  const nB = o.days * o.blocksPerDay;
  const blocks = Array.from({ length: nB }, (_, i) => {
    const day = Math.floor(i / o.blocksPerDay);
    const start = day * 1440 + 9 * 60 + (i % o.blocksPerDay) * 120;
    return { id: `d${day + 1}b${(i % o.blocksPerDay) + 1}`, start, end: start + 90 };
  });
  const ids = Array.from({ length: o.sessions }, (_, i) => `s${i + 1}`);
  // skewed popularity: weight 1/(rank+1)^0.8
  const weights = ids.map((_, i) => 1 / Math.pow(i + 1, 0.8));
  const totalW = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let x = rnd.next() * totalW;
    for (let i = 0; i < ids.length; i++) {
      x -= weights[i]!;
      if (x <= 0) return ids[i]!;
    }
    return ids[ids.length - 1]!;
  };
  const attendees = Array.from({ length: o.attendees }, () => {
    const want = new Set<string>();
    const n = 1 + rnd.int(o.wishes);
    while (want.size < Math.min(n, ids.length)) want.add(pick());
    return [...want];
  });
  const interested = new Map<string, number>();
  for (const a of attendees) for (const s of a) interested.set(s, (interested.get(s) ?? 0) + 1);
  const sorted = ids.map((id) => interested.get(id) ?? 0).sort((a, b) => b - a);
  const rooms = Array.from({ length: o.rooms }, (_, r) => ({
    id: `room${r + 1}`,
    capacity: Math.ceil(1.1 * (sorted[r * nB] ?? 0)) + 10,
  }));
  const tracks = Math.max(2, Math.round(o.sessions / 6));
  const pool = o.sessions * 5;
  const sessions = ids.map((id) => ({
    id,
    duration: 90,
    track: `track${rnd.int(tracks) + 1}`,
    people: Array.from({ length: 3 }, () => `person${rnd.int(pool) + 1}`),
  }));
  // the naive draft: in the order entered, block by block, rooms in order
  const naive: Timetable = {};
  ids.forEach((id, i) => {
    naive[id] = { block: blocks[Math.floor(i / o.rooms)]!.id, room: rooms[i % o.rooms]!.id };
  });
  return {
    input: {
      blocks,
      rooms,
      sessions,
      travelBufferMinutes: 10,
      interest: { kind: 'attendees', attendees },
    },
    attendees,
    naive,
  };
}

/** Attendees who want two sessions that run in parallel. */
function peopleWithClash(f: Forum, t: Timetable): number {
  let n = 0;
  for (const wanted of f.attendees) {
    const seen = new Map<string, string>();
    let clash = false;
    for (const s of wanted) {
      const at = t[s];
      if (!at) continue;
      const room = seen.get(at.block);
      if (room !== undefined && room !== at.room) clash = true;
      seen.set(at.block, at.room);
    }
    if (clash) n++;
  }
  return n;
}

const cases = [
  {
    label: '6 sessions, 200 attendees',
    sessions: 6,
    attendees: 200,
    days: 1,
    blocksPerDay: 2,
    rooms: 3,
    wishes: 4,
  },
  {
    label: '60 sessions, 2,000 attendees',
    sessions: 60,
    attendees: 2000,
    days: 3,
    blocksPerDay: 4,
    rooms: 6,
    wishes: 6,
  },
  {
    label: '300 sessions, 10,000 attendees',
    sessions: 300,
    attendees: 10000,
    days: 4,
    blocksPerDay: 5,
    rooms: 16,
    wishes: 8,
  },
];

console.log(
  `Optimizer on synthetic forums: time limit ${timeLimitS} s, seed ${seed}, this machine`,
);
console.log(
  'case'.padEnd(32) +
    'clashes before'.padStart(15) +
    'after'.padStart(8) +
    'people before'.padStart(15) +
    'after'.padStart(8) +
    'hard b/a'.padStart(10) +
    'bound'.padStart(8) +
    'gap'.padStart(8) +
    'time s'.padStart(8) +
    '  status',
);
for (const c of cases) {
  const forum = makeForum({ ...c, seed });
  const instance = prepareInstance({ input: optimizerInputSchema.parse(forum.input) });
  const before = scoreTimetable({ instance, timetable: forum.naive }).parts.attendeeClash;
  const hardBefore = checkHardRules({ instance, timetable: forum.naive }).length;
  const t0 = performance.now();
  const result = await solveTimetable({
    input: forum.input,
    seed,
    timeLimitMs: timeLimitS * 1000,
    start: forum.naive,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (result.status === 'infeasible') {
    console.log(
      `${c.label.padEnd(32)} infeasible: ${result.reasons.map((r) => `${r.rule} ${r.sessions.join(' ')}`).join('; ')}`,
    );
    continue;
  }
  const after = result.score.parts.attendeeClash;
  console.log(
    c.label.padEnd(32) +
      before.toLocaleString('en').padStart(15) +
      after.toLocaleString('en').padStart(8) +
      peopleWithClash(forum, forum.naive).toLocaleString('en').padStart(15) +
      peopleWithClash(forum, result.timetable).toLocaleString('en').padStart(8) +
      `${hardBefore}/${result.hardViolations.length}`.padStart(10) +
      result.lowerBound.toLocaleString('en').padStart(8) +
      `${(result.gap * 100).toFixed(1)}%`.padStart(8) +
      seconds.toFixed(2).padStart(8) +
      `  ${result.status} (${result.method}; score ${result.score.total})`,
  );
}
