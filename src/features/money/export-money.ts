/**
 * The edition's money as one table for CSV and XLSX: every pledge, ledger entry, in-kind gift
 * and expense, one per row, with amounts as plain decimals in their currency.
 *
 * @example
 * const { header, rows } = moneyTable(money, await ledger(db, editionId), t);
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Translate } from '../../i18n/index';
import { toMajorText } from './amounts';
import type { Money } from './queries';
import { contributionEntries, contributions } from './schema';

export function ledger(db: Db, editionId: string) {
  return db
    .select({ entry: contributionEntries })
    .from(contributionEntries)
    .innerJoin(contributions, eq(contributions.id, contributionEntries.contributionId))
    .where(eq(contributions.editionId, editionId))
    .orderBy(asc(contributionEntries.id));
}

export function moneyTable(
  money: Money,
  entries: Awaited<ReturnType<typeof ledger>>,
  t: Translate,
) {
  const header = [
    t('money.export.type'),
    t('money.date'),
    t('money.donor'),
    t('money.line'),
    t('money.currency'),
    t('money.amount'),
    t('money.status'),
    t('money.note'),
  ];
  const rows: string[][] = [];
  const byId = new Map([...money.cash, ...money.inKind].map((k) => [k.id, k]));
  for (const k of money.cash)
    rows.push([
      t('money.export.pledge'),
      k.pledgedOn ?? '',
      k.donor,
      k.restrictedTo.join(', '),
      k.currency,
      toMajorText(k.amountMinor ?? 0, k.currency),
      t(`money.status.${k.status}`),
      '',
    ]);
  for (const { entry: e } of entries) {
    const k = byId.get(e.contributionId);
    if (!k) continue;
    rows.push([
      t(`money.entry.${e.kind}`),
      e.occurredOn,
      k.donor,
      '',
      k.currency,
      toMajorText(e.amountMinor, k.currency),
      '',
      [e.corrects ? t('money.entry.corrects', { id: e.corrects }) : '', e.note ?? '']
        .filter(Boolean)
        .join(' · '),
    ]);
  }
  for (const k of money.inKind)
    rows.push([
      t('money.kind.in_kind'),
      '',
      k.donor,
      '',
      k.currency,
      k.amountMinor === null ? '' : toMajorText(k.amountMinor, k.currency),
      '',
      k.description ?? '',
    ]);
  for (const l of money.lines)
    rows.push([
      t('money.export.line'),
      '',
      l.activity,
      l.name,
      l.currency,
      toMajorText(l.plannedMinor, l.currency),
      '',
      '',
    ]);
  for (const e of money.expenses)
    rows.push([
      t('money.export.expense'),
      e.spentOn,
      e.donor ?? '',
      e.line,
      e.currency,
      toMajorText(-e.amountMinor, e.currency),
      '',
      [e.payee, e.description].filter(Boolean).join(' · '),
    ]);
  return { header, rows };
}
