import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import { createApp } from '../app';
import { access } from './access';
import { databaseUnavailable } from './database-unavailable';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const wrapped = (cause: unknown) =>
  Object.assign(new Error('Failed query: select 1\nparams: '), { query: 'select 1', cause });

describe('the database out of reach', () => {
  it('is told apart from a fault in the request', () => {
    expect(databaseUnavailable(refused())).toBe(true);
    expect(
      databaseUnavailable(wrapped(Object.assign(new Error('terminating'), { code: '57P01' }))),
    ).toBe(true);
    expect(databaseUnavailable(new AggregateError([refused()]))).toBe(true);
    expect(databaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(databaseUnavailable(wrapped(Object.assign(new Error('bad'), { code: '22P02' })))).toBe(
      false,
    );
    expect(databaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });

  it('answers 503 with a clear page, or JSON under /api, asking to retry shortly', async () => {
    const app = createApp(t.deps);
    app.get('/test-only/outage', access.anyone(), () => {
      throw wrapped(refused());
    });
    app.get('/api/test-only/outage', access.anyone(), () => {
      throw wrapped(refused());
    });
    const page = await app.request('/test-only/outage');
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('5');
    expect(await page.text()).toContain('Servicio no disponible por un momento');
    const api = await app.request('/api/test-only/outage', {
      headers: { 'accept-language': 'en' },
    });
    expect(api.status).toBe(503);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('unavailable');
  });
});
