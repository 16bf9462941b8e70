/** Entry point: environment -> database -> migrations -> serve. */
import { serve } from '@hono/node-server';
import { loadEnv } from './env';
import { sweepOffers } from './features/registration/sweep-offers';
import { sendTaskDigests } from './features/committee/actions/send-task-digests';
import { pruneExpired } from './core/system/prune-expired';
import { prepare } from './start';

const env = loadEnv();
const { app, deps, firstAdmin, demo } = await prepare(env);

const prune = () =>
  pruneExpired(deps.db).then(
    (removed) => deps.log.debug('prune.done', removed),
    (error: unknown) => deps.log.warn('prune.failed', { error: String(error) }),
  );
void prune();
const pruneTimer = setInterval(prune, 60 * 60 * 1000);
pruneTimer.unref();
// Seats offered from the waiting list and not claimed in time pass on within five minutes.
const sweepTimer = setInterval(
  () =>
    void sweepOffers(deps).catch((error: unknown) =>
      deps.log.warn('offers.sweep_failed', { error: String(error) }),
    ),
  5 * 60 * 1000,
);
sweepTimer.unref();
// Weekly task digests: checked hourly, each person gets one a week (claimed in task_digests).
const digestTimer = setInterval(
  () =>
    void sendTaskDigests(deps).catch((error: unknown) =>
      deps.log.warn('tasks.digest_failed', { error: String(error) }),
    ),
  60 * 60 * 1000,
);
digestTimer.unref();

const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => {
  deps.log.info('server.started', {
    url: env.publicUrl,
    address: info.address,
    port: info.port,
    database: deps.database.driver,
    demo: demo.loaded,
  });
  const lines = [`Convoca is running at ${env.publicUrl}`];
  if (firstAdmin) {
    lines.push(
      '',
      'First administrator created. Sign in at ' + `${env.publicUrl}/sign-in with:`,
      `  e-mail:   ${firstAdmin.email}`,
      firstAdmin.generated
        ? `  password: ${firstAdmin.password}`
        : '  password: the one given in CONVOCA_ADMIN_PASSWORD',
      'This is shown only once. Change the password after signing in (My account).',
      'To reset it later: npm run convoca -- admin:create ' + firstAdmin.email,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
});

const shutdown = () => {
  server.close(() => void deps.database.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
