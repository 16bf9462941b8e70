/**
 * An edition's money for tests: one budget line, a received cash contribution restricted to it,
 * and an expense with a PDF receipt.
 *
 * @example
 * const { contribution, expense } = await buildMoney(t.db, { edition, institutionId });
 */
import type { Db } from '../../src/db/client';
import {
  budgetLines,
  contributionEntries,
  contributionLines,
  contributions,
  expenses,
  receiptFiles,
} from '../../src/features/money/schema';
import type { Edition } from '../../src/features/programme/schema';

export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n% test receipt\n%%EOF\n');

export async function buildMoney(db: Db, o: { edition: Edition; institutionId: string }) {
  const [line] = await db
    .insert(budgetLines)
    .values({
      editionId: o.edition.id,
      activity: 'Foro',
      name: 'Sede',
      currency: 'USD',
      plannedMinor: 50_000,
    })
    .returning();
  const [contribution] = await db
    .insert(contributions)
    .values({
      editionId: o.edition.id,
      institutionId: o.institutionId,
      kind: 'cash',
      status: 'received',
      currency: 'USD',
      amountMinor: 100_000,
      pledgedOn: '2018-09-01',
    })
    .returning();
  await db
    .insert(contributionLines)
    .values({ contributionId: contribution!.id, budgetLineId: line!.id });
  await db.insert(contributionEntries).values({
    contributionId: contribution!.id,
    kind: 'receipt',
    amountMinor: 100_000,
    occurredOn: '2018-09-15',
  });
  const [file] = await db
    .insert(receiptFiles)
    .values({
      editionId: o.edition.id,
      filename: 'receipt.pdf',
      contentType: 'application/pdf',
      size: PDF_BYTES.length,
      bytes: PDF_BYTES,
    })
    .returning();
  const [expense] = await db
    .insert(expenses)
    .values({
      editionId: o.edition.id,
      budgetLineId: line!.id,
      contributionId: contribution!.id,
      spentOn: '2018-10-01',
      payee: 'Imprenta',
      currency: 'USD',
      amountMinor: 10_000,
      receiptId: file!.id,
    })
    .returning();
  return { line: line!.id, contribution: contribution!.id, expense: expense!.id };
}
