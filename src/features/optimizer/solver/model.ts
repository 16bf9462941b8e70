/**
 * The optimizer's model: what a timetable problem is made of, as plain data, and the zod schema
 * that checks it at the boundary. Times are whole minutes from any origin the caller chooses (the
 * event's first midnight, for instance); only differences matter.
 *
 * A block is a period of the grid (e.g. "Tuesday 09:00–10:30"). Each room in each block is a
 * cell; a cell holds one session or several one after the other, as long as their durations fit
 * the block. Two sessions are "in parallel" when they are in the same block and in different
 * rooms.
 *
 * @example
 * const input = optimizerInputSchema.parse({
 *   blocks: [{ id: 'b1', start: 540, end: 630 }],
 *   rooms: [{ id: 'r1', capacity: 80 }],
 *   sessions: [{ id: 's1', duration: 90 }],
 * });
 */
import { z } from 'zod';

const id = z.string().min(1).max(200);
const penalty = z.number().finite().min(0);

export const blockSchema = z.object({
  id,
  /** Minute the block starts. */
  start: z.number().int(),
  /** Minute the block ends. */
  end: z.number().int(),
  /**
   * What one cell of this block holds, in the unit of the sessions' durations. Defaults to the
   * block's length in minutes; a grid counted in slots (e.g. four 20-minute talks) sets it.
   */
  capacity: z.number().int().positive().optional(),
});

export const roomSchema = z.object({
  id,
  /** Seats; omitted means unlimited. */
  capacity: z.number().int().min(0).optional(),
  /** Extra people the room may take (standing room, an overflow room with a screen). */
  overflow: z.number().int().min(0).default(0),
  /** Blocks in which the room cannot be used (hard rule). */
  unavailableBlocks: z.array(id).default([]),
});

export const sessionSchema = z.object({
  id,
  /** In minutes, or in the blocks' capacity unit. */
  duration: z.number().int().positive(),
  track: id.optional(),
  /** Speakers, moderators, rapporteurs: none may be in two places at once. */
  people: z.array(id).default([]),
  /** Expected attendance; defaults to the number of attendees interested in the session. */
  expectedAttendance: z.number().int().min(0).optional(),
  /** A pinned session stays in this block and/or room. */
  pinnedBlock: id.optional(),
  pinnedRoom: id.optional(),
});

export const interestSchema = z.union([
  z.object({
    kind: z.literal('attendees'),
    /** One entry per attendee: the sessions that person wants to attend. */
    attendees: z.array(z.array(id)),
  }),
  z.object({
    kind: z.literal('pairs'),
    /** How much it costs that two sessions run in parallel (e.g. people wanting both). */
    pairs: z.array(z.object({ a: id, b: id, weight: penalty })),
  }),
]);

export const weightsSchema = z.object({
  /** Per person (or pair weight) who wants two sessions that run in parallel. */
  attendeeClash: penalty.default(1),
  /** Per extra room a track uses in one block. */
  sameTrackParallel: penalty.default(1),
  /** Multiplies the similarity of two different tracks that run in parallel. */
  similarTrackParallel: penalty.default(1),
  /** Per extra room a track uses over the event. */
  trackRoomChange: penalty.default(1),
  /** Per track whose blocks are not consecutive. */
  trackNotConsecutive: penalty.default(0),
  /** Multiplies the session-in-block (preferred times) and session-in-room penalties. */
  preferredTime: penalty.default(1),
  /** Multiplies the track-in-block, track-in-room and room-in-block penalties. */
  trackPlacement: penalty.default(1),
});

export const optimizerInputSchema = z
  .object({
    blocks: z.array(blockSchema).min(1),
    rooms: z.array(roomSchema).min(1),
    sessions: z.array(sessionSchema),
    /** Minutes a person needs between two sessions in different rooms. */
    travelBufferMinutes: z.number().int().min(0).default(0),
    /** When true, a room holds sessions of one track only in a given block. */
    oneTrackPerCell: z.boolean().default(false),
    interest: interestSchema.default({ kind: 'pairs', pairs: [] }),
    /** Similarity of two different tracks (symmetric). */
    similarTracks: z.array(z.object({ a: id, b: id, weight: penalty })).default([]),
    /** Soft penalties: a session in a block (preferred times, time zones) or in a room. */
    sessionBlockPenalties: z.array(z.object({ session: id, block: id, penalty })).default([]),
    sessionRoomPenalties: z.array(z.object({ session: id, room: id, penalty })).default([]),
    /** Soft penalties per cell a track occupies: in a block, in a room; and per used cell. */
    trackBlockPenalties: z.array(z.object({ track: id, block: id, penalty })).default([]),
    trackRoomPenalties: z.array(z.object({ track: id, room: id, penalty })).default([]),
    blockRoomPenalties: z.array(z.object({ block: id, room: id, penalty })).default([]),
    weights: weightsSchema.default(weightsSchema.parse({})),
  })
  .superRefine((input, ctx) => {
    const blocks = new Set(input.blocks.map((b) => b.id));
    const rooms = new Set(input.rooms.map((r) => r.id));
    const sessions = new Set(input.sessions.map((s) => s.id));
    const duplicates: [string, number, number][] = [
      ['block', blocks.size, input.blocks.length],
      ['room', rooms.size, input.rooms.length],
      ['session', sessions.size, input.sessions.length],
    ];
    for (const [what, distinct, all] of duplicates)
      if (distinct !== all) ctx.addIssue({ code: 'custom', message: `duplicate ${what} id` });
    for (const b of input.blocks)
      if (b.end <= b.start)
        ctx.addIssue({ code: 'custom', message: `block ${b.id} ends before it starts` });
    for (const s of input.sessions) {
      if (s.pinnedBlock && !blocks.has(s.pinnedBlock))
        ctx.addIssue({
          code: 'custom',
          message: `session ${s.id}: unknown block ${s.pinnedBlock}`,
        });
      if (s.pinnedRoom && !rooms.has(s.pinnedRoom))
        ctx.addIssue({ code: 'custom', message: `session ${s.id}: unknown room ${s.pinnedRoom}` });
    }
    for (const r of input.rooms)
      for (const b of r.unavailableBlocks)
        if (!blocks.has(b))
          ctx.addIssue({ code: 'custom', message: `room ${r.id}: unknown block ${b}` });
  });

export type OptimizerInput = z.output<typeof optimizerInputSchema>;
export type OptimizerInputData = z.input<typeof optimizerInputSchema>;
export type SoftWeights = z.output<typeof weightsSchema>;

/** Where each session goes: session id -> block and room. */
export type Timetable = Record<string, { block: string; room: string }>;
