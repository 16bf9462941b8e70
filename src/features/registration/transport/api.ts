/**
 * `/api/v1/initiatives/{slug}/editions/{edition}/events/{event}/transport-routes…`: an event's
 * buses for its organisers — list them with seats held and left, create, change (never below the
 * seats held), delete (only while nobody chose the route) and read a route's passenger list.
 * Scopes `registration:read` and `registration:write`, like registrations.
 */
import { uuidParam } from '../../../core/api/schemas';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { throwApiInputError } from '../../../http/input-error';
import type { AppEnv } from '../../../http/types';
import { apiAccess } from '../../../core/api/api-access';
import {
  errorResponses,
  invalidResponse,
  jsonBody,
  jsonResponse,
  notFoundResponse,
} from '../../../core/api/responses';
import { managedEvent } from '../../programme/index';
import { registrationPermissions } from '../permissions';
import { registrationStatuses } from '../schema';
import { deleteRoute } from './delete-route';
import { listManifest } from './list-manifest';
import { listRoutes, type RouteWithSeats } from './list-routes';
import { MAX_STOPS } from './route-input';
import { saveRoute } from './save-route';

const EventParams = z.object({
  slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'igf-guatemala' }),
  edition: z
    .string()
    .openapi({ param: { name: 'edition', in: 'path' }, example: 'igf-guatemala-2018' }),
  event: uuidParam('event'),
});
const RouteParams = EventParams.extend({
  route: uuidParam('route'),
});
const read = apiAccess.initiative('registration:read', registrationPermissions.manageRegistrations);
const write = apiAccess.initiative(
  'registration:write',
  registrationPermissions.manageRegistrations,
);
const common = { tags: ['transport'], security: [{ bearerAuth: [] }] };
const PATH = '/api/v1/initiatives/{slug}/editions/{edition}/events/{event}/transport-routes';
const found = { ...notFoundResponse, ...errorResponses };
const writes = { ...invalidResponse, ...notFoundResponse, ...errorResponses };

const StopSchema = z.object({
  name: z.string().trim().min(1).max(200),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable()
    .default(null)
    .openapi({ description: 'Local time at the stop, HH:MM, if known', example: '07:30' }),
});

const RouteSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    stops: z.array(z.object({ name: z.string(), time: z.string().nullable() })),
    departsAt: z.string().nullable(),
    returnsAt: z.string().nullable(),
    seats: z.number().int(),
    held: z.number().int().openapi({ description: 'Seats kept for registrations' }),
    left: z.number().int(),
  })
  .openapi('TransportRoute');

const RouteInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    stops: z.array(StopSchema).min(1).max(MAX_STOPS),
    departsAt: z.iso.datetime({ offset: true }).nullable().default(null),
    returnsAt: z.iso.datetime({ offset: true }).nullable().default(null),
    seats: z.number().int().min(1).max(1000),
  })
  .refine((v) => !v.departsAt || !v.returnsAt || new Date(v.returnsAt) > new Date(v.departsAt), {
    path: ['returnsAt'],
    message: 'transport.form.returnBeforeDeparture',
  })
  .openapi('TransportRouteInput');

const PassengerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    institution: z.string().nullable(),
    status: z.enum(registrationStatuses),
    ticketCode: z.string(),
    sample: z.boolean(),
  })
  .openapi('Passenger');

const out = (r: RouteWithSeats) => ({
  id: r.id,
  name: r.name,
  stops: r.stops,
  departsAt: r.departsAt?.toISOString() ?? null,
  returnsAt: r.returnsAt?.toISOString() ?? null,
  seats: r.seats,
  held: r.held,
  left: r.left,
});

const input = (v: z.infer<typeof RouteInputSchema>) => ({
  ...v,
  departsAt: v.departsAt ? new Date(v.departsAt) : null,
  returnsAt: v.returnsAt ? new Date(v.returnsAt) : null,
});

async function routeOf(c: Context<AppEnv>, eventId: string, id: string) {
  const route = (await listRoutes(c.var.deps.db, eventId)).find((r) => r.id === id);
  if (!route) throw new AppError('not_found');
  return route;
}

/** A refused transport step as a 422 naming the field it concerns (`_`: the whole route). */
function refused(c: Context<AppEnv>, error: unknown): never {
  return throwApiInputError(c, error, { _form: '_' });
}

export function registerTransportApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: PATH,
      summary: "An event's routes with seats held and left",
      middleware: [read] as const,
      request: { params: EventParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(RouteSchema) }), 'Routes'),
        ...found,
      },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      return c.json({ items: (await listRoutes(c.var.deps.db, event.id)).map(out) }, 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: PATH,
      summary: 'Add a route',
      middleware: [write] as const,
      request: { params: EventParams, body: jsonBody(RouteInputSchema) },
      responses: { 201: jsonResponse(RouteSchema, 'The new route'), ...writes },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const body = c.req.valid('json');
      const id = await audited(
        c,
        (tx) => saveRoute({ db: tx, eventId: event.id, input: input(body) }),
        (id) => ({
          action: 'transport.route_created',
          targetType: 'transport_route',
          targetId: id,
          data: { via: 'api', name: body.name, seats: body.seats },
        }),
      );
      return c.json(out(await routeOf(c, event.id, id)), 201);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: `${PATH}/{route}`,
      summary: 'Change a route (seats never below those held)',
      middleware: [write] as const,
      request: { params: RouteParams, body: jsonBody(RouteInputSchema) },
      responses: { 200: jsonResponse(RouteSchema, 'The route'), ...writes },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const { route } = c.req.valid('param');
      const body = c.req.valid('json');
      await routeOf(c, event.id, route);
      await audited(
        c,
        (tx) => saveRoute({ db: tx, eventId: event.id, routeId: route, input: input(body) }),
        {
          action: 'transport.route_changed',
          targetType: 'transport_route',
          targetId: route,
          data: { via: 'api', name: body.name, seats: body.seats },
        },
      ).catch((error: unknown) => refused(c, error));
      return c.json(out(await routeOf(c, event.id, route)), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: `${PATH}/{route}`,
      summary: 'Delete a route nobody has chosen',
      middleware: [write] as const,
      request: { params: RouteParams },
      responses: { 204: { description: 'Deleted' }, ...writes },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const { route } = c.req.valid('param');
      const found = await routeOf(c, event.id, route);
      await audited(c, (tx) => deleteRoute({ db: tx, eventId: event.id, routeId: route }), {
        action: 'transport.route_deleted',
        targetType: 'transport_route',
        targetId: route,
        data: { via: 'api', name: found.name },
      }).catch((error: unknown) => refused(c, error));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${PATH}/{route}/passengers`,
      summary: "A route's passenger list (registrations holding an event seat)",
      middleware: [read] as const,
      request: { params: RouteParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(PassengerSchema) }), 'Passengers'),
        ...found,
      },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const { route } = c.req.valid('param');
      await routeOf(c, event.id, route);
      const items = await listManifest(c.var.deps.db, { eventId: event.id, routeId: route });
      return c.json({ items }, 200);
    },
  );
}
