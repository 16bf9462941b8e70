/**
 * Where the journeys' server and its fixture-control server listen, and who the first
 * administrator is. E2E_PORT moves both (control = port + 1) so two checkouts on one machine can
 * run their journeys at the same time; E2E_RUN_ID (set by playwright.config.ts) lets the
 * readiness check tell this run's server from anyone else's.
 */
const port = Number(process.env.E2E_PORT || 3100);

export const E2E = {
  port,
  controlPort: port + 1,
  baseUrl: `http://127.0.0.1:${port}`,
  controlUrl: `http://127.0.0.1:${port + 1}`,
  runId: process.env.E2E_RUN_ID ?? '',
  admin: { email: 'admin@convoca.localhost', password: 'e2e-admin-password-123' },
} as const;
