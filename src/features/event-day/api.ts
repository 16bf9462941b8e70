/**
 * `/api/v1` endpoints of the event day: an event's room counts with attendance (read, record)
 * and its volunteer roster (read). Paths sit under
 * `/api/v1/initiatives/{slug}/editions/{edition}/events/{event}` and go through the event-scoped
 * access rule (decision 0014): organisers on every event, a volunteer only on their own event and
 * only while their access lasts.
 */
import { uuidParam } from '../../core/api/schemas';
import { throwApiInputError } from '../../http/input-error';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { audit, audited } from '../../http/audit';
import type { AppEnv } from '../../http/types';
import {
  errorResponses,
  invalidResponse,
  jsonBody,
  jsonResponse,
  notFoundResponse,
} from '../../core/api/responses';
import { apiEventDayAccess, eventDayEvent } from './access';
import { loadAttendance, peakCount, percentOf } from './attendance';
import { listRoster } from './list-roster';
import { eventDayPermissions } from './permissions';
import { recordRoomCount } from './record-room-count';
import { countMoments, volunteerTasks } from './schema';

const param = (name: string, example: string) =>
  z.string().openapi({ param: { name, in: 'path' }, example });
const EventParams = z.object({
  slug: param('slug', 'igf-guatemala'),
  edition: param('edition', 'igf-guatemala-2018'),
  event: uuidParam('event'),
});
const EVENT = '/api/v1/initiatives/{slug}/editions/{edition}/events/{event}';
const common = { tags: ['event day'], security: [{ bearerAuth: [] }] };
const found = { ...notFoundResponse, ...errorResponses };

const Counts = z
  .object({
    start: z.int().nullable(),
    middle: z.int().nullable(),
    end: z.int().nullable(),
  })
  .openapi('RoomCountsByMoment');

const SessionAttendanceSchema = z
  .object({
    sessionId: z.uuid(),
    titleEs: z.string(),
    titleEn: z.string().nullable(),
    kind: z.string(),
    startsAt: z.iso.datetime({ offset: true }),
    room: z.string().nullable(),
    capacity: z.int().nullable(),
    interested: z
      .int()
      .openapi({ description: 'Registrations (holding or waiting) that marked it' }),
    counts: Counts,
    peak: z.int().nullable().openapi({ description: 'The highest of the counts' }),
    percentOfCapacity: z.int().nullable(),
    percentOfInterest: z.int().nullable(),
    sample: z.boolean().openapi({ description: 'Some counts are demo sample data' }),
  })
  .openapi('SessionAttendance');

const RoomCountInputSchema = z
  .object({
    sessionId: z.uuid({ error: 'form.invalid' }),
    moment: z.enum(countMoments, { error: 'eventDay.count.momentRequired' }),
    headcount: z
      .int({ error: 'form.invalidNumber' })
      .min(0, 'form.tooSmall|min=0')
      .max(5000, 'form.tooBig|max=5000'),
  })
  .openapi('RoomCountInput');

const RoomCountSchema = z
  .object({
    sessionId: z.uuid(),
    moment: z.enum(countMoments),
    headcount: z.int(),
    previous: z.int().nullable().openapi({ description: 'The count it replaced, if any' }),
    recordedAt: z.iso.datetime({ offset: true }),
  })
  .openapi('RoomCount');

const ShiftSchema = z
  .object({
    id: z.uuid(),
    task: z.enum(volunteerTasks),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    sessionId: z.uuid().nullable(),
    session: z.string().nullable(),
    roomId: z.uuid().nullable(),
    room: z.string().nullable(),
    transportRouteId: z.uuid().nullable(),
    bus: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('VolunteerShift');

const VolunteerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    institution: z.string().nullable(),
    lang: z.enum(['es', 'en']),
    personId: z.uuid().nullable(),
    accessUntil: z.iso.datetime({ offset: true }).nullable(),
    sample: z.boolean(),
    shifts: z.array(ShiftSchema),
  })
  .openapi('Volunteer');

function invalid(c: Context<AppEnv>, error: unknown): never {
  return throwApiInputError(c, error);
}

/** Registers the event-day endpoints on `/api/v1`. */
export function registerEventDayApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${EVENT}/room-counts`,
      summary: 'Attendance per session: the room counts against capacity and registered interest',
      middleware: [
        apiEventDayAccess('event-day:read', eventDayPermissions.viewAttendance),
      ] as const,
      request: { params: EventParams },
      responses: {
        200: jsonResponse(z.array(SessionAttendanceSchema), 'Sessions in programme order'),
        ...found,
      },
    }),
    async (c) => {
      const { event } = eventDayEvent(c);
      const rows = await loadAttendance(c.var.deps.db, event.id);
      return c.json(
        rows.map((r) => {
          const peak = peakCount(r.counts);
          return {
            sessionId: r.sessionId,
            titleEs: r.titleEs,
            titleEn: r.titleEn,
            kind: r.kind,
            startsAt: r.startsAt.toISOString(),
            room: r.room,
            capacity: r.capacity,
            interested: r.interested,
            counts: {
              start: r.counts.start ?? null,
              middle: r.counts.middle ?? null,
              end: r.counts.end ?? null,
            },
            peak,
            percentOfCapacity: percentOf(peak, r.capacity),
            percentOfInterest: percentOf(peak, r.interested),
            sample: r.sample,
          };
        }),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${EVENT}/room-counts`,
      summary: 'Record a head count (start, middle or end); it replaces one for the same moment',
      middleware: [
        apiEventDayAccess('event-day:write', eventDayPermissions.recordRoomCounts),
      ] as const,
      request: { params: EventParams, body: jsonBody(RoomCountInputSchema) },
      responses: {
        201: jsonResponse(RoomCountSchema, 'Recorded'),
        ...invalidResponse,
        ...found,
      },
    }),
    async (c) => {
      const { event } = eventDayEvent(c);
      const input = c.req.valid('json');
      const { count, previous } = await audited(
        c,
        (tx) =>
          recordRoomCount(tx, {
            eventId: event.id,
            sessionId: input.sessionId,
            moment: input.moment,
            headcount: input.headcount,
            userId: c.var.user!.id,
          }),
        (r) => ({
          action: 'event_day.room_count_recorded',
          targetType: 'programme_session',
          targetId: r.count.sessionId,
          data: {
            moment: r.count.moment,
            headcount: r.count.headcount,
            previous: r.previous,
            via: 'api',
          },
        }),
      ).catch((error: unknown) => invalid(c, error));
      return c.json(
        {
          sessionId: count.sessionId,
          moment: count.moment,
          headcount: count.headcount,
          previous,
          recordedAt: count.recordedAt.toISOString(),
        },
        201,
      );
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${EVENT}/volunteers`,
      summary: 'The event’s volunteer roster with each volunteer’s shifts',
      middleware: [
        apiEventDayAccess('event-day:read', eventDayPermissions.manageVolunteers),
      ] as const,
      request: { params: EventParams },
      responses: { 200: jsonResponse(z.array(VolunteerSchema), 'Volunteers by name'), ...found },
    }),
    async (c) => {
      const { event } = eventDayEvent(c);
      const roster = await listRoster(c.var.deps.db, { eventId: event.id });
      await audit(c, 'event_day.roster_read', {
        targetType: 'event',
        targetId: event.id,
        data: { count: roster.length, via: 'api' },
      });
      return c.json(
        roster.map((v) => ({
          id: v.id,
          name: v.name,
          email: v.email,
          institution: v.institution,
          lang: v.lang,
          personId: v.personId,
          accessUntil: v.accessUntil ? v.accessUntil.toISOString() : null,
          sample: v.sample,
          shifts: v.shifts.map((s) => ({
            id: s.id,
            task: s.task,
            startsAt: s.startsAt.toISOString(),
            endsAt: s.endsAt.toISOString(),
            sessionId: s.sessionId,
            session: s.sessionTitleEs,
            roomId: s.roomId,
            room: s.room,
            transportRouteId: s.transportRouteId,
            bus: s.route,
            note: s.note,
          })),
        })),
        200,
      );
    },
  );
}
