/**
 * `/api/v1/initiatives/{slug}/committee…`: the committee (members, working groups, the IGF rule
 * check), its meetings (list, schedule one or a cadence, read, record attendance, minutes and
 * decisions, approve minutes) and action items (list, create, update). Scopes `committee:read`
 * and `committee:write`, with the same roles as the pages (decision 0015); every change is
 * audit-logged like on the pages.
 */
import { uuidParam } from '../../core/api/schemas';
import { InputError, throwApiInputError } from '../../http/input-error';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { audited } from '../../http/audit';
import { AppError } from '../../http/errors';
import type { AppEnv } from '../../http/types';
import { apiAccess } from '../../core/api/api-access';
import {
  errorResponses,
  invalidResponse,
  jsonBody,
  jsonResponse as json,
  notFoundResponse,
} from '../../core/api/responses';
import { genderChoices, stakeholderGroups } from '../network/schema';
import type { Owner } from './actions/action-input';
import { createActionItem } from './actions/create-action-item';
import { listActionItems, loadActionItem, type ActionRow } from './actions/queries';
import { updateActionItem } from './actions/update-action-item';
import { addCommitteeMember } from './add-committee-member';
import { checkIgfRules } from './check-igf-rules';
import { approveMinutes } from './meetings/approve-minutes';
import { listMeetings, loadMeeting, type MeetingRow } from './meetings/queries';
import { recordMeeting } from './meetings/record-meeting';
import { scheduleMeetings } from './meetings/schedule-meetings';
import { committeePermissions } from './permissions';
import { committeeTimeZone, loadCommittee } from './queries';
import { actionStatuses, cadenceKinds, minutesStatuses } from './schema';

const param = (name: string, example: string) =>
  z.string().openapi({ param: { name, in: 'path' }, example });
const Params = z.object({ slug: param('slug', 'igf-guatemala') });
const MeetingParams = Params.extend({ meeting: uuidParam('meeting') });
const TaskParams = Params.extend({ task: uuidParam('task') });

const read = apiAccess.initiative('committee:read', committeePermissions.viewCommittee);
const write = apiAccess.initiative('committee:write', committeePermissions.editMeetings);
const manage = apiAccess.initiative('committee:write', committeePermissions.manageCommittee);
const common = { tags: ['committee'], security: [{ bearerAuth: [] }] };
const BASE = '/api/v1/initiatives/{slug}/committee';
const found = { ...notFoundResponse, ...errorResponses };
const writes = { ...invalidResponse, ...notFoundResponse, ...errorResponses };
const day = z.iso.date();
const status = z.enum(['met', 'missing', 'unknown']);

const CommitteeSchema = z
  .object({
    timeZone: z.string(),
    focalPoint: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    members: z.array(
      z.object({
        id: z.uuid(),
        institutionId: z.uuid(),
        name: z.string(),
        acronym: z.string().nullable(),
        stakeholderGroup: z.enum(stakeholderGroups),
        country: z.string().nullable(),
        city: z.string().nullable(),
        representatives: z.array(z.object({ personId: z.uuid(), name: z.string() })),
      }),
    ),
    workingGroups: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        purpose: z.string().nullable(),
        members: z.array(z.object({ personId: z.uuid(), name: z.string() })),
      }),
    ),
    rules: z.object({
      allMet: z.boolean(),
      stakeholders: z.object({
        status,
        groups: z.array(z.string()),
        needed: z.number().int(),
        absent: z.array(z.string()),
      }),
      gender: z.object({
        status,
        counts: z.record(z.string(), z.number().int()),
        recorded: z.number().int(),
        unrecorded: z.number().int(),
      }),
      regional: z.object({
        status,
        countries: z.array(z.string()),
        cities: z.array(z.string()),
        withoutCity: z.number().int(),
      }),
    }),
  })
  .openapi('Committee');

const MemberInputSchema = z
  .object({
    institutionId: z.uuid(),
    city: z.string().trim().max(100).nullable().default(null),
    personId: z.uuid().optional().openapi({ description: 'A person of the network' }),
    newPerson: z
      .object({
        name: z.string().trim().min(1).max(200),
        email: z.email().max(254).optional(),
        gender: z.enum(genderChoices).optional(),
      })
      .optional()
      .openapi({ description: 'Or a person new to the network' }),
  })
  .openapi('CommitteeMemberInput');

const MeetingSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    startsAt: z.string(),
    durationMinutes: z.number().int(),
    timeZone: z.string(),
    place: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    workingGroup: z.string().nullable(),
    cancelled: z.boolean(),
    minutesStatus: z.enum(minutesStatuses),
    sample: z.boolean(),
  })
  .openapi('Meeting');
const MeetingDetailSchema = MeetingSchema.extend({
  agenda: z.array(z.string()),
  attended: z.array(z.object({ personId: z.uuid(), name: z.string() })),
  expected: z.array(z.object({ personId: z.uuid(), name: z.string() })),
  minutes: z.string().nullable().openapi({ description: 'Markdown' }),
  decisions: z.array(z.string()),
}).openapi('MeetingDetail');

const ScheduleInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    workingGroupId: z.uuid().optional(),
    kind: z.enum(cadenceKinds),
    startsOn: day,
    endsOn: day.optional(),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    durationMinutes: z.number().int().min(15).max(720).default(60),
    intervalDays: z.number().int().min(1).max(90).nullable().default(null),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    place: z.string().trim().max(300).nullable().default(null),
    onlineUrl: z.url().max(500).nullable().default(null),
    agenda: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
  })
  .openapi('MeetingScheduleInput');

const RecordInputSchema = z
  .object({
    agenda: z.array(z.string().trim().min(1).max(300)).max(50),
    attended: z.array(z.uuid()).max(500),
    minutes: z.string().max(50_000).openapi({ description: 'Markdown (raw HTML is not rendered)' }),
    decisions: z.array(z.string().trim().min(1).max(1000)).max(50),
  })
  .openapi('MeetingRecordInput');

const TaskSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(actionStatuses),
    dueOn: z.string().nullable(),
    ownerPersonId: z.uuid().nullable(),
    ownerInstitutionId: z.uuid().nullable(),
    owner: z.string().nullable(),
    meetingId: z.uuid().nullable(),
    activityId: z.uuid().nullable(),
    sample: z.boolean(),
  })
  .openapi('ActionItem');

const ownerFields = {
  ownerPersonId: z.uuid().optional(),
  ownerInstitutionId: z.uuid().optional(),
};
const oneOwner = (v: { ownerPersonId?: string; ownerInstitutionId?: string }) =>
  Boolean(v.ownerPersonId) !== Boolean(v.ownerInstitutionId);
const TaskInputSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    ...ownerFields,
    dueOn: day.optional(),
    meetingId: z.uuid().optional(),
    activityId: z.uuid().optional(),
  })
  .refine(oneOwner, { path: ['ownerPersonId'], message: 'committee.action.chooseOwner' })
  .openapi('ActionItemInput');
const TaskUpdateSchema = z
  .object({ status: z.enum(actionStatuses), ...ownerFields, dueOn: day.nullable().optional() })
  .refine((v) => (!v.ownerPersonId && !v.ownerInstitutionId) || oneOwner(v), {
    path: ['ownerPersonId'],
    message: 'committee.action.chooseOwner',
  })
  .openapi('ActionItemUpdate');

const owner = (v: { ownerPersonId?: string; ownerInstitutionId?: string }): Owner => ({
  personId: v.ownerPersonId ?? null,
  institutionId: v.ownerInstitutionId ?? null,
});

const meetingOut = (m: MeetingRow) => ({
  id: m.id,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
  durationMinutes: m.durationMinutes,
  timeZone: m.timeZone,
  place: m.place,
  onlineUrl: m.onlineUrl,
  workingGroup: m.group,
  cancelled: m.cancelled,
  minutesStatus: m.minutesStatus,
  sample: m.sample,
});
const taskOut = (r: ActionRow) => ({
  id: r.id,
  title: r.title,
  status: r.status,
  dueOn: r.dueOn,
  ownerPersonId: r.ownerPersonId,
  ownerInstitutionId: r.ownerInstitutionId,
  owner: r.owner,
  meetingId: r.meetingId,
  activityId: r.activityId,
  sample: r.sample,
});

/** The JSON names of the fields the committee functions name. */
const apiField: Record<string, string> = {
  owner: 'ownerPersonId',
  newEmail: 'newPerson.email',
  newName: 'newPerson.name',
};

/** A committee rule broken: 422 with a message per JSON field in the caller's language. */
function invalid(c: Context<AppEnv>, error: unknown): never {
  return throwApiInputError(c, error, apiField);
}

async function meetingOf(c: Context<AppEnv>) {
  const meeting = await loadMeeting(c.var.deps.db, {
    initiativeId: c.var.initiative.id,
    meetingId: c.req.param('meeting') ?? '',
  });
  if (!meeting) throw new AppError('not_found');
  return meeting;
}

async function committeeJson(c: Context<AppEnv>) {
  const committee = await loadCommittee(c.var.deps.db, c.var.initiative.id);
  const rules = checkIgfRules({ members: committee.members });
  return {
    timeZone: committee.timeZone,
    focalPoint: committee.focal,
    members: committee.members.map((m) => ({
      id: m.id,
      institutionId: m.institutionId,
      name: m.name,
      acronym: m.acronym,
      stakeholderGroup: m.stakeholderGroup,
      country: m.country,
      city: m.city,
      representatives: m.representatives.map((r) => ({ personId: r.personId, name: r.name })),
    })),
    workingGroups: committee.groups.map((g) => ({
      id: g.id,
      name: g.name,
      purpose: g.purpose,
      members: g.members.map((p) => ({ personId: p.personId, name: p.name })),
    })),
    rules: {
      allMet: rules.allMet,
      stakeholders: rules.stakeholders,
      gender: {
        status: rules.gender.status,
        counts: rules.gender.counts,
        recorded: rules.gender.recorded,
        unrecorded: rules.gender.unrecorded,
      },
      regional: rules.regional,
    },
  };
}

export function registerCommitteeApi(api: OpenAPIHono<AppEnv>) {
  registerCommitteeReads(api);
  registerMeetingApi(api);
  registerTaskApi(api);
}

function registerCommitteeReads(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: BASE,
      summary: 'The committee: focal point, members, working groups and the IGF rule check',
      middleware: [read] as const,
      request: { params: Params },
      responses: { 200: json(CommitteeSchema, 'The committee'), ...found },
    }),
    async (c) => c.json(await committeeJson(c), 200),
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${BASE}/members`,
      summary: 'Put an institution on the committee with a representative (coordinators)',
      middleware: [manage] as const,
      request: { params: Params, body: jsonBody(MemberInputSchema) },
      responses: { 200: json(CommitteeSchema, 'The committee after the change'), ...writes },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const input = {
        institutionId: b.institutionId,
        city: b.city,
        personId: b.personId,
        newName: b.newPerson?.name ?? null,
        newEmail: b.newPerson?.email,
        newGender: b.newPerson?.gender,
      };
      if (b.personId && b.newPerson)
        invalid(c, new InputError({ newName: { key: 'committee.member.eitherPerson' } }));
      try {
        await audited(
          c,
          (tx) => addCommitteeMember(tx, { initiative: c.var.initiative, input }),
          (added) => ({
            action: 'committee.member_added',
            targetType: 'committee_member',
            targetId: added.memberId,
            data: { ...input, personId: added.personId, via: 'api' },
          }),
        );
      } catch (e) {
        invalid(c, e);
      }
      return c.json(await committeeJson(c), 200);
    },
  );
}

function registerMeetingApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${BASE}/meetings`,
      summary: 'Meetings of the committee and its working groups',
      middleware: [read] as const,
      request: {
        params: Params,
        query: z.object({ when: z.enum(['upcoming', 'past', 'all']).default('all') }),
      },
      responses: { 200: json(z.array(MeetingSchema), 'Meetings'), ...found },
    }),
    async (c) => {
      const rows = await listMeetings(c.var.deps.db, {
        initiativeId: c.var.initiative.id,
        when: c.req.valid('query').when,
      });
      return c.json(rows.map(meetingOut), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${BASE}/meetings`,
      summary: 'Schedule one meeting or a cadence (every N days, weekdays, daily) in the zone',
      middleware: [write] as const,
      request: { params: Params, body: jsonBody(ScheduleInputSchema) },
      responses: { 201: json(z.array(MeetingSchema), 'The meetings created'), ...writes },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { db } = c.var.deps;
      try {
        const timeZone = await committeeTimeZone(db, c.var.initiative.id);
        const done = await audited(
          c,
          (tx) => scheduleMeetings(tx, { initiativeId: c.var.initiative.id, timeZone, input }),
          (done) => ({
            action: 'committee.meetings_scheduled',
            targetType: done.seriesId ? 'meeting_series' : 'meeting',
            targetId: done.seriesId ?? done.meetings[0]!.id,
            data: { ...input, count: done.meetings.length, via: 'api' },
          }),
        );
        return c.json(
          done.meetings.map((m) => meetingOut({ ...m, group: null })),
          201,
        );
      } catch (e) {
        invalid(c, e);
      }
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${BASE}/meetings/{meeting}`,
      summary: 'A meeting with agenda, attendance, minutes (Markdown) and decisions',
      middleware: [read] as const,
      request: { params: MeetingParams },
      responses: { 200: json(MeetingDetailSchema, 'The meeting'), ...found },
    }),
    async (c) => {
      const m = await meetingOf(c);
      return c.json(detailOut(m), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: `${BASE}/meetings/{meeting}/record`,
      summary: 'Record agenda, attendance, minutes (a draft) and decisions',
      middleware: [write] as const,
      request: { params: MeetingParams, body: jsonBody(RecordInputSchema) },
      responses: { 200: json(MeetingDetailSchema, 'The meeting'), ...writes },
    }),
    async (c) => {
      const meeting = await meetingOf(c);
      const input = c.req.valid('json');
      try {
        await audited(c, (tx) => recordMeeting(tx, { meeting, input }), {
          action: 'committee.meeting_recorded',
          targetType: 'meeting',
          targetId: meeting.id,
          data: { ...input, minutes: input.minutes.length, via: 'api' },
        });
      } catch (e) {
        invalid(c, e);
      }
      return c.json(detailOut(await meetingOf(c)), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${BASE}/meetings/{meeting}/approve`,
      summary: 'Approve the minutes (once) and e-mail them to the committee',
      middleware: [write] as const,
      request: { params: MeetingParams },
      responses: {
        200: json(z.object({ sent: z.number().int() }), 'How many people were e-mailed'),
        ...writes,
      },
    }),
    async (c) => {
      const meeting = await meetingOf(c);
      try {
        const url = `${c.var.deps.env.publicUrl}/i/${c.var.initiative.slug}/committee/meetings/${meeting.id}`;
        // The minutes' e-mails go to the outbox in the same transaction as the approval.
        const { sent } = await audited(
          c,
          (tx) =>
            approveMinutes(
              { ...c.var.deps, db: tx },
              { meeting, userId: c.var.user?.id ?? null, url },
            ),
          ({ sent }) => ({
            action: 'committee.minutes_approved',
            targetType: 'meeting',
            targetId: meeting.id,
            data: { sent, via: 'api' },
          }),
        );
        return c.json({ sent }, 200);
      } catch (e) {
        invalid(c, e);
      }
    },
  );
}

function detailOut(m: NonNullable<Awaited<ReturnType<typeof loadMeeting>>>) {
  return {
    ...meetingOut({ ...m, group: m.group }),
    agenda: m.agenda.map((a) => a.title),
    attended: m.attended.map((p) => ({ personId: p.id, name: p.name })),
    expected: m.invitees.map((p) => ({ personId: p.id, name: p.name })),
    minutes: m.minutes,
    decisions: m.decisions.map((d) => d.text),
  };
}

function registerTaskApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${BASE}/tasks`,
      summary: 'Action items, soonest due first',
      middleware: [read] as const,
      request: {
        params: Params,
        query: z.object({
          status: z
            .enum(actionStatuses)
            .optional()
            .openapi({ description: 'Only tasks with this status' }),
        }),
      },
      responses: { 200: json(z.array(TaskSchema), 'Action items'), ...found },
    }),
    async (c) => {
      const s = c.req.valid('query').status;
      const rows = await listActionItems(c.var.deps.db, {
        initiativeId: c.var.initiative.id,
        status: s ? [s] : undefined,
      });
      return c.json(rows.map(taskOut), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${BASE}/tasks`,
      summary: 'Create an action item with one owner (a person or an institution)',
      middleware: [write] as const,
      request: { params: Params, body: jsonBody(TaskInputSchema) },
      responses: { 201: json(TaskSchema, 'The action item'), ...writes },
    }),
    async (c) => {
      const b = c.req.valid('json');
      try {
        const row = await audited(
          c,
          (tx) =>
            createActionItem(tx, {
              initiativeId: c.var.initiative.id,
              userId: c.var.user?.id ?? null,
              input: { ...b, owner: owner(b) },
            }),
          (row) => ({
            action: 'committee.task_created',
            targetType: 'action_item',
            targetId: row.id,
            data: { ...b, via: 'api' },
          }),
        );
        const item = await loadActionItem(c.var.deps.db, { id: row.id });
        return c.json(taskOut(item!), 201);
      } catch (e) {
        invalid(c, e);
      }
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: `${BASE}/tasks/{task}`,
      summary: "Change an action item's status, and optionally its owner and due date",
      middleware: [write] as const,
      request: { params: TaskParams, body: jsonBody(TaskUpdateSchema) },
      responses: { 200: json(TaskSchema, 'The action item'), ...writes },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const item = await loadActionItem(db, {
        initiativeId: c.var.initiative.id,
        id: c.req.param('task') ?? '',
      });
      if (!item) throw new AppError('not_found');
      const b = c.req.valid('json');
      const changeOwner = Boolean(b.ownerPersonId || b.ownerInstitutionId);
      try {
        await audited(
          c,
          (tx) =>
            updateActionItem(tx, {
              item,
              input: {
                status: b.status,
                owner: changeOwner ? owner(b) : undefined,
                dueOn: b.dueOn ?? undefined,
              },
            }),
          {
            action: 'committee.task_updated',
            targetType: 'action_item',
            targetId: item.id,
            data: { before: { status: item.status, dueOn: item.dueOn }, after: b, via: 'api' },
          },
        );
      } catch (e) {
        invalid(c, e);
      }
      return c.json(taskOut((await loadActionItem(db, { id: item.id }))!), 200);
    },
  );
}
