import { eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/test-database';
import { auditLog } from '../core/audit/schema';
import type { Db } from '../db/client';
import { audited } from './audit';
import type { AppEnv } from './types';

type Probe = Awaited<ReturnType<typeof openTestDatabase>>;

async function addProbe(tx: Db, name: string, fail = false) {
  await tx.execute(sql`insert into audited_probe (name) values (${name})`);
  if (fail) throw new Error('the change failed');
  return name;
}

describe('audited: a change and its audit entry share one transaction', () => {
  let database: Probe;
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.execute(sql`create table audited_probe (name text not null)`);
    app = new Hono<AppEnv>()
      .use(async (c, next) => {
        c.set('deps', { db: database.db } as AppEnv['Variables']['deps']);
        c.set('user', null);
        c.set('clientIp', '203.0.113.5');
        await next();
      })
      .post('/:name', async (c) => {
        const name = c.req.param('name');
        const mode = c.req.query('mode');
        await audited(
          c,
          (tx) => addProbe(tx, name, mode === 'change-fails'),
          (n) =>
            mode === 'nothing'
              ? null
              : {
                  action: 'auth.sign_out',
                  targetType: 'probe',
                  targetId: n,
                  // PostgreSQL refuses a NUL character in jsonb, so the entry cannot be written.
                  data: mode === 'audit-fails' ? { note: 'a\u0000b' } : {},
                },
        );
        return c.text('ok');
      });
    app.onError((_e, c) => c.text('failed', 500));
  });
  afterAll(() => database.drop());

  const probes = async (name: string) =>
    (
      (await database.db.execute(sql`select name from audited_probe where name = ${name}`)) as {
        rows: unknown[];
      }
    ).rows.length;
  const entries = async (name: string) =>
    (await database.db.select().from(auditLog).where(eq(auditLog.targetId, name))).length;

  it('writes both the change and the entry, with the request as actor', async () => {
    expect((await app.request('/kept', { method: 'POST' })).status).toBe(200);
    expect(await probes('kept')).toBe(1);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.targetId, 'kept'));
    expect(entry).toMatchObject({
      action: 'auth.sign_out',
      ip: '203.0.113.5',
      targetType: 'probe',
    });
  });

  it('rolls the change back when its entry cannot be written', async () => {
    expect((await app.request('/lost?mode=audit-fails', { method: 'POST' })).status).toBe(500);
    expect(await probes('lost')).toBe(0);
    expect(await entries('lost')).toBe(0);
  });

  it('records nothing when the change fails', async () => {
    expect((await app.request('/broken?mode=change-fails', { method: 'POST' })).status).toBe(500);
    expect(await probes('broken')).toBe(0);
    expect(await entries('broken')).toBe(0);
  });

  it('records nothing when the entry says nothing changed', async () => {
    expect((await app.request('/quiet?mode=nothing', { method: 'POST' })).status).toBe(200);
    expect(await probes('quiet')).toBe(1);
    expect(await entries('quiet')).toBe(0);
  });
});
