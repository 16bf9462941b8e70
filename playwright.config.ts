import { randomUUID } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import { E2E } from './tests/e2e/support/constants';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// One id per run, inherited by the server and the workers: the readiness URL answers 200 only
// for it, so a run never mistakes another checkout's server (same ports) for its own.
const runId = (process.env.E2E_RUN_ID ||= randomUUID());

/**
 * Browser journeys against the machine's Chromium (Debian's package; browsers are never
 * downloaded), one worker for 2-core machines, axe on every page. The server is
 * tests/e2e/support/server.ts: Convoca on an in-memory database at :3100 plus a fixture-control
 * server at :3101 (E2E_PORT moves both). The JSON report goes to PLAYWRIGHT_JSON_OUTPUT_NAME (set by scripts/test.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  globalTimeout: 15 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json']],
  outputDir: 'test-results',
  use: {
    baseURL: E2E.baseUrl,
    locale: 'es-GT',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node_modules/.bin/tsx tests/e2e/support/server.ts',
    // The control server starts only once the app answers, so this also means /healthz is up.
    url: `${E2E.controlUrl}/ready?run=${runId}`,
    env: { E2E_RUN_ID: runId },
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
