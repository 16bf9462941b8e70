/**
 * `/api/v1` endpoints for institutions (organisers of any initiative) and for the people of an
 * initiative (its organisers). Reading a person is written to the audit log, as on the page.
 */
import { uuidParam } from '../../core/api/schemas';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { audit, audited } from '../../http/audit';
import { AppError } from '../../http/errors';
import type { AppEnv } from '../../http/types';
import { apiAccess } from '../../core/api/api-access';
import {
  errorResponses,
  invalidResponse,
  jsonBody,
  jsonResponse,
  notFoundResponse,
} from '../../core/api/responses';
import {
  createInstitution,
  findInstitution,
  searchInstitutions,
  updateInstitution,
} from './institutions';
import {
  createPerson,
  emailInUse,
  getPersonRecord,
  listPeople,
  personInInitiative,
} from './people';
import { networkPermissions } from './permissions';
import type { Institution } from './schema';
import {
  InstitutionInputSchema,
  InstitutionSchema,
  PersonInputSchema,
  PersonSchema,
  PersonSummarySchema,
  pageOf,
  pageQuery,
} from './api-schemas';

const PER_PAGE = 50;
const json = jsonResponse;
const body = <T extends z.ZodType>(schema: T) => ({ body: jsonBody(schema) });
const IdParam = z.object({ id: uuidParam('id') });
const SlugParam = z.object({
  slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'igf-guatemala' }),
});
const read = apiAccess.inAnyInitiative('network:read', networkPermissions.useDirectory);
const write = apiAccess.inAnyInitiative('network:write', networkPermissions.useDirectory);
const common = { tags: ['network'], security: [{ bearerAuth: [] }] };

const institutionOut = (i: Institution) => ({
  id: i.id,
  name: i.name,
  acronym: i.acronym,
  stakeholderGroup: i.stakeholderGroup,
  kind: i.kind,
  country: i.country,
  website: i.website,
  parentId: i.parentId,
  publicListing: i.publicListing,
});

export function registerNetworkApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/api/v1/institutions',
      summary: 'Search institutions',
      middleware: [read] as const,
      request: { query: z.object(pageQuery) },
      responses: {
        200: json(pageOf(InstitutionSchema), 'A page of institutions'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { rows, total } = await searchInstitutions(c.var.deps.db, {
        ...q,
        sort: 'name',
        perPage: PER_PAGE,
      });
      return c.json(
        { items: rows.map(institutionOut), total, page: q.page, perPage: PER_PAGE },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/api/v1/institutions/{id}',
      summary: 'One institution',
      middleware: [read] as const,
      request: { params: IdParam },
      responses: {
        200: json(InstitutionSchema, 'The institution'),
        ...notFoundResponse,
        ...errorResponses,
      },
    }),
    async (c) => {
      const found = await findInstitution(c.var.deps.db, c.req.valid('param').id);
      if (!found) throw new AppError('not_found');
      return c.json(institutionOut(found), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/api/v1/institutions',
      summary: 'Add an institution',
      middleware: [write] as const,
      request: body(InstitutionInputSchema),
      responses: { 201: json(InstitutionSchema, 'Created'), ...invalidResponse, ...errorResponses },
    }),
    async (c) => {
      const created = await audited(
        c,
        (tx) => createInstitution(tx, c.req.valid('json')),
        (i) => ({
          action: 'institution.created',
          targetType: 'institution',
          targetId: i.id,
          data: { via: 'api' },
        }),
      );
      return c.json(institutionOut(created), 201);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: '/api/v1/institutions/{id}',
      summary: 'Replace an institution’s details',
      middleware: [write] as const,
      request: { params: IdParam, ...body(InstitutionInputSchema) },
      responses: {
        200: json(InstitutionSchema, 'Saved'),
        ...notFoundResponse,
        ...invalidResponse,
        ...errorResponses,
      },
    }),
    async (c) => {
      const updated = await audited(
        c,
        (tx) => updateInstitution(tx, c.req.valid('param').id, c.req.valid('json')),
        (i) =>
          i
            ? {
                action: 'institution.updated',
                targetType: 'institution',
                targetId: i.id,
                data: { via: 'api' },
              }
            : null,
      );
      if (!updated) throw new AppError('not_found');
      return c.json(institutionOut(updated), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/api/v1/initiatives/{slug}/people',
      summary: 'Search the people taking part in an initiative',
      middleware: [apiAccess.initiative('network:read', networkPermissions.viewPeople)] as const,
      request: { params: SlugParam, query: z.object(pageQuery) },
      responses: {
        200: json(pageOf(PersonSummarySchema), 'A page of people'),
        ...notFoundResponse,
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { rows, total } = await listPeople(c.var.deps.db, {
        ...q,
        initiativeId: c.var.initiative.id,
        sort: 'name',
        perPage: PER_PAGE,
      });
      const items = rows.map((r) => ({
        id: r.id,
        name: r.name,
        country: r.country,
        stakeholderGroup: r.group,
      }));
      return c.json({ items, total, page: q.page, perPage: PER_PAGE }, 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/api/v1/initiatives/{slug}/people/{id}',
      summary: 'Everything held about one person of the initiative (audited)',
      middleware: [apiAccess.initiative('network:read', networkPermissions.viewPeople)] as const,
      request: { params: SlugParam.extend(IdParam.shape) },
      responses: { 200: json(PersonSchema, 'The person'), ...notFoundResponse, ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { db } = c.var.deps;
      const person = (await personInInitiative(db, id, c.var.initiative.id))
        ? await getPersonRecord(db, id)
        : undefined;
      if (!person || person.erasedAt) throw new AppError('not_found');
      await audit(c, 'person.viewed', {
        targetType: 'person',
        targetId: id,
        data: { initiative: c.var.initiative.slug, via: 'api' },
      });
      return c.json(
        {
          id: person.id,
          name: person.name,
          country: person.country,
          languages: person.languages,
          stakeholderGroup: person.group,
          gender: person.genderChoice,
          genderSelfDescribed: person.genderSelfDescribed,
          emails: person.emails.map((e) => ({ email: e.email, primary: e.isPrimary })),
          phones: person.phones.map((p) => ({ phone: p.phone, primary: p.isPrimary })),
          affiliations: person.affiliations.map((a) => ({
            institutionId: a.institutionId,
            institution: a.institution,
            title: a.title,
          })),
          history: person.history.map((h) => ({ year: h.year, kind: h.kind, label: h.label })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/api/v1/initiatives/{slug}/people',
      summary: 'Add a person to the initiative’s network',
      middleware: [apiAccess.initiative('network:write', networkPermissions.managePeople)] as const,
      request: { params: SlugParam, ...body(PersonInputSchema) },
      responses: {
        201: json(PersonSummarySchema, 'Created'),
        ...invalidResponse,
        ...notFoundResponse,
        ...errorResponses,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { db } = c.var.deps;
      if (input.email && (await emailInUse(db, input.email))) {
        throw new AppError('invalid', { fields: { email: c.var.t('network.emailTaken') } });
      }
      const initiative = c.var.initiative;
      const person = await audited(
        c,
        (tx) =>
          createPerson(tx, {
            input: {
              ...input,
              genderSelfDescribed:
                input.genderChoice === 'self_described' ? input.genderSelfDescribed : undefined,
            },
            initiativeId: initiative.id,
            year: new Date().getUTCFullYear(),
            label: initiative.name,
          }),
        (p) => ({
          action: 'person.created',
          targetType: 'person',
          targetId: p.id,
          data: { initiative: initiative.slug, via: 'api' },
        }),
      );
      return c.json(
        { id: person.id, name: person.name, country: person.country, stakeholderGroup: null },
        201,
      );
    },
  );
}
