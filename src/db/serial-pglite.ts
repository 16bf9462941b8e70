/**
 * Serves the embedded database's callers strictly in arrival order. PGlite runs one statement or
 * transaction at a time; under a surge of concurrent requests its own lock let a few callers wait
 * far longer than the rest (measured in a registration surge, in-process: registrations p50
 * 86 ms but p99 126 s). Queuing every top-level query, `exec` and transaction here, one at a
 * time and first come first served, hands PGlite one caller at a time, so waiting is shared
 * fairly. Statements inside a transaction use the transaction's own handle and are not queued
 * again.
 *
 * @example
 * const client = servedInOrder(await PGlite.create(dir));
 * const db = drizzle({ client, schema });
 */
import type { PGlite } from '@electric-sql/pglite';

/** Resolves after the event loop's next check phase: sockets, timers and streams get a turn. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function servedInOrder(client: PGlite): PGlite {
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(nextTurn).then(work);
    tail = result.catch(() => undefined);
    return result;
  };
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  return Object.assign(client, {
    query: ((...args: Parameters<PGlite['query']>) =>
      inTurn(() => query(...args))) as PGlite['query'],
    exec: ((...args: Parameters<PGlite['exec']>) => inTurn(() => exec(...args))) as PGlite['exec'],
    transaction: ((...args: Parameters<PGlite['transaction']>) =>
      inTurn(() => transaction(...args))) as PGlite['transaction'],
  });
}
