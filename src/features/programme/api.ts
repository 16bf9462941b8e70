/**
 * `/api/v1` endpoints for organisers building a programme: editions, events, rooms and the draft
 * sessions of an initiative, their warnings and published versions, and publishing. Every path
 * sits under `/api/v1/initiatives/{slug}/editions/{edition}` and needs a role that may edit the
 * programme there; anything of another initiative is "not found". Visitors read the published
 * programme without a token at `/e/{edition}/schedule.json`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { asc, desc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { AppError } from '../../http/errors';
import type { AppEnv } from '../../http/types';
import type { Page } from '../../views/page';
import { apiAccess } from '../api/api-access';
import {
  errorResponses,
  invalidResponse,
  jsonBody,
  jsonResponse,
  notFoundResponse,
} from '../api/responses';
import {
  ChangeSchema,
  EditionDetailSchema,
  EditionInputSchema,
  EditionSchema,
  EventDetailSchema,
  EventInputSchema,
  PublishResultSchema,
  RoomInputSchema,
  RoomSchema,
  SessionInputSchema,
  SessionSchema,
  VersionSchema,
  WarningSchema,
} from './api-schemas';
import { createEdition } from './editing/create-edition';
import { deleteSession } from './editing/delete-session';
import { ProgrammeInputError } from './editing/errors';
import { saveEvent } from './editing/save-event';
import { saveRoom } from './editing/save-room';
import { saveSession } from './editing/save-session';
import { programmePermissions } from './permissions';
import { publishEvent } from './publishing/publish-event';
import { listVersions } from './publishing/published-programme';
import { listEvents, programmeOf, venueRoomsWithAvailability, type ProgrammeItem } from './queries';
import { managedEdition, managedEvent } from './routes/manage-context';
import { editions, type Edition, type ProgrammeEvent, type Room, type Venue } from './schema';
import { warningText } from './views/warning-list';
import { editionWarnings } from './warnings/edition-warnings';

const json = jsonResponse;
const body = <T extends z.ZodType>(schema: T) => ({ body: jsonBody(schema) });
const param = (name: string, example: string) =>
  z.string().openapi({ param: { name, in: 'path' }, example });
const uuidParam = (name: string) => z.uuid().openapi({ param: { name, in: 'path' } });
const InitiativeParams = z.object({ slug: param('slug', 'igf-guatemala') });
const EditionParams = InitiativeParams.extend({ edition: param('edition', 'igf-guatemala-2018') });
const EventParams = EditionParams.extend({ event: uuidParam('event') });
const RoomParams = EventParams.extend({ room: uuidParam('room') });
const SessionParams = EventParams.extend({ session: uuidParam('session') });

const read = apiAccess.initiative('programme:read', programmePermissions.editProgramme);
const write = apiAccess.initiative('programme:write', programmePermissions.editProgramme);
const common = { tags: ['programme'], security: [{ bearerAuth: [] }] };
const BASE = '/api/v1/initiatives/{slug}/editions';
const EVENT = `${BASE}/{edition}/events/{event}`;
const found = { ...notFoundResponse, ...errorResponses };
const writes = { ...invalidResponse, ...notFoundResponse, ...errorResponses };

// Reading helpers (the draft tables, always within what the URL already scoped).
const initiativeEditions = (db: Db, initiativeId: string) =>
  db
    .select()
    .from(editions)
    .where(eq(editions.initiativeId, initiativeId))
    .orderBy(desc(editions.year), asc(editions.name));

async function roomsWithAvailability(db: Db, venueId: string | null) {
  return (await venueRoomsWithAvailability(db, venueId)).map((r) => roomOut(r.room, r.windows));
}

async function draftSession(db: Db, eventId: string, sessionId: string) {
  const item = (await programmeOf(db, [eventId])).find((s) => s.id === sessionId);
  if (!item) throw new AppError('not_found');
  return item;
}

// Answers.
const iso = (d: Date) => d.toISOString();
const orNull = (v: string | null | undefined) => v || null;

const editionOut = (e: Edition) => ({
  id: e.id,
  slug: e.slug,
  name: e.name,
  year: e.year,
  travelBufferMinutes: e.travelBufferMinutes,
  maxSessionsPerSpeaker: e.maxSessionsPerSpeaker,
});

const eventSummaryOut = (e: ProgrammeEvent) => ({
  id: e.id,
  kind: e.kind,
  titleEs: e.titleEs,
  titleEn: e.titleEn,
  startsAt: iso(e.startsAt),
  endsAt: iso(e.endsAt),
  timeZone: e.timeZone,
  timesKnown: e.timesKnown,
  visibility: e.visibility,
  published: e.published,
});

function roomOut(r: Room, windows: { roomId: string; startsAt: Date; endsAt: Date }[]) {
  return {
    id: r.id,
    name: r.name,
    capacity: r.capacity,
    accessibility: r.accessibility,
    streamUrl: r.streamUrl,
    availability: windows
      .filter((w) => w.roomId === r.id)
      .map((w) => ({ startsAt: iso(w.startsAt), endsAt: iso(w.endsAt) })),
  };
}

async function eventOut(db: Db, e: ProgrammeEvent, venue: Venue | null) {
  return {
    ...eventSummaryOut(e),
    descriptionEs: e.descriptionEs,
    descriptionEn: e.descriptionEn,
    streamUrl: e.streamUrl,
    venue: venue && {
      id: venue.id,
      name: venue.name,
      address: venue.address,
      mapUrl: venue.mapUrl,
      directions: venue.directions,
    },
    rooms: await roomsWithAvailability(db, e.venueId),
  };
}

const sessionOut = (s: ProgrammeItem) => ({
  id: s.id,
  eventId: s.eventId,
  kind: s.kind,
  titleEs: s.titleEs,
  titleEn: s.titleEn,
  descriptionEs: s.descriptionEs,
  descriptionEn: s.descriptionEn,
  topic: s.topic,
  language: s.language,
  startsAt: iso(s.startsAt),
  endsAt: iso(s.endsAt),
  room: s.room && { id: s.room.id, name: s.room.name },
  streamUrl: s.streamUrl,
  recordingUrl: s.recordingUrl,
  doNotRecord: s.doNotRecord,
  position: s.position,
  people: s.people.map((p) => ({ personId: p.personId, name: p.name, role: p.role })),
  institutions: s.institutions.map((i) => ({
    institutionId: i.institutionId,
    name: i.name,
    acronym: i.acronym,
  })),
});

/** The fields the editing functions name, as the JSON body names them. */
const apiField: Record<string, string> = { day: 'startsAt' };

/** A domain input error as a 422 with a message per JSON field in the caller's language. */
function invalid(c: Context<AppEnv>, error: unknown): never {
  if (!(error instanceof ProgrammeInputError)) throw error;
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([k, key]) => [apiField[k] ?? k, c.var.t(key)]),
  );
  throw new AppError('invalid', { fields });
}

/** The warning sentences need only the translator of a page. */
const warningPage = (c: Context<AppEnv>): Page => ({
  t: c.var.t,
  lang: c.var.lang,
  user: c.var.user,
  csrfToken: '',
  nonce: undefined,
  path: c.req.path,
  otherLangHref: c.req.path,
  flash: undefined,
});

const eventInput = (v: z.output<typeof EventInputSchema>) => ({
  kind: v.kind,
  titleEs: v.titleEs,
  titleEn: orNull(v.titleEn),
  descriptionEs: orNull(v.descriptionEs),
  descriptionEn: orNull(v.descriptionEn),
  timeZone: v.timeZone,
  startsAt: new Date(v.startsAt),
  endsAt: new Date(v.endsAt),
  timesKnown: v.timesKnown,
  visibility: v.visibility,
  streamUrl: orNull(v.streamUrl),
  venue: v.venue
    ? {
        name: v.venue.name,
        address: orNull(v.venue.address),
        mapUrl: orNull(v.venue.mapUrl),
        directions: orNull(v.venue.directions),
      }
    : null,
});

const roomInput = (v: z.output<typeof RoomInputSchema>) => ({
  name: v.name,
  capacity: v.capacity ?? null,
  accessibility: orNull(v.accessibility),
  streamUrl: orNull(v.streamUrl),
  availability: v.availability.map((w) => ({
    startsAt: new Date(w.startsAt),
    endsAt: new Date(w.endsAt),
  })),
});

const sessionInput = (v: z.output<typeof SessionInputSchema>) => ({
  kind: v.kind,
  titleEs: v.titleEs,
  titleEn: orNull(v.titleEn),
  descriptionEs: orNull(v.descriptionEs),
  descriptionEn: orNull(v.descriptionEn),
  topic: orNull(v.topic),
  roomId: v.roomId ?? null,
  startsAt: new Date(v.startsAt),
  endsAt: new Date(v.endsAt),
  language: v.language,
  streamUrl: orNull(v.streamUrl),
  recordingUrl: orNull(v.recordingUrl),
  doNotRecord: v.doNotRecord,
  position: v.position,
  people: v.people,
  institutionIds: v.institutionIds,
});

async function loadEvent(db: Db, editionId: string, eventId: string) {
  const rows = await listEvents(db, editionId);
  const row = rows.find((r) => r.event.id === eventId);
  if (!row) throw new AppError('not_found');
  return row;
}

async function submitRoom(
  c: Context<AppEnv>,
  body: z.output<typeof RoomInputSchema>,
  roomId: string | undefined,
) {
  const { event } = await managedEvent(c);
  const { db } = c.var.deps;
  if (!event.venueId) {
    if (roomId) throw new AppError('not_found');
    throw new AppError('invalid', { fields: { venue: c.var.t('manage.rooms.noVenue') } });
  }
  const id = await saveRoom({ db, venueId: event.venueId, roomId, input: roomInput(body) });
  if (!id) throw new AppError('not_found');
  await audit(c, roomId ? 'room.updated' : 'room.created', {
    targetType: 'room',
    targetId: id,
    data: { via: 'api' },
  });
  const room = (await roomsWithAvailability(db, event.venueId)).find((r) => r.id === id);
  if (!room) throw new AppError('not_found');
  return room;
}

async function submitSession(
  c: Context<AppEnv>,
  body: z.output<typeof SessionInputSchema>,
  sessionId: string | undefined,
) {
  const { event } = await managedEvent(c);
  const { db } = c.var.deps;
  if (sessionId) await draftSession(db, event.id, sessionId);
  const id = await saveSession({
    db,
    initiativeId: c.var.initiative.id,
    eventId: event.id,
    sessionId,
    input: sessionInput(body),
  }).catch((error: unknown) => invalid(c, error));
  await audit(c, sessionId ? 'session.updated' : 'session.created', {
    targetType: 'session',
    targetId: id,
    data: { via: 'api' },
  });
  return sessionOut(await draftSession(db, event.id, id));
}

export function registerProgrammeApi(api: OpenAPIHono<AppEnv>) {
  registerProgrammeReads(api);
  registerProgrammeWrites(api);
}

function registerProgrammeReads(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: BASE,
      summary: 'The editions of an initiative, newest first',
      middleware: [read] as const,
      request: { params: InitiativeParams },
      responses: { 200: json(z.array(EditionSchema), 'Editions'), ...found },
    }),
    async (c) => {
      const rows = await initiativeEditions(c.var.deps.db, c.var.initiative.id);
      return c.json(rows.map(editionOut), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${BASE}/{edition}`,
      summary: 'One edition with its events (drafts included)',
      middleware: [read] as const,
      request: { params: EditionParams },
      responses: { 200: json(EditionDetailSchema, 'The edition'), ...found },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const rows = await listEvents(c.var.deps.db, edition.id);
      return c.json(
        { ...editionOut(edition), events: rows.map((r) => eventSummaryOut(r.event)) },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: EVENT,
      summary: 'One event with its venue and rooms (capacity, availability)',
      middleware: [read] as const,
      request: { params: EventParams },
      responses: { 200: json(EventDetailSchema, 'The event'), ...found },
    }),
    async (c) => {
      const { event, venue } = await managedEvent(c);
      return c.json(await eventOut(c.var.deps.db, event, venue), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${EVENT}/sessions`,
      summary: 'The event’s draft sessions, with room, people and institutions',
      middleware: [read] as const,
      request: { params: EventParams },
      responses: { 200: json(z.array(SessionSchema), 'Sessions in order'), ...found },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const items = await programmeOf(c.var.deps.db, [event.id]);
      return c.json(items.map(sessionOut), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${EVENT}/warnings`,
      summary: 'Warnings about the event’s draft sessions (checked across the whole edition)',
      middleware: [read] as const,
      request: { params: EventParams },
      responses: { 200: json(z.array(WarningSchema), 'Warnings'), ...found },
    }),
    async (c) => {
      const { edition, event } = await managedEvent(c);
      const { warnings, items } = await editionWarnings(c.var.deps.db, edition);
      const mine = new Set(items.filter((s) => s.eventId === event.id).map((s) => s.id));
      const page = warningPage(c);
      return c.json(
        warnings
          .filter((w) => w.sessionIds.some((id) => mine.has(id)))
          .map((w) => ({ code: w.code, message: warningText(page, w), sessionIds: w.sessionIds })),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${EVENT}/versions`,
      summary: 'The event’s published versions, newest first, with their changes',
      middleware: [read] as const,
      request: { params: EventParams },
      responses: { 200: json(z.array(VersionSchema), 'Versions'), ...found },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const rows = await listVersions(c.var.deps.db, [event.id]);
      return c.json(
        rows.map((v) => ({
          number: v.number,
          publishedAt: iso(v.publishedAt),
          changes: z.array(ChangeSchema).parse(v.changes),
        })),
        200,
      );
    },
  );
}

function registerProgrammeWrites(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: BASE,
      summary: 'Create an edition',
      middleware: [write] as const,
      request: { params: InitiativeParams, ...body(EditionInputSchema) },
      responses: { 201: json(EditionSchema, 'Created'), ...writes },
    }),
    async (c) => {
      const edition = await createEdition({
        db: c.var.deps.db,
        initiativeId: c.var.initiative.id,
        input: c.req.valid('json'),
      }).catch((error: unknown) => invalid(c, error));
      await audit(c, 'edition.created', {
        targetType: 'edition',
        targetId: edition.id,
        data: { slug: edition.slug, via: 'api' },
      });
      return c.json(editionOut(edition), 201);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${BASE}/{edition}/events`,
      summary: 'Create an event',
      middleware: [write] as const,
      request: { params: EditionParams, ...body(EventInputSchema) },
      responses: { 201: json(EventDetailSchema, 'Created'), ...writes },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const { db } = c.var.deps;
      const id = await saveEvent({ db, edition, input: eventInput(c.req.valid('json')) });
      if (!id) throw new AppError('not_found');
      await audit(c, 'event.created', { targetType: 'event', targetId: id, data: { via: 'api' } });
      const row = await loadEvent(db, edition.id, id);
      return c.json(await eventOut(db, row.event, row.venue), 201);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: EVENT,
      summary: 'Replace an event’s details (a venue left out is kept)',
      middleware: [write] as const,
      request: { params: EventParams, ...body(EventInputSchema) },
      responses: { 200: json(EventDetailSchema, 'Saved'), ...writes },
    }),
    async (c) => {
      const { edition, event } = await managedEvent(c);
      const { db } = c.var.deps;
      await saveEvent({ db, edition, eventId: event.id, input: eventInput(c.req.valid('json')) });
      await audit(c, 'event.updated', {
        targetType: 'event',
        targetId: event.id,
        data: { via: 'api' },
      });
      const row = await loadEvent(db, edition.id, event.id);
      return c.json(await eventOut(db, row.event, row.venue), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${EVENT}/rooms`,
      summary: 'Add a room to the event’s venue',
      middleware: [write] as const,
      request: { params: EventParams, ...body(RoomInputSchema) },
      responses: { 201: json(RoomSchema, 'Created'), ...writes },
    }),
    async (c) => c.json(await submitRoom(c, c.req.valid('json'), undefined), 201),
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: `${EVENT}/rooms/{room}`,
      summary: 'Replace a room’s details and availability windows',
      middleware: [write] as const,
      request: { params: RoomParams, ...body(RoomInputSchema) },
      responses: { 200: json(RoomSchema, 'Saved'), ...writes },
    }),
    async (c) => c.json(await submitRoom(c, c.req.valid('json'), c.req.valid('param').room), 200),
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${EVENT}/sessions`,
      summary: 'Add a session to the draft',
      middleware: [write] as const,
      request: { params: EventParams, ...body(SessionInputSchema) },
      responses: { 201: json(SessionSchema, 'Created'), ...writes },
    }),
    async (c) => c.json(await submitSession(c, c.req.valid('json'), undefined), 201),
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: `${EVENT}/sessions/{session}`,
      summary: 'Replace a draft session, its people and institutions',
      middleware: [write] as const,
      request: { params: SessionParams, ...body(SessionInputSchema) },
      responses: { 200: json(SessionSchema, 'Saved'), ...writes },
    }),
    async (c) =>
      c.json(await submitSession(c, c.req.valid('json'), c.req.valid('param').session), 200),
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: `${EVENT}/sessions/{session}`,
      summary: 'Remove a session from the draft (public until the next publication)',
      middleware: [write] as const,
      request: { params: SessionParams },
      responses: { 204: { description: 'Removed' }, ...found },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const removed = await deleteSession({
        db: c.var.deps.db,
        eventId: event.id,
        sessionId: c.req.valid('param').session,
      });
      if (!removed) throw new AppError('not_found');
      await audit(c, 'session.deleted', {
        targetType: 'session',
        targetId: removed.id,
        data: { via: 'api' },
      });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${EVENT}/publish`,
      summary: 'Publish the draft as a new version and e-mail the people whose sessions changed',
      middleware: [write] as const,
      request: { params: EventParams },
      responses: { 200: json(PublishResultSchema, 'Published'), ...found },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const result = await publishEvent({
        db: c.var.deps.db,
        eventId: event.id,
        userId: c.var.user!.id,
        notify: c.var.deps,
      });
      await audit(c, 'programme.published', {
        targetType: 'event',
        targetId: event.id,
        data: {
          version: result.number,
          changes: result.changes.length,
          notified: result.notified,
          via: 'api',
        },
      });
      return c.json(result, 200);
    },
  );
}
