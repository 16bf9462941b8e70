import { provided } from '../../../core/module';
/** The programme API's reads: editions, an event, its draft sessions, warnings and versions. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../http/types';
import {
  ChangeSchema,
  EditionDetailSchema,
  EditionSchema,
  EventDetailSchema,
  SessionSchema,
  VersionSchema,
  WarningSchema,
} from '../api-schemas';
import { listVersions } from '../publishing/published-programme';
import { listEvents, programmeOf } from '../queries';
import { managedEdition, managedEvent } from '../routes/manage-context';
import { warningText } from '../views/warning-list';
import { editionWarnings } from '../warnings/edition-warnings';
import {
  json,
  InitiativeParams,
  EditionParams,
  EventParams,
  read,
  common,
  BASE,
  EVENT,
  found,
  initiativeEditions,
  iso,
  editionOut,
  eventSummaryOut,
  eventOut,
  sessionOut,
  warningPage,
} from './shared';

export function registerProgrammeReads(api: OpenAPIHono<AppEnv>) {
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
      const { warnings, items } = await editionWarnings(c.var.deps.db, edition, {
        interest: provided(c.var.modules, 'sessionInterest'),
      });
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
