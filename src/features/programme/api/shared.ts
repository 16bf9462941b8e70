/**
 * What the programme API's routes share: path parameters, access rules, how records are written
 * out as JSON and read in from it, and the steps that save a room or a session.
 */
import { uuidParam } from '../../../core/api/schemas';
import { throwApiInputError } from '../../../http/input-error';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '../../../db/client';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import type { Page } from '../../../views/page';
import { apiAccess } from '../../../core/api/api-access';
import {
  errorResponses,
  invalidResponse,
  jsonBody,
  jsonResponse,
  notFoundResponse,
} from '../../../core/api/responses';
import { EventInputSchema, RoomInputSchema, SessionInputSchema } from '../api-schemas';
import { saveRoom } from '../editing/save-room';
import { saveSession } from '../editing/save-session';
import { programmePermissions } from '../permissions';
import {
  listEvents,
  programmeOf,
  venueRoomsWithAvailability,
  type ProgrammeItem,
} from '../queries';
import { managedEvent } from '../routes/manage-context';
import { listInitiativeEditions } from '../reading/list-initiative-editions';
import type { Edition, ProgrammeEvent, Room, Venue } from '../schema';

export const json = jsonResponse;
export const body = <T extends z.ZodType>(schema: T) => ({ body: jsonBody(schema) });
export const param = (name: string, example: string) =>
  z.string().openapi({ param: { name, in: 'path' }, example });
export const InitiativeParams = z.object({ slug: param('slug', 'igf-guatemala') });
export const EditionParams = InitiativeParams.extend({
  edition: param('edition', 'igf-guatemala-2018'),
});
export const EventParams = EditionParams.extend({ event: uuidParam('event') });
export const RoomParams = EventParams.extend({ room: uuidParam('room') });
export const SessionParams = EventParams.extend({ session: uuidParam('session') });

export const read = apiAccess.initiative('programme:read', programmePermissions.editProgramme);
export const write = apiAccess.initiative('programme:write', programmePermissions.editProgramme);
export const common = { tags: ['programme'], security: [{ bearerAuth: [] }] };
export const BASE = '/api/v1/initiatives/{slug}/editions';
export const EVENT = `${BASE}/{edition}/events/{event}`;
export const found = { ...notFoundResponse, ...errorResponses };
export const writes = { ...invalidResponse, ...notFoundResponse, ...errorResponses };

// Reading helpers (the draft tables, always within what the URL already scoped).
export const initiativeEditions = (db: Db, initiativeId: string) =>
  listInitiativeEditions(db, { initiativeId, order: 'newest' });

export async function roomsWithAvailability(db: Db, venueId: string | null) {
  return (await venueRoomsWithAvailability(db, venueId)).map((r) => roomOut(r.room, r.windows));
}

export async function draftSession(db: Db, eventId: string, sessionId: string) {
  const item = (await programmeOf(db, [eventId])).find((s) => s.id === sessionId);
  if (!item) throw new AppError('not_found');
  return item;
}

// Answers.
export const iso = (d: Date) => d.toISOString();
export const orNull = (v: string | null | undefined) => v || null;

export const editionOut = (e: Edition) => ({
  id: e.id,
  slug: e.slug,
  name: e.name,
  year: e.year,
  travelBufferMinutes: e.travelBufferMinutes,
  maxSessionsPerSpeaker: e.maxSessionsPerSpeaker,
});

export const eventSummaryOut = (e: ProgrammeEvent) => ({
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

export function roomOut(r: Room, windows: { roomId: string; startsAt: Date; endsAt: Date }[]) {
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

export async function eventOut(db: Db, e: ProgrammeEvent, venue: Venue | null) {
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

export const sessionOut = (s: ProgrammeItem) => ({
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
export const apiField: Record<string, string> = { day: 'startsAt' };

/** A domain input error as a 422 with a message per JSON field in the caller's language. */
export function invalid(c: Context<AppEnv>, error: unknown): never {
  return throwApiInputError(c, error, apiField);
}

/** The warning sentences need only the translator of a page. */
export const warningPage = (c: Context<AppEnv>): Page => ({
  t: c.var.t,
  lang: c.var.lang,
  user: c.var.user,
  csrfToken: '',
  nonce: undefined,
  path: c.req.path,
  otherLangHref: c.req.path,
  flash: undefined,
});

export const eventInput = (v: z.output<typeof EventInputSchema>) => ({
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

export const roomInput = (v: z.output<typeof RoomInputSchema>) => ({
  name: v.name,
  capacity: v.capacity ?? null,
  accessibility: orNull(v.accessibility),
  streamUrl: orNull(v.streamUrl),
  availability: v.availability.map((w) => ({
    startsAt: new Date(w.startsAt),
    endsAt: new Date(w.endsAt),
  })),
});

export const sessionInput = (v: z.output<typeof SessionInputSchema>) => ({
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

export async function loadEvent(db: Db, editionId: string, eventId: string) {
  const rows = await listEvents(db, editionId);
  const row = rows.find((r) => r.event.id === eventId);
  if (!row) throw new AppError('not_found');
  return row;
}

export async function submitRoom(
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
  const venueId = event.venueId;
  const id = await audited(
    c,
    (tx) => saveRoom({ db: tx, venueId, roomId, input: roomInput(body) }),
    (id) =>
      id
        ? {
            action: roomId ? 'room.updated' : 'room.created',
            targetType: 'room',
            targetId: id,
            data: { via: 'api' },
          }
        : null,
  );
  if (!id) throw new AppError('not_found');
  const room = (await roomsWithAvailability(db, event.venueId)).find((r) => r.id === id);
  if (!room) throw new AppError('not_found');
  return room;
}

export async function submitSession(
  c: Context<AppEnv>,
  body: z.output<typeof SessionInputSchema>,
  sessionId: string | undefined,
) {
  const { event } = await managedEvent(c);
  const { db } = c.var.deps;
  if (sessionId) await draftSession(db, event.id, sessionId);
  const id = await audited(
    c,
    (tx) =>
      saveSession({
        db: tx,
        initiativeId: c.var.initiative.id,
        eventId: event.id,
        sessionId,
        input: sessionInput(body),
      }),
    (id) => ({
      action: sessionId ? 'session.updated' : 'session.created',
      targetType: 'session',
      targetId: id,
      data: { via: 'api' },
    }),
  ).catch((error: unknown) => invalid(c, error));
  return sessionOut(await draftSession(db, event.id, id));
}
