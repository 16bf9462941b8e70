/**
 * Turns a validated input into the dense, index-based form that the checker, the score, the local
 * search and the exact model share: blocks, rooms, sessions and tracks become numbers, and the
 * pairwise facts (people in common, attendees wanting both) become flat arrays.
 *
 * @example
 * const instance = prepareInstance({ input: optimizerInputSchema.parse(data) });
 * instance.pairWeight[a * instance.nS + b]; // people who want both a and b
 */
import type { OptimizerInput, SoftWeights } from './model';

export type Instance = {
  input: OptimizerInput;
  weights: SoftWeights;
  nB: number;
  nR: number;
  nS: number;
  nT: number;
  blockIds: string[];
  roomIds: string[];
  sessionIds: string[];
  trackIds: string[];
  blockStart: Int32Array;
  blockEnd: Int32Array;
  /** What one cell of the block holds, in duration units. */
  blockCap: Int32Array;
  /** Seats plus overflow; Infinity when unlimited. */
  roomCap: Float64Array;
  /** 1 when room r cannot be used in block k, at [k * nR + r]. */
  roomUnavailable: Uint8Array;
  duration: Int32Array;
  /** Track index, or -1. */
  track: Int32Array;
  attendance: Float64Array;
  pinnedBlock: Int32Array;
  pinnedRoom: Int32Array;
  /** Cost of a and b in parallel before the clash weight, at [a * nS + b] (symmetric). */
  pairWeight: Float64Array;
  /** For each session, the sessions it has a positive pair weight with. */
  pairNeighbours: Int32Array[];
  /** 1 when a and b share a person, at [a * nS + b]. */
  sharePeople: Uint8Array;
  /** For each session, the sessions sharing a person with it. */
  peopleNeighbours: Int32Array[];
  /** The person ids two sessions share, for messages. */
  people: string[][];
  /** 1 when blocks j and k (j ≠ k) are too close for a person to change rooms, at [j * nB + k]. */
  nearBlocks: Uint8Array;
  /** 1 when blocks j and k (j ≠ k) overlap in time, at [j * nB + k]. */
  overlapBlocks: Uint8Array;
  /** For each block, the other blocks too close to it. */
  nearList: Int32Array[];
  /** Similarity of tracks, at [t * nT + u] (symmetric). */
  similar: Float64Array;
  sessionBlockPen: Float64Array;
  sessionRoomPen: Float64Array;
  trackBlockPen: Float64Array;
  trackRoomPen: Float64Array;
  blockRoomPen: Float64Array;
};

export function prepareInstance(o: { input: OptimizerInput }): Instance {
  const { input } = o;
  const blockIds = input.blocks.map((b) => b.id);
  const roomIds = input.rooms.map((r) => r.id);
  const sessionIds = input.sessions.map((s) => s.id);
  const trackIds = [...new Set(input.sessions.flatMap((s) => (s.track ? [s.track] : [])))];
  for (const list of [input.similarTracks])
    for (const p of list) for (const t of [p.a, p.b]) if (!trackIds.includes(t)) trackIds.push(t);
  for (const p of input.trackBlockPenalties)
    if (!trackIds.includes(p.track)) trackIds.push(p.track);
  for (const p of input.trackRoomPenalties) if (!trackIds.includes(p.track)) trackIds.push(p.track);
  const nB = blockIds.length;
  const nR = roomIds.length;
  const nS = sessionIds.length;
  const nT = trackIds.length;
  const bIx = indexOf(blockIds);
  const rIx = indexOf(roomIds);
  const sIx = indexOf(sessionIds);
  const tIx = indexOf(trackIds);

  const blockStart = Int32Array.from(input.blocks, (b) => b.start);
  const blockEnd = Int32Array.from(input.blocks, (b) => b.end);
  const blockCap = Int32Array.from(input.blocks, (b) => b.capacity ?? b.end - b.start);
  const roomCap = Float64Array.from(input.rooms, (r) =>
    r.capacity === undefined ? Infinity : r.capacity + r.overflow,
  );
  const roomUnavailable = new Uint8Array(nB * nR);
  input.rooms.forEach((r, ri) => {
    for (const b of r.unavailableBlocks) roomUnavailable[bIx.get(b)! * nR + ri] = 1;
  });

  const duration = Int32Array.from(input.sessions, (s) => s.duration);
  const track = Int32Array.from(input.sessions, (s) => (s.track ? tIx.get(s.track)! : -1));
  const pinnedBlock = Int32Array.from(input.sessions, (s) =>
    s.pinnedBlock ? bIx.get(s.pinnedBlock)! : -1,
  );
  const pinnedRoom = Int32Array.from(input.sessions, (s) =>
    s.pinnedRoom ? rIx.get(s.pinnedRoom)! : -1,
  );

  const pairWeight = new Float64Array(nS * nS);
  const counted = new Float64Array(nS);
  if (input.interest.kind === 'attendees') {
    for (const wanted of input.interest.attendees) {
      const list = [...new Set(wanted)].flatMap((w) => (sIx.has(w) ? [sIx.get(w)!] : []));
      for (const a of list) counted[a]! += 1;
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!;
          const b = list[j]!;
          pairWeight[a * nS + b]! += 1;
          pairWeight[b * nS + a]! += 1;
        }
    }
  } else {
    for (const p of input.interest.pairs) {
      const a = sIx.get(p.a);
      const b = sIx.get(p.b);
      if (a === undefined || b === undefined || a === b) continue;
      pairWeight[a * nS + b]! += p.weight;
      pairWeight[b * nS + a]! += p.weight;
    }
  }
  const attendance = Float64Array.from(
    input.sessions,
    (s, i) => s.expectedAttendance ?? counted[i]!,
  );

  const sharePeople = new Uint8Array(nS * nS);
  const people: string[][] = input.sessions.map((s) => [...new Set(s.people)]);
  const byPerson = new Map<string, number[]>();
  people.forEach((list, s) => {
    for (const p of list) byPerson.set(p, [...(byPerson.get(p) ?? []), s]);
  });
  for (const list of byPerson.values())
    for (const a of list) for (const b of list) if (a !== b) sharePeople[a * nS + b] = 1;

  const nearBlocks = new Uint8Array(nB * nB);
  const overlapBlocks = new Uint8Array(nB * nB);
  for (let j = 0; j < nB; j++)
    for (let k = 0; k < nB; k++) {
      if (j === k) continue;
      const gap = Math.max(blockStart[k]! - blockEnd[j]!, blockStart[j]! - blockEnd[k]!);
      if (gap < input.travelBufferMinutes || gap < 0) nearBlocks[j * nB + k] = 1;
      if (gap < 0) overlapBlocks[j * nB + k] = 1;
    }

  const similar = new Float64Array(nT * nT);
  for (const p of input.similarTracks) {
    const a = tIx.get(p.a)!;
    const b = tIx.get(p.b)!;
    if (a === b) continue;
    similar[a * nT + b] = p.weight;
    similar[b * nT + a] = p.weight;
  }

  const sessionBlockPen = new Float64Array(nS * nB);
  for (const p of input.sessionBlockPenalties) {
    const s = sIx.get(p.session);
    const b = bIx.get(p.block);
    if (s !== undefined && b !== undefined) sessionBlockPen[s * nB + b]! += p.penalty;
  }
  const sessionRoomPen = new Float64Array(nS * nR);
  for (const p of input.sessionRoomPenalties) {
    const s = sIx.get(p.session);
    const r = rIx.get(p.room);
    if (s !== undefined && r !== undefined) sessionRoomPen[s * nR + r]! += p.penalty;
  }
  const trackBlockPen = new Float64Array(nT * nB);
  for (const p of input.trackBlockPenalties) {
    const b = bIx.get(p.block);
    if (b !== undefined) trackBlockPen[tIx.get(p.track)! * nB + b]! += p.penalty;
  }
  const trackRoomPen = new Float64Array(nT * nR);
  for (const p of input.trackRoomPenalties) {
    const r = rIx.get(p.room);
    if (r !== undefined) trackRoomPen[tIx.get(p.track)! * nR + r]! += p.penalty;
  }
  const blockRoomPen = new Float64Array(nB * nR);
  for (const p of input.blockRoomPenalties) {
    const b = bIx.get(p.block);
    const r = rIx.get(p.room);
    if (b !== undefined && r !== undefined) blockRoomPen[b * nR + r]! += p.penalty;
  }

  const neighbours = (m: Uint8Array | Float64Array) =>
    Array.from({ length: nS }, (_, a) => {
      const list: number[] = [];
      for (let b = 0; b < nS; b++) if (m[a * nS + b]! > 0) list.push(b);
      return Int32Array.from(list);
    });
  const nearList = Array.from({ length: nB }, (_, j) => {
    const list: number[] = [];
    for (let k = 0; k < nB; k++) if (nearBlocks[j * nB + k]) list.push(k);
    return Int32Array.from(list);
  });

  return {
    input,
    weights: input.weights,
    nB,
    nR,
    nS,
    nT,
    blockIds,
    roomIds,
    sessionIds,
    trackIds,
    blockStart,
    blockEnd,
    blockCap,
    roomCap,
    roomUnavailable,
    duration,
    track,
    attendance,
    pinnedBlock,
    pinnedRoom,
    pairWeight,
    pairNeighbours: neighbours(pairWeight),
    sharePeople,
    peopleNeighbours: neighbours(sharePeople),
    people,
    nearBlocks,
    overlapBlocks,
    nearList,
    similar,
    sessionBlockPen,
    sessionRoomPen,
    trackBlockPen,
    trackRoomPen,
    blockRoomPen,
  };
}

function indexOf(ids: string[]): Map<string, number> {
  return new Map(ids.map((v, i) => [v, i]));
}
