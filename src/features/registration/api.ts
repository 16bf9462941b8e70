/**
 * `/api/v1/initiatives/{slug}/editions/{edition}/events/{event}/registrations…`: an event's
 * registrations for its organisers — list and read them, register someone (the same rules as the
 * public form: capacity, waiting list, approval, one per e-mail), approve, decline or cancel, and
 * read or change the registration settings. Scopes `registration:read` and `registration:write`.
 */
import { uuidParam } from '../../core/api/schemas';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { audit, audited } from '../../http/audit';
import { AppError } from '../../http/errors';
import { throwApiInputError } from '../../http/input-error';
import type { AppEnv } from '../../http/types';
import { pageNumber } from '../../lib/paging';
import { apiAccess } from '../../core/api/api-access';
import {
  errorResponses,
  invalidResponse,
  jsonBody,
  jsonResponse,
  notFoundResponse,
} from '../../core/api/responses';
import { genderChoices, stakeholderGroups } from '../network/schema';
import { managedEvent } from '../programme/index';
import {
  approveRegistration,
  cancelRegistration,
  declineRegistration,
  type StatusChange,
} from './change-status';
import { closeRegistration } from './close-registration';
import { listRegistrations } from './list-registrations';
import { registrationPermissions } from './permissions';
import { registerForEvent } from './register-for-event';
import { notifyMoves } from './routes/notify';
import { saveRegistrationSettings } from './save-settings';
import { findEventRegistration, findRegistrationSettings, listSessionInterestIds } from './queries';
import { registrationStatuses, type Registration } from './schema';
import { sendRegistrationMail } from './send-registration-mail';

const json = jsonResponse;
const body = jsonBody;
const param = (name: string, example?: string) =>
  z.string().openapi({ param: { name, in: 'path' }, example });
const EventParams = z.object({
  slug: param('slug', 'igf-guatemala'),
  edition: param('edition', 'igf-guatemala-2018'),
  event: uuidParam('event'),
});
const RegistrationParams = EventParams.extend({
  registration: uuidParam('registration'),
});
const read = apiAccess.initiative('registration:read', registrationPermissions.manageRegistrations);
const write = apiAccess.initiative(
  'registration:write',
  registrationPermissions.manageRegistrations,
);
const common = { tags: ['registration'], security: [{ bearerAuth: [] }] };
const EVENT = '/api/v1/initiatives/{slug}/editions/{edition}/events/{event}';
const found = { ...notFoundResponse, ...errorResponses };
const writes = { ...invalidResponse, ...notFoundResponse, ...errorResponses };

const RegistrationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    institution: z.string().nullable(),
    stakeholderGroup: z.enum(stakeholderGroups).nullable(),
    country: z.string().nullable(),
    gender: z.enum(genderChoices).nullable(),
    accessibilityNeeds: z.string().nullable(),
    consents: z.object({ photos: z.boolean(), streaming: z.boolean(), contact: z.boolean() }),
    lang: z.string(),
    status: z.enum(registrationStatuses),
    offerExpiresAt: z.string().nullable(),
    ticketCode: z.string(),
    answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    sessionIds: z.array(z.uuid()),
    transportRouteId: z.uuid().nullable(),
    sample: z.boolean().openapi({ description: 'Demo row standing for real, unnamed people' }),
    createdAt: z.string(),
  })
  .openapi('Registration');

const RegistrationInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254),
    institution: z.string().trim().max(200).nullable().default(null),
    stakeholderGroup: z.enum(stakeholderGroups).nullable().default(null),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .default(null),
    gender: z.enum(genderChoices).nullable().default(null),
    accessibilityNeeds: z.string().trim().max(1000).nullable().default(null),
    consents: z
      .object({
        photos: z.boolean().default(false),
        streaming: z.boolean().default(false),
        contact: z.boolean().default(false),
      })
      .default({ photos: false, streaming: false, contact: false }),
    lang: z.enum(['es', 'en']).default('es'),
    answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
    sessionIds: z.array(z.uuid()).max(200).default([]),
    transportRouteId: z
      .uuid()
      .nullable()
      .default(null)
      .openapi({ description: 'A bus of the event, or none' }),
  })
  .openapi('RegistrationInput');

const SettingsSchema = z
  .object({
    open: z.boolean().openapi({ description: 'False: registration is closed' }),
    capacity: z.number().int().min(1).nullable(),
    opensAt: z.iso.datetime({ offset: true }).nullable(),
    closesAt: z.iso.datetime({ offset: true }).nullable(),
    requiresApproval: z.boolean(),
    offerHours: z.number().int().min(1).max(720),
  })
  .openapi('RegistrationSettings');

async function out(c: Context<AppEnv>, r: Registration) {
  const sessionIds = await listSessionInterestIds(c.var.deps.db, r.id);
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    institution: r.institution,
    stakeholderGroup: r.stakeholderGroup,
    country: r.country,
    gender: r.gender,
    accessibilityNeeds: r.accessibilityNeeds,
    consents: { photos: r.consentPhotos, streaming: r.consentStreaming, contact: r.consentContact },
    lang: r.lang,
    status: r.status,
    offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null,
    ticketCode: r.ticketCode,
    answers: r.answers,
    sessionIds,
    transportRouteId: r.transportRouteId,
    sample: r.sample,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The registration named in the URL, within the event named in the URL. */
async function managedRegistration(c: Context<AppEnv>) {
  const { event } = await managedEvent(c);
  const row = await findEventRegistration(c.var.deps.db, {
    eventId: event.id,
    registrationId: c.req.param('registration') ?? '',
  });
  if (!row) throw new AppError('not_found');
  return row;
}

/** A refused step as a 422; the API names the whole form's field `_`. */
function refused(c: Context<AppEnv>, error: unknown): never {
  return throwApiInputError(c, error, { _form: '_' });
}

export function registerRegistrationApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${EVENT}/registrations`,
      summary: "An event's registrations, oldest first, 100 a page",
      middleware: [read] as const,
      request: {
        params: EventParams,
        query: z.object({
          status: z.enum(registrationStatuses).optional(),
          q: z.string().max(100).optional(),
          page: z.string().optional(),
        }),
      },
      responses: {
        200: json(
          z.object({
            total: z.number().int(),
            page: z.number().int(),
            items: z.array(RegistrationSchema),
          }),
          'Registrations',
        ),
        ...found,
      },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const query = c.req.valid('query');
      const page = pageNumber(query.page);
      const { rows, total } = await listRegistrations(c.var.deps.db, {
        eventId: event.id,
        status: query.status,
        q: query.q,
        page,
        perPage: 100,
      });
      await audit(c, 'registrations.read', {
        targetType: 'event',
        targetId: event.id,
        data: { via: 'api', count: rows.length },
      });
      return c.json({ total, page, items: await Promise.all(rows.map((r) => out(c, r))) }, 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${EVENT}/registrations/{registration}`,
      summary: 'One registration with its answers and session interests',
      middleware: [read] as const,
      request: { params: RegistrationParams },
      responses: { 200: json(RegistrationSchema, 'The registration'), ...found },
    }),
    async (c) => c.json(await out(c, await managedRegistration(c)), 200),
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${EVENT}/registrations`,
      summary:
        'Register someone (capacity, waiting list, approval and one per e-mail apply); they get the e-mail',
      middleware: [write] as const,
      request: { params: EventParams, body: body(RegistrationInputSchema) },
      responses: { 201: json(RegistrationSchema, 'Registered'), ...writes },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const input = c.req.valid('json');
      const result = await audited(
        c,
        (tx) =>
          registerForEvent({
            db: tx,
            secret: c.var.deps.secret,
            eventId: event.id,
            input: {
              ...input,
              consentPhotos: input.consents.photos,
              consentStreaming: input.consents.streaming,
              consentContact: input.consents.contact,
            },
          }),
        (r) => ({
          action: 'registration.created',
          targetType: 'registration',
          targetId: r.registration.id,
          data: { via: 'api' },
        }),
      ).catch((error: unknown) => refused(c, error));
      await sendRegistrationMail(c.var.deps, {
        registrationId: result.registration.id,
        state: result.registration.status as 'confirmed' | 'pending' | 'waiting',
      });
      await notifyMoves(c, result);
      return c.json(await out(c, result.registration), 201);
    },
  );

  for (const action of ['approve', 'decline', 'cancel'] as const) {
    const step = {
      approve: approveRegistration,
      decline: declineRegistration,
      cancel: cancelRegistration,
    }[action];
    api.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `${EVENT}/registrations/{registration}/${action}`,
        summary: {
          approve: 'Approve a request: a seat if one is free, else the waiting list',
          decline: 'Decline a request',
          cancel: 'Cancel a registration; a seat it held goes to the next person waiting',
        }[action],
        middleware: [write] as const,
        request: { params: RegistrationParams },
        responses: { 200: json(RegistrationSchema, 'The registration now'), ...writes },
      }),
      async (c) => {
        const row = await managedRegistration(c);
        const result: StatusChange = await audited(
          c,
          (tx) => step({ db: tx, registrationId: row.id }),
          {
            action: (
              {
                approve: 'registration.approved',
                decline: 'registration.declined',
                cancel: 'registration.cancelled',
              } as const
            )[action],
            targetType: 'registration',
            targetId: row.id,
            data: { via: 'api' },
          },
        ).catch((error: unknown) => refused(c, error));
        const status = result.changed.status;
        await sendRegistrationMail(c.var.deps, {
          registrationId: row.id,
          state:
            status === 'cancelled'
              ? 'cancelled'
              : status === 'declined'
                ? 'declined'
                : (status as 'confirmed' | 'waiting'),
        });
        await notifyMoves(c, result);
        return c.json(await out(c, result.changed), 200);
      },
    );
  }

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${EVENT}/registration-settings`,
      summary: 'How the event takes registrations',
      middleware: [read] as const,
      request: { params: EventParams },
      responses: { 200: json(SettingsSchema, 'Settings'), ...found },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const s = await findRegistrationSettings(c.var.deps.db, event.id);
      return c.json(
        {
          open: Boolean(s),
          capacity: s?.capacity ?? null,
          opensAt: s?.opensAt?.toISOString() ?? null,
          closesAt: s?.closesAt?.toISOString() ?? null,
          requiresApproval: s?.requiresApproval ?? false,
          offerHours: s?.offerHours ?? 48,
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: `${EVENT}/registration-settings`,
      summary:
        'Open, change or close registration (raising capacity offers seats to the waiting list)',
      middleware: [write] as const,
      request: { params: EventParams, body: body(SettingsSchema) },
      responses: { 200: json(SettingsSchema, 'Settings'), ...writes },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const { open, ...v } = c.req.valid('json');
      const input = {
        capacity: v.capacity,
        opensAt: v.opensAt ? new Date(v.opensAt) : null,
        closesAt: v.closesAt ? new Date(v.closesAt) : null,
        requiresApproval: v.requiresApproval,
        offerHours: v.offerHours,
      };
      if (input.opensAt && input.closesAt && input.closesAt <= input.opensAt)
        throw new AppError('invalid', {
          fields: { closesAt: c.var.t('programme.form.endBeforeStart') },
        });
      const moved = await audited(
        c,
        async (tx) => {
          if (open) return saveRegistrationSettings({ db: tx, eventId: event.id, input });
          await closeRegistration({ db: tx, eventId: event.id });
          return undefined;
        },
        {
          action: 'registration.settings_changed',
          targetType: 'event',
          targetId: event.id,
          data: { via: 'api', open },
        },
      );
      if (moved) await notifyMoves(c, moved);
      return c.json({ open, ...v }, 200);
    },
  );
}
