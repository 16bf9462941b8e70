/**
 * The index form of a timetable used inside the solver (block and room per session, -1 when not
 * placed), and its conversion to and from the id form callers see.
 *
 * @example
 * const placement = toPlacement({ instance, timetable: { s1: { block: 'b1', room: 'r1' } } });
 * fromPlacement({ instance, placement }); // { s1: { block: 'b1', room: 'r1' } }
 */
import type { Timetable } from './model';
import type { Instance } from './prepare-instance';

export type Placement = { block: Int32Array; room: Int32Array };

export function toPlacement(o: { instance: Instance; timetable: Timetable }): Placement {
  const { instance } = o;
  const bIx = new Map(instance.blockIds.map((v, i) => [v, i]));
  const rIx = new Map(instance.roomIds.map((v, i) => [v, i]));
  const block = new Int32Array(instance.nS).fill(-1);
  const room = new Int32Array(instance.nS).fill(-1);
  instance.sessionIds.forEach((id, s) => {
    const at = o.timetable[id];
    if (!at) return;
    const b = bIx.get(at.block);
    const r = rIx.get(at.room);
    if (b === undefined || r === undefined) return;
    block[s] = b;
    room[s] = r;
  });
  return { block, room };
}

export function fromPlacement(o: { instance: Instance; placement: Placement }): Timetable {
  const out: Timetable = {};
  o.instance.sessionIds.forEach((id, s) => {
    const b = o.placement.block[s]!;
    const r = o.placement.room[s]!;
    if (b >= 0 && r >= 0)
      out[id] = { block: o.instance.blockIds[b]!, room: o.instance.roomIds[r]! };
  });
  return out;
}
