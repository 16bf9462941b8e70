/**
 * Loads demo/money.json: IGF Guatemala 2018's cash contributions (received, or pledged and not
 * received) and in-kind gifts, each from an institution of demo/network.json, with the seed's
 * words as its source. Receipts go through the ledger like any other.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../src/db/client';
import { toMinor } from '../src/features/money/amounts';
import { contributionEntries, contributions } from '../src/features/money/schema';
import { institutions } from '../src/features/network/schema';
import { editions } from '../src/features/programme/schema';
import { readNetworkFile } from './load-network';

const file = z.object({
  edition: z.string(),
  receivedOn: z.iso.date(),
  receivedNote: z.string(),
  cash: z.array(
    z.object({
      donor: z.string(),
      currency: z.string().length(3),
      amount: z.string(),
      status: z.enum(['pledged', 'received']),
      source: z.string(),
    }),
  ),
  inKind: z.array(
    z.object({
      donor: z.string(),
      description: z.string(),
      currency: z.string().length(3).optional(),
      value: z.string().optional(),
      source: z.string(),
    }),
  ),
});

export function readMoneyFile() {
  return file.parse(JSON.parse(readFileSync(new URL('./money.json', import.meta.url), 'utf8')));
}

export async function loadMoney(db: Db) {
  const data = readMoneyFile();
  const [edition] = await db.select().from(editions).where(eq(editions.slug, data.edition));
  if (!edition) throw new Error(`The money demo needs the edition ${data.edition}`);
  const names = new Map(readNetworkFile().institutions.map((i) => [i.key, i.name]));
  const donorId = async (key: string) => {
    const name = names.get(key);
    const [row] = name
      ? await db
          .select({ id: institutions.id })
          .from(institutions)
          .where(eq(institutions.name, name))
      : [];
    if (!row) throw new Error(`Donor ${key} is not in demo/network.json`);
    return row.id;
  };
  const amount = (text: string, currency: string) => {
    const minor = toMinor(text, currency);
    if (minor === undefined) throw new Error(`Bad amount ${text}`);
    return minor;
  };
  for (const c of data.cash) {
    const amountMinor = amount(c.amount, c.currency);
    const [row] = await db
      .insert(contributions)
      .values({
        editionId: edition.id,
        institutionId: await donorId(c.donor),
        kind: 'cash',
        status: c.status,
        currency: c.currency,
        amountMinor,
        acknowledged: true,
        sponsorLevel: 'sponsor',
        source: c.source,
      })
      .returning();
    if (c.status === 'received')
      await db.insert(contributionEntries).values({
        contributionId: row!.id,
        kind: 'receipt',
        amountMinor,
        occurredOn: data.receivedOn,
        note: data.receivedNote,
      });
  }
  for (const k of data.inKind)
    await db.insert(contributions).values({
      editionId: edition.id,
      institutionId: await donorId(k.donor),
      kind: 'in_kind',
      status: 'received',
      description: k.description,
      currency: k.currency ?? 'USD',
      amountMinor: k.value ? amount(k.value, k.currency ?? 'USD') : null,
      acknowledged: true,
      sponsorLevel: 'supporter',
      source: k.source,
    });
}
