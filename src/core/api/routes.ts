import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/types';
import { listMembershipsOfUser } from '../initiatives/queries';
import { apiAccess } from './api-access';
import { MeSchema } from './schemas';
import { errorResponses, validationHook } from './responses';
import type { FeatureModule } from '../module';

const errors = errorResponses;

const me = createRoute({
  method: 'get',
  path: '/api/v1/me',
  summary: 'The account that owns the token',
  tags: ['account'],
  security: [{ bearerAuth: [] }],
  middleware: [apiAccess.token('profile:read')] as const,
  responses: {
    200: { description: 'The account', content: { 'application/json': { schema: MeSchema } } },
    ...errors,
  },
});

/** `/api/v1`: the core's `/me` and every module's operations, described as OpenAPI 3.1. */
export function apiRoutes(modules: readonly FeatureModule[]) {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.openapi(me, async (c) => {
    const user = c.var.user!;
    const memberships = await listMembershipsOfUser(c.var.deps.db, user.id);
    return c.json(
      {
        id: user.id,
        name: user.name,
        email: user.email,
        locale: user.locale === 'en' ? ('en' as const) : ('es' as const),
        isAdmin: user.isAdmin,
        memberships: memberships.map((m) => ({
          initiative: m.slug,
          role: m.role,
          expiresAt: m.expiresAt ? m.expiresAt.toISOString() : null,
        })),
      },
      200,
    );
  });
  for (const m of modules) m.api?.(api);
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal access token created at /account/tokens',
  });
  return api;
}

export function openApiDocument(api: OpenAPIHono<AppEnv>) {
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Convoca API',
      version: '1.0.0',
      description: 'Read and write Convoca data. Authenticate with a personal access token.',
      license: { name: 'EUPL-1.2' },
    },
  });
}
