/** Entry point: environment -> database -> migrations -> serve. */
import { serve } from '@hono/node-server';
import { loadEnv } from './env';
import { coreJobs } from './core/jobs/core-jobs';
import { startScheduler } from './core/jobs/start-scheduler';
import { modules } from './modules';
import { prepare } from './start';

const env = loadEnv();
const { app, deps, firstAdmin, demo } = await prepare(env);

// Periodic work of the core and of every module, each job on one process at a time.
const stopScheduler = startScheduler(deps, [...coreJobs, ...modules.flatMap((m) => m.jobs ?? [])]);

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
  stopScheduler();
  server.close(() => void deps.database.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
