/** The programme API's writes: editions, events, rooms, sessions, and publishing. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import {
  EditionInputSchema,
  EditionSchema,
  EventDetailSchema,
  EventInputSchema,
  PublishResultSchema,
  RoomInputSchema,
  RoomSchema,
  SessionInputSchema,
  SessionSchema,
} from '../api-schemas';
import { createEdition } from '../editing/create-edition';
import { deleteSession } from '../editing/delete-session';
import { saveEvent } from '../editing/save-event';
import { notifyPublication, publishDraft } from '../publishing/publish-event';
import { managedEdition, managedEvent } from '../routes/manage-context';
import {
  json,
  body,
  InitiativeParams,
  EditionParams,
  EventParams,
  RoomParams,
  SessionParams,
  write,
  common,
  BASE,
  EVENT,
  found,
  writes,
  editionOut,
  eventOut,
  invalid,
  eventInput,
  loadEvent,
  submitRoom,
  submitSession,
} from './shared';

export function registerProgrammeWrites(api: OpenAPIHono<AppEnv>) {
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
      const edition = await audited(
        c,
        (tx) =>
          createEdition({ db: tx, initiativeId: c.var.initiative.id, input: c.req.valid('json') }),
        (e) => ({
          action: 'edition.created',
          targetType: 'edition',
          targetId: e.id,
          data: { slug: e.slug, via: 'api' },
        }),
      ).catch((error: unknown) => invalid(c, error));
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
      const id = await audited(
        c,
        (tx) => saveEvent({ db: tx, edition, input: eventInput(c.req.valid('json')) }),
        (id) =>
          id
            ? { action: 'event.created', targetType: 'event', targetId: id, data: { via: 'api' } }
            : null,
      );
      if (!id) throw new AppError('not_found');
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
      await audited(
        c,
        (tx) =>
          saveEvent({ db: tx, edition, eventId: event.id, input: eventInput(c.req.valid('json')) }),
        { action: 'event.updated', targetType: 'event', targetId: event.id, data: { via: 'api' } },
      );
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
      const removed = await audited(
        c,
        (tx) =>
          deleteSession({ db: tx, eventId: event.id, sessionId: c.req.valid('param').session }),
        (r) =>
          r
            ? {
                action: 'session.deleted',
                targetType: 'session',
                targetId: r.id,
                data: { via: 'api' },
              }
            : null,
      );
      if (!removed) throw new AppError('not_found');
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
      const publication = await audited(
        c,
        (tx) => publishDraft(tx, { eventId: event.id, userId: c.var.user!.id }),
        (p) => ({
          action: 'programme.published',
          targetType: 'event',
          targetId: event.id,
          data: {
            version: p.number,
            changes: p.changes.length,
            notified: p.recipients.length,
            via: 'api',
          },
        }),
      );
      const notified = await notifyPublication(c.var.deps, publication);
      return c.json({ number: publication.number, changes: publication.changes, notified }, 200);
    },
  );
}
