/**
 * `/api/v1/initiatives/{slug}/editions/{edition}/topics…` for the committee (coordinators and
 * organisers, administrators too): every proposal with its tally and the proposer's name, the
 * call's dates, proposing a topic as the committee, voting, shortlisting, merging, rejecting and
 * selecting tracks. Scopes `topics:read` and `topics:write`. The public proposes on the page
 * `/e/{edition}/topics/propose`, which has the honeypot and the rate limit.
 */
import type { AuditAction } from '../../core/audit/actions';
import { uuidParam } from '../../core/api/schemas';
import { throwApiInputError } from '../../http/input-error';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { audited } from '../../http/audit';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import type { AppEnv } from '../../http/types';
import { apiAccess } from '../../core/api/api-access';
import { errorResponses, invalidResponse, notFoundResponse } from '../../core/api/responses';
import { stakeholderGroups } from '../network/schema';
import { managedEdition } from '../programme/index';
import { deleteTopic } from './delete-topic';
import { mergeTopic } from './merge-topic';
import { topicPermissions } from './permissions';
import { proposeTopic } from './propose-topic';
import { findTopicCall, listTopics, type TopicRow } from './queries';
import { rejectTopic } from './reject-topic';
import { saveTopicCall } from './save-topic-call';
import { topicOrigins, topicStatuses } from './schema';
import { selectTopic } from './select-topic';
import { setTopicVote } from './set-topic-vote';
import { shortlistTopic } from './shortlist-topic';
import { TRACK_NAME_MAX } from './topic-input';
import { unselectTopic } from './unselect-topic';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const param = (name: string, example: string) =>
  z.string().openapi({ param: { name, in: 'path' }, example });
const EditionParams = z.object({
  slug: param('slug', 'igf-guatemala'),
  edition: param('edition', 'igf-guatemala-2018'),
});
const TopicParams = EditionParams.extend({
  topic: uuidParam('topic'),
});

const read = apiAccess.initiative('topics:read', topicPermissions.reviewTopics);
const write = apiAccess.initiative('topics:write', topicPermissions.reviewTopics);
const common = { tags: ['topics'], security: [{ bearerAuth: [] }] };
const TOPICS = '/api/v1/initiatives/{slug}/editions/{edition}/topics';
const TOPIC = `${TOPICS}/{topic}`;
const found = { ...notFoundResponse, ...errorResponses };
const writes = { ...invalidResponse, ...notFoundResponse, ...errorResponses };

const TopicSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    reason: z.string().nullable(),
    origin: z.enum(topicOrigins),
    stakeholderGroup: z.enum(stakeholderGroups).nullable(),
    lang: z.string(),
    proposerName: z.string().nullable().openapi({ description: 'Seen by the committee only' }),
    namePublic: z.boolean().openapi({ description: 'The proposer agreed to be named publicly' }),
    status: z.enum(topicStatuses),
    votes: z.number().int(),
    myVote: z.boolean().openapi({ description: 'The token’s owner voted for it' }),
    decisionNote: z.string().nullable(),
    mergedInto: z.uuid().nullable(),
    trackName: z.string().nullable(),
    sample: z.boolean(),
    source: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Topic');

const TopicInputSchema = z
  .object({
    title: z.string().trim().min(5).max(150),
    reason: z.string().trim().max(2000).nullable().default(null),
    stakeholderGroup: z.enum(stakeholderGroups).nullable().default(null),
  })
  .openapi('TopicInput');

const CallSchema = z
  .object({
    opensAt: z.iso.datetime({ offset: true }).nullable(),
    closesAt: z.iso.datetime({ offset: true }).nullable(),
    noteEs: z.string().trim().max(2000).nullable(),
    noteEn: z.string().trim().max(2000).nullable(),
  })
  .refine((v) => !!v.opensAt === !!v.closesAt, {
    path: ['closesAt'],
    message: 'topics.call.bothDates',
  })
  .refine((v) => !v.opensAt || !v.closesAt || new Date(v.closesAt) > new Date(v.opensAt), {
    path: ['closesAt'],
    message: 'topics.call.closesBeforeOpens',
  })
  .openapi('TopicCall');

const topicOut = (r: TopicRow) => ({
  id: r.id,
  title: r.title,
  reason: r.reason,
  origin: r.origin,
  stakeholderGroup: r.stakeholderGroup,
  lang: r.lang,
  proposerName: r.proposerName,
  namePublic: r.namePublic,
  status: r.status,
  votes: r.votes,
  myVote: r.myVote,
  decisionNote: r.decisionNote,
  mergedInto: r.mergedInto,
  trackName: r.trackName,
  sample: r.sample,
  source: r.source,
  createdAt: r.createdAt.toISOString(),
});

async function oneTopic(c: Context<AppEnv>, editionId: string, id: string) {
  const rows = await listTopics(c.var.deps.db, { editionId, userId: c.var.user!.id });
  const row = rows.find((r) => r.id === id);
  if (!row) throw new AppError('not_found');
  return topicOut(row);
}

/** A topic rule broken: 422 with a message per field in the caller's language. */
function invalid(c: Context<AppEnv>, error: unknown): never {
  return throwApiInputError(c, error);
}

/** Runs one decision on the topic in the URL; a topic rule broken is a 422 per field. */
async function decide(
  c: Context<AppEnv>,
  action: AuditAction,
  run: (tx: Db, o: { editionId: string; topicId: string }) => Promise<unknown>,
  data: Record<string, unknown> = {},
) {
  const edition = await managedEdition(c);
  const topicId = c.req.param('topic') ?? '';
  let done: unknown;
  try {
    done = await audited(
      c,
      (tx) => run(tx, { editionId: edition.id, topicId }),
      (done) =>
        done
          ? { action, targetType: 'topic', targetId: topicId, data: { ...data, via: 'api' } }
          : null,
    );
  } catch (error) {
    invalid(c, error);
  }
  if (!done) throw new AppError('not_found');
  return oneTopic(c, edition.id, topicId);
}

/** Casts (`yes`) or withdraws the token owner's vote for the topic in the URL. */
const vote = (c: Context<AppEnv>, yes: boolean) =>
  decide(c, yes ? 'topic.vote_cast' : 'topic.vote_withdrawn', (tx, o) =>
    setTopicVote(tx, { ...o, userId: c.var.user!.id, vote: yes }),
  );

const decision = (path: string, summary: string) =>
  createRoute({
    ...common,
    method: 'post',
    path: `${TOPIC}/${path}`,
    summary,
    middleware: [write] as const,
    request: { params: TopicParams },
    responses: { 200: json(TopicSchema, 'The topic after the decision'), ...writes },
  });

const decisionWith = <S extends z.ZodType>(path: string, summary: string, schema: S) =>
  createRoute({
    ...common,
    method: 'post',
    path: `${TOPIC}/${path}`,
    summary,
    middleware: [write] as const,
    request: { params: TopicParams, ...body(schema) },
    responses: { 200: json(TopicSchema, 'The topic after the decision'), ...writes },
  });

export function registerTopicsApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: TOPICS,
      summary: 'Every topic of the edition with its status, tally and proposer (committee only)',
      middleware: [read] as const,
      request: { params: EditionParams },
      responses: { 200: json(z.array(TopicSchema), 'Topics, oldest first'), ...found },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const rows = await listTopics(c.var.deps.db, {
        editionId: edition.id,
        userId: c.var.user!.id,
      });
      return c.json(rows.map(topicOut), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: TOPICS,
      summary: 'Propose a topic as the committee (at any time; the public uses the page)',
      middleware: [write] as const,
      request: { params: EditionParams, ...body(TopicInputSchema) },
      responses: { 201: json(TopicSchema, 'Proposed'), ...writes },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const input = c.req.valid('json');
      const topic = await audited(
        c,
        (tx) =>
          proposeTopic(tx, {
            editionId: edition.id,
            origin: 'committee',
            lang: c.var.lang,
            userId: c.var.user!.id,
            input: { ...input, proposerName: null, namePublic: false },
          }),
        (topic) => ({
          action: 'topic.proposed',
          targetType: 'topic',
          targetId: topic.id,
          data: { editionId: edition.id, origin: 'committee', via: 'api' },
        }),
      );
      return c.json(await oneTopic(c, edition.id, topic.id), 201);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `/api/v1/initiatives/{slug}/editions/{edition}/topic-call`,
      summary: 'The call for topics: when it opens and closes, how topics are chosen',
      middleware: [read] as const,
      request: { params: EditionParams },
      responses: { 200: json(CallSchema, 'The call (all null when none was set)'), ...found },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const call = await findTopicCall(c.var.deps.db, edition.id);
      return c.json(
        {
          opensAt: call?.opensAt?.toISOString() ?? null,
          closesAt: call?.closesAt?.toISOString() ?? null,
          noteEs: call?.noteEs ?? null,
          noteEn: call?.noteEn ?? null,
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: `/api/v1/initiatives/{slug}/editions/{edition}/topic-call`,
      summary: 'Set the call for topics (both dates, or neither to close it)',
      middleware: [write] as const,
      request: { params: EditionParams, ...body(CallSchema) },
      responses: { 200: json(CallSchema, 'Saved'), ...writes },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const v = c.req.valid('json');
      await audited(
        c,
        (tx) =>
          saveTopicCall(tx, {
            editionId: edition.id,
            input: {
              opensAt: v.opensAt ? new Date(v.opensAt) : null,
              closesAt: v.closesAt ? new Date(v.closesAt) : null,
              noteEs: v.noteEs || null,
              noteEn: v.noteEn || null,
            },
          }),
        {
          action: 'topic.call_saved',
          targetType: 'edition',
          targetId: edition.id,
          data: { opensAt: v.opensAt, closesAt: v.closesAt, via: 'api' },
        },
      );
      return c.json(v, 200);
    },
  );

  api.openapi(
    decision('vote', 'Vote for a shortlisted topic (once per member; again changes nothing)'),
    async (c) => c.json(await vote(c, true), 200),
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: `${TOPIC}/vote`,
      summary: 'Withdraw my vote for a shortlisted topic',
      middleware: [write] as const,
      request: { params: TopicParams },
      responses: { 200: json(TopicSchema, 'The topic'), ...writes },
    }),
    async (c) => c.json(await vote(c, false), 200),
  );

  api.openapi(decision('shortlist', 'Put a proposed topic on the shortlist'), async (c) =>
    c.json(await decide(c, 'topic.shortlisted', (tx, o) => shortlistTopic(tx, o)), 200),
  );

  api.openapi(
    decisionWith(
      'reject',
      'Set a topic aside with a reason (shown publicly)',
      z.object({ reason: z.string().trim().min(3).max(1000) }).openapi('TopicRejection'),
    ),
    async (c) => {
      const { reason } = c.req.valid('json');
      return c.json(
        await decide(c, 'topic.rejected', (tx, o) => rejectTopic(tx, { ...o, reason }), {
          reason,
        }),
        200,
      );
    },
  );

  api.openapi(
    decisionWith(
      'merge',
      'Merge a duplicate into another topic; its votes move there',
      z.object({ into: z.uuid() }).openapi('TopicMerge'),
    ),
    async (c) => {
      const { into } = c.req.valid('json');
      return c.json(
        await decide(c, 'topic.merged', (tx, o) => mergeTopic(tx, { ...o, intoId: into }), {
          into,
        }),
        200,
      );
    },
  );

  api.openapi(
    decisionWith(
      'select',
      'Select a shortlisted topic as a track of the programme',
      z
        .object({ trackName: z.string().trim().min(2).max(TRACK_NAME_MAX) })
        .openapi('TopicSelection'),
    ),
    async (c) => {
      const { trackName } = c.req.valid('json');
      return c.json(
        await decide(c, 'topic.selected', (tx, o) => selectTopic(tx, { ...o, trackName }), {
          trackName,
        }),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: TOPIC,
      summary: 'Delete a proposal not yet reviewed (spam or abuse); it appears nowhere afterwards',
      middleware: [write] as const,
      request: { params: TopicParams },
      responses: { 204: { description: 'Deleted' }, ...writes },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const topicId = c.req.valid('param').topic;
      const gone = await audited(
        c,
        (tx) => deleteTopic(tx, { editionId: edition.id, topicId }),
        (gone) =>
          gone
            ? {
                action: 'topic.deleted',
                targetType: 'topic',
                targetId: topicId,
                data: { title: gone.title, origin: gone.origin, via: 'api' },
              }
            : null,
      ).catch((error: unknown) => invalid(c, error));
      if (!gone) throw new AppError('not_found');
      return c.body(null, 204);
    },
  );

  api.openapi(decision('unselect', 'Take a track back to the shortlist'), async (c) =>
    c.json(await decide(c, 'topic.unselected', (tx, o) => unselectTopic(tx, o)), 200),
  );
}
