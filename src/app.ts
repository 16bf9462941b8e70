/**
 * Builds the web application: global middleware in order, then the core's routes and every
 * feature module's (see `src/modules.ts`), then the API.
 *
 * @example
 * const app = createApp(deps);
 * const res = await app.request('/healthz');
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { accountRoutes } from './core/accounts/routes/account';
import { passwordResetRoutes } from './core/accounts/routes/password-reset';
import { sessionRoutes } from './core/accounts/routes/sessions';
import { signInRoutes } from './core/accounts/routes/sign-in';
import { signUpRoutes } from './core/accounts/routes/sign-up';
import { verifyEmailRoutes } from './core/accounts/routes/verify-email';
import { apiRoutes, openApiDocument } from './core/api/routes';
import { tokenRoutes } from './core/api-tokens/routes/tokens';
import { memberRoutes } from './core/initiatives/routes/members';
import { myDataRoutes } from './core/privacy/routes/my-data';
import { healthRoutes } from './features/health';
import { modules } from './modules';
import { access } from './http/access';
import { cleanInput } from './http/clean-input';
import { clientIp } from './http/client-ip';
import { csrf } from './http/csrf';
import { handleError, notFound } from './http/error-pages';
import { language } from './http/language';
import { securityHeaders } from './http/security-headers';
import { session } from './http/session';
import type { AppDeps, AppEnv } from './http/types';

const publicDir =
  relative(process.cwd(), fileURLToPath(new URL('../public', import.meta.url))) || '.';

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('modules', modules);
    c.set('clientIp', clientIp(c));
    await next();
  });
  app.use(compress());
  app.use(securityHeaders());
  app.use(language());
  app.get(
    '/static/*',
    access.anyone(),
    serveStatic({
      root: publicDir,
      rewriteRequestPath: (p) => p.replace(/^\/static/, ''),
    }),
  );
  app.route('/', healthRoutes);
  const smallBodies = bodyLimit({ maxSize: 1024 * 1024 });
  const uploads = bodyLimit({ maxSize: 6 * 1024 * 1024 });
  const isUpload = (path: string) => path.endsWith('/import') || path.endsWith('/money/expenses');
  app.use((c, next) => (isUpload(c.req.path) ? uploads(c, next) : smallBodies(c, next)));
  app.use(cleanInput());
  app.use(session());
  app.use(csrf());

  // The core's pages, then every feature module's, in the module list's order.
  for (const routes of [
    signUpRoutes,
    verifyEmailRoutes,
    signInRoutes,
    passwordResetRoutes,
    accountRoutes,
    sessionRoutes,
    tokenRoutes,
    memberRoutes,
    myDataRoutes,
  ])
    app.route('/', routes);
  for (const m of modules) for (const routes of m.routes ?? []) app.route('/', routes);

  const api = apiRoutes(modules);
  app.route('/', api);
  const document = openApiDocument(api);
  app.get('/api/openapi.json', access.anyone(), (c) => c.json(document));

  app.notFound(notFound);
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
