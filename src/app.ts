/**
 * Builds the web application: global middleware in order, then one `route()` per feature.
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
import { accountRoutes } from './features/accounts/routes/account';
import { passwordResetRoutes } from './features/accounts/routes/password-reset';
import { sessionRoutes } from './features/accounts/routes/sessions';
import { signInRoutes } from './features/accounts/routes/sign-in';
import { signUpRoutes } from './features/accounts/routes/sign-up';
import { verifyEmailRoutes } from './features/accounts/routes/verify-email';
import { adminHomeRoutes } from './features/admin/routes/admin-home';
import { auditLogRoutes } from './features/admin/routes/audit-log';
import { adminInitiativeRoutes } from './features/admin/routes/initiatives';
import { outboxRoutes } from './features/admin/routes/outbox';
import { apiRoutes, openApiDocument } from './features/api/routes';
import { tokenRoutes } from './features/api-tokens/routes/tokens';
import { healthRoutes } from './features/health/routes';
import { homeRoutes } from './features/home/routes';
import { memberRoutes } from './features/initiatives/routes/members';
import { eventDayRoutes } from './features/event-day/routes/index';
import { deskRoutes } from './features/checkin/routes/desk';
import { deskDataRoutes } from './features/checkin/routes/desk-data';
import { boardingRoutes } from './features/checkin/routes/boarding';
import { moneyContributionRoutes } from './features/money/routes/money-contribution';
import { moneyExpenseRoutes } from './features/money/routes/money-expenses';
import { moneyOverviewRoutes } from './features/money/routes/money-overview';
import { moneyIndexRoutes } from './features/money/routes/money-index';
import { moneyRecordRoutes } from './features/money/routes/money-record';
import { moneyReportRoutes } from './features/money/routes/money-reports';
import { committeeRoutes } from './features/committee/routes/committee';
import { meetingRoutes } from './features/committee/routes/meetings';
import { taskRoutes } from './features/committee/routes/tasks';
import { myTaskRoutes } from './features/committee/routes/my-tasks';
import { calendarRoutes } from './features/committee/routes/calendar';
import { agendaRoutes } from './features/programme/routes/agenda';
import { exportRoutes } from './features/programme/routes/exports';
import { publicEditionRoutes } from './features/programme/routes/public-edition';
import { publicProgrammeRoutes } from './features/programme/routes/public-programme';
import { publicSessionRoutes } from './features/programme/routes/public-session';
import { publicChangesRoutes } from './features/programme/routes/public-changes';
import { publicPersonRoutes } from './features/programme/routes/public-person';
import { manageEditionRoutes } from './features/programme/routes/manage-editions';
import { manageEventRoutes } from './features/programme/routes/manage-events';
import { manageRoomRoutes } from './features/programme/routes/manage-rooms';
import { manageImportRoutes } from './features/programme/routes/manage-import';
import { publicRegisterRoutes } from './features/registration/routes/public-register';
import { myRegistrationRoutes } from './features/registration/routes/my-registration';
import { manageRegistrationRoutes } from './features/registration/routes/manage-registrations';
import { manageInvitationRoutes } from './features/registration/routes/manage-invitations';
import { myInvitationRoutes } from './features/registration/routes/my-invitation';
import { manageTransportRoutes } from './features/registration/routes/manage-transport';
import { manageSessionPlacesRoutes } from './features/registration/routes/manage-session-places';
import { manageSessionRoutes } from './features/programme/routes/manage-sessions';
import { publicTopicRoutes } from './features/topics/routes/public-topics';
import { manageTopicRoutes } from './features/topics/routes/manage-topics';
import { institutionRoutes } from './features/network/routes/institutions';
import { myDataRoutes } from './features/network/routes/my-data';
import { networkMapRoutes } from './features/network/routes/network-map';
import { importReviewRoutes } from './features/network/routes/import-review';
import { importRowRoutes } from './features/network/routes/import-row';
import { importUploadRoutes } from './features/network/routes/import-upload';
import { peopleRoutes } from './features/network/routes/people';
import { peopleToolRoutes } from './features/network/routes/people-tools';
import { personEditRoutes } from './features/network/routes/person-edit';
import { publicDirectoryRoutes } from './features/network/routes/public-directory';
import { publicInstitutionRoutes } from './features/network/routes/public-institution';
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
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=3600');
      },
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

  app.route('/', homeRoutes);
  app.route('/', signUpRoutes);
  app.route('/', verifyEmailRoutes);
  app.route('/', signInRoutes);
  app.route('/', passwordResetRoutes);
  app.route('/', accountRoutes);
  app.route('/', sessionRoutes);
  app.route('/', tokenRoutes);
  app.route('/', adminHomeRoutes);
  app.route('/', auditLogRoutes);
  app.route('/', outboxRoutes);
  app.route('/', adminInitiativeRoutes);
  app.route('/', memberRoutes);
  app.route('/', institutionRoutes);
  app.route('/', networkMapRoutes);
  app.route('/', importUploadRoutes);
  app.route('/', importReviewRoutes);
  app.route('/', importRowRoutes);
  app.route('/', peopleToolRoutes);
  app.route('/', personEditRoutes);
  app.route('/', peopleRoutes);
  app.route('/', publicInstitutionRoutes);
  app.route('/', publicDirectoryRoutes);
  app.route('/', myDataRoutes);
  app.route('/', publicEditionRoutes);
  app.route('/', publicProgrammeRoutes);
  app.route('/', publicSessionRoutes);
  app.route('/', exportRoutes);
  app.route('/', agendaRoutes);
  app.route('/', publicChangesRoutes);
  app.route('/', publicPersonRoutes);
  app.route('/', manageEditionRoutes);
  app.route('/', manageEventRoutes);
  app.route('/', manageRoomRoutes);
  app.route('/', manageSessionRoutes);
  app.route('/', manageImportRoutes);
  app.route('/', publicRegisterRoutes);
  app.route('/', myRegistrationRoutes);
  app.route('/', manageRegistrationRoutes);
  app.route('/', manageInvitationRoutes);
  app.route('/', myInvitationRoutes);
  app.route('/', moneyIndexRoutes);
  app.route('/', moneyOverviewRoutes);
  app.route('/', moneyRecordRoutes);
  app.route('/', moneyContributionRoutes);
  app.route('/', moneyExpenseRoutes);
  app.route('/', moneyReportRoutes);
  app.route('/', committeeRoutes);
  app.route('/', meetingRoutes);
  app.route('/', taskRoutes);
  app.route('/', myTaskRoutes);
  app.route('/', calendarRoutes);
  app.route('/', manageTransportRoutes);
  app.route('/', eventDayRoutes);
  app.route('/', manageSessionPlacesRoutes);
  app.route('/', deskRoutes);
  app.route('/', deskDataRoutes);
  app.route('/', boardingRoutes);
  app.route('/', publicTopicRoutes);
  app.route('/', manageTopicRoutes);

  const api = apiRoutes();
  app.route('/', api);
  const document = openApiDocument(api);
  app.get('/api/openapi.json', access.anyone(), (c) => c.json(document));

  app.notFound(notFound);
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
