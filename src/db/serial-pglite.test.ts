import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { servedInOrder } from './serial-pglite';

describe('servedInOrder', () => {
  it('runs top-level queries and transactions one at a time in arrival order; statements inside a transaction are not queued again', async () => {
    const client = servedInOrder(await PGlite.create());
    try {
      await client.exec('create table log (n int)');
      const order: string[] = [];
      const tx = client.transaction(async (t) => {
        order.push('tx begins');
        await t.query('insert into log values (1)');
        await new Promise((r) => setTimeout(r, 20));
        await t.query('insert into log values (2)');
        order.push('tx ends');
      });
      const after = client.query('select count(*)::int as n from log').then((r) => {
        order.push('query after');
        return (r.rows[0] as { n: number }).n;
      });
      const failing = client.query('select * from missing_table').catch(() => {
        order.push('failure');
      });
      const last = client.exec('select 1').then(() => order.push('exec last'));
      await Promise.all([tx, after, failing, last]);
      expect(await after).toBe(2);
      expect(order).toEqual(['tx begins', 'tx ends', 'query after', 'failure', 'exec last']);
    } finally {
      await client.close();
    }
  });
});
