import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outbox, type OutboxMessage } from './schema';

export async function listOutbox(db: Db, o: { page: number; perPage: number }) {
  const [messages, [count]] = await Promise.all([
    db
      .select({
        id: outbox.id,
        to: outbox.to,
        subject: outbox.subject,
        status: outbox.status,
        createdAt: outbox.createdAt,
      })
      .from(outbox)
      .orderBy(desc(outbox.createdAt))
      .limit(o.perPage)
      .offset((o.page - 1) * o.perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(outbox),
  ]);
  return { messages, total: count?.n ?? 0 };
}

export async function getOutboxMessage(db: Db, id: string): Promise<OutboxMessage | undefined> {
  const [m] = await db.select().from(outbox).where(eq(outbox.id, id));
  return m;
}
