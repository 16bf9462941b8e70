/**
 * The soft goals of a timetable, each part apart and the weighted total (lower is better):
 * attendee clashes (pairs of wanted sessions in parallel, weighted by the people wanting both),
 * a track in several rooms of one block, similar tracks in parallel, a track changing rooms over
 * the event, a track spread over blocks that are not consecutive, sessions at dispreferred times
 * or rooms, and tracks or cells with placement penalties. Weights come from the instance and may
 * be overridden, so an organiser can change them.
 *
 * @example
 * const score = scoreTimetable({ instance, timetable });
 * score.parts.attendeeClash; // people facing a clash (pair weights summed)
 * score.total;               // weighted sum of all parts
 */
import type { SoftWeights, Timetable } from './model';
import { toPlacement, type Placement } from './placement';
import type { Instance } from './prepare-instance';

export type ScoreParts = {
  attendeeClash: number;
  sameTrackParallel: number;
  similarTrackParallel: number;
  trackRoomChange: number;
  trackNotConsecutive: number;
  preferredTime: number;
  trackPlacement: number;
};

export type Score = { total: number; parts: ScoreParts };

export function scoreTimetable(o: {
  instance: Instance;
  timetable: Timetable | Placement;
  weights?: Partial<SoftWeights>;
}): Score {
  const ins = o.instance;
  const { nB, nR, nS, nT } = ins;
  const w = { ...ins.weights, ...o.weights };
  const p =
    o.timetable.block instanceof Int32Array
      ? (o.timetable as Placement)
      : toPlacement({ instance: ins, timetable: o.timetable as Timetable });
  const parts: ScoreParts = {
    attendeeClash: 0,
    sameTrackParallel: 0,
    similarTrackParallel: 0,
    trackRoomChange: 0,
    trackNotConsecutive: 0,
    preferredTime: 0,
    trackPlacement: 0,
  };
  const byBlock: number[][] = Array.from({ length: nB }, () => []);
  for (let s = 0; s < nS; s++) {
    const b = p.block[s]!;
    if (b < 0) continue;
    byBlock[b]!.push(s);
    parts.preferredTime +=
      ins.sessionBlockPen[s * nB + b]! + ins.sessionRoomPen[s * nR + p.room[s]!]!;
  }
  const trackRooms = new Uint8Array(nT * nR);
  const trackBlocks = new Uint8Array(nT * nB);
  for (let b = 0; b < nB; b++) {
    const list = byBlock[b]!;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const c = list[j]!;
        if (p.room[a] !== p.room[c]) parts.attendeeClash += ins.pairWeight[a * nS + c]!;
      }
    const cells = new Set<number>();
    const entries = new Map<number, number>(); // t * nR + r -> present
    for (const s of list) {
      const r = p.room[s]!;
      cells.add(r);
      const t = ins.track[s]!;
      if (t >= 0) entries.set(t * nR + r, t);
    }
    for (const r of cells) parts.trackPlacement += ins.blockRoomPen[b * nR + r]!;
    const roomsOfTrack = new Map<number, number>();
    const keys = [...entries.keys()];
    for (const key of keys) {
      const t = Math.floor(key / nR);
      const r = key % nR;
      parts.trackPlacement += ins.trackBlockPen[t * nB + b]! + ins.trackRoomPen[t * nR + r]!;
      roomsOfTrack.set(t, (roomsOfTrack.get(t) ?? 0) + 1);
      trackRooms[t * nR + r] = 1;
      trackBlocks[t * nB + b] = 1;
    }
    for (const n of roomsOfTrack.values()) parts.sameTrackParallel += n - 1;
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++) {
        const t1 = Math.floor(keys[i]! / nR);
        const t2 = Math.floor(keys[j]! / nR);
        if (t1 !== t2 && keys[i]! % nR !== keys[j]! % nR)
          parts.similarTrackParallel += ins.similar[t1 * nT + t2]!;
      }
  }
  for (let t = 0; t < nT; t++) {
    let rooms = 0;
    for (let r = 0; r < nR; r++) rooms += trackRooms[t * nR + r]!;
    if (rooms > 1) parts.trackRoomChange += rooms - 1;
    parts.trackNotConsecutive += notConsecutive(trackBlocks, t, nB);
  }
  const total =
    w.attendeeClash * parts.attendeeClash +
    w.sameTrackParallel * parts.sameTrackParallel +
    w.similarTrackParallel * parts.similarTrackParallel +
    w.trackRoomChange * parts.trackRoomChange +
    w.trackNotConsecutive * parts.trackNotConsecutive +
    w.preferredTime * parts.preferredTime +
    w.trackPlacement * parts.trackPlacement;
  return { total, parts };
}

/** 1 when the blocks a track uses (by their order in the input) leave a gap. */
export function notConsecutive(
  trackBlocks: Uint8Array | Int32Array,
  t: number,
  nB: number,
): number {
  let first = -1;
  let last = -1;
  let used = 0;
  for (let b = 0; b < nB; b++)
    if (trackBlocks[t * nB + b]! > 0) {
      if (first < 0) first = b;
      last = b;
      used++;
    }
  return used > 1 && last - first + 1 !== used ? 1 : 0;
}
