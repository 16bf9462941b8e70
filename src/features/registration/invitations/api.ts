/**
 * `/api/v1/initiatives/{slug}/editions/{edition}/events/{event}/invitations…`: an event's
 * invitations for its organisers — list them with their answers, invite people from the network
 * or by name and e-mail (each gets their personal e-mail), and remind those who have not answered.
 */
import { uuidParam } from '../../../core/api/schemas';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { audited } from '../../../http/audit';
import { throwApiInputError } from '../../../http/input-error';
import type { AppEnv } from '../../../http/types';
import { langs } from '../../../i18n/index';
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
import { invitationStatuses, type Invitation } from '../schema';
import { invitePeople, skipReasons } from './invite-people';
import { countInvitations, listInvitations } from './list-invitations';
import { sendInvitationReminders } from './send-reminders';

const json = jsonResponse;
const EventParams = z.object({
  slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'igf-guatemala' }),
  edition: z
    .string()
    .openapi({ param: { name: 'edition', in: 'path' }, example: 'igf-guatemala-2018' }),
  event: uuidParam('event'),
});
const read = apiAccess.initiative('registration:read', registrationPermissions.manageRegistrations);
const write = apiAccess.initiative(
  'registration:write',
  registrationPermissions.manageRegistrations,
);
const common = { tags: ['invitations'], security: [{ bearerAuth: [] }] };
const PATH = '/api/v1/initiatives/{slug}/editions/{edition}/events/{event}/invitations';
const writes = { ...invalidResponse, ...notFoundResponse, ...errorResponses };

const InvitationSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    representing: z.string().nullable(),
    lang: z.string(),
    status: z.enum(invitationStatuses),
    attended: z.boolean().nullable(),
    sentAt: z.string().nullable(),
    remindedAt: z.string().nullable(),
    respondedAt: z.string().nullable(),
    sample: z.boolean(),
  })
  .openapi('Invitation');

const InviteSchema = z
  .object({
    personIds: z.array(z.uuid()).max(1000).default([]),
    invitees: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(200),
          email: z.email().max(254),
          representing: z.string().trim().max(200).nullable().default(null),
        }),
      )
      .max(1000)
      .default([]),
    lang: z
      .enum(langs)
      .default('es')
      .openapi({ description: 'For invitees the network does not know' }),
  })
  .openapi('InviteInput');

const out = (i: Invitation) => ({
  id: i.id,
  personId: i.personId,
  name: i.name,
  email: i.email,
  representing: i.representing,
  lang: i.lang,
  status: i.status,
  attended: i.attended,
  sentAt: i.sentAt?.toISOString() ?? null,
  remindedAt: i.remindedAt?.toISOString() ?? null,
  respondedAt: i.respondedAt?.toISOString() ?? null,
  sample: i.sample,
});

export function registerInvitationApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: PATH,
      summary: "An event's invitations and their answers",
      middleware: [read] as const,
      request: { params: EventParams },
      responses: {
        200: json(
          z.object({
            counts: z.record(z.string(), z.number().int()),
            items: z.array(InvitationSchema),
          }),
          'Invitations',
        ),
        ...notFoundResponse,
        ...errorResponses,
      },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const rows = await listInvitations(c.var.deps.db, event.id);
      return c.json({ counts: { ...countInvitations(rows) }, items: rows.map(out) }, 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: PATH,
      summary: 'Invite people from the network (personIds) or by name and e-mail; each is e-mailed',
      middleware: [write] as const,
      request: {
        params: EventParams,
        body: jsonBody(InviteSchema),
      },
      responses: {
        201: json(
          z.object({
            invited: z.array(InvitationSchema),
            skipped: z.array(
              z.object({
                name: z.string(),
                email: z.string().nullable(),
                reason: z.enum(skipReasons),
              }),
            ),
          }),
          'Who was invited and who was skipped, with why',
        ),
        ...writes,
      },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const body = c.req.valid('json');
      // The invitation e-mails are kept in the outbox within the same transaction.
      const result = await audited(
        c,
        (tx) =>
          invitePeople(
            { ...c.var.deps, db: tx },
            {
              eventId: event.id,
              initiativeId: c.var.initiative.id,
              personIds: body.personIds,
              invitees: body.invitees,
              lang: body.lang,
            },
          ),
        (r) => ({
          action: 'invitations.sent',
          targetType: 'event',
          targetId: event.id,
          data: { via: 'api', invited: r.invited.length, skipped: r.skipped.length },
        }),
      ).catch((error: unknown) => throwApiInputError(c, error, { _form: '_' }));
      return c.json(
        { invited: result.invited.map((i) => out(i.invitation)), skipped: result.skipped },
        201,
      );
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${PATH}/remind`,
      summary: 'Remind everyone who has not answered (not again within a day)',
      middleware: [write] as const,
      request: { params: EventParams },
      responses: { 200: json(z.object({ sent: z.number().int() }), 'Reminders sent'), ...writes },
    }),
    async (c) => {
      const { event } = await managedEvent(c);
      const result = await audited(
        c,
        (tx) => sendInvitationReminders({ ...c.var.deps, db: tx }, { eventId: event.id }),
        (r) => ({
          action: 'invitations.reminded',
          targetType: 'event',
          targetId: event.id,
          data: { via: 'api', sent: r.sent },
        }),
      );
      return c.json(result, 200);
    },
  );
}
