import { Hono } from 'hono';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { balances, loadMoney } from '../queries';
import {
  BalanceTable,
  CashTable,
  ExpenseTable,
  InKindList,
  LineTable,
} from '../views/money-tables';
import { moneyEdition, viewers } from './money-context';

/** `/i/{slug}/editions/{edition}/money`: balances, lines, contributions, in kind, expenses. */
export const moneyOverviewRoutes = new Hono<AppEnv>().get(
  '/i/:slug/editions/:edition/money',
  viewers(),
  async (c) => {
    const { edition, base } = await moneyEdition(c);
    const money = await loadMoney(c.var.deps.db, edition.id);
    const page = pageOf(c);
    const { t } = page;
    const title = t('money.title', { edition: edition.name });
    return render(
      c,
      <Layout page={page} title={title}>
        <p>
          <a href={`/i/${c.var.initiative.slug}/editions/${edition.slug}`}>{edition.name}</a>
        </p>
        <h1>{title}</h1>
        <ul class="inline-list">
          <li>
            <a href={`${base}/pledges/new`}>{t('money.pledge.new')}</a>
          </li>
          <li>
            <a href={`${base}/in-kind/new`}>{t('money.inKind.new')}</a>
          </li>
          <li>
            <a href={`${base}/lines/new`}>{t('money.lines.new')}</a>
          </li>
          <li>
            <a href={`${base}/expenses/new`}>{t('money.expenses.new')}</a>
          </li>
          <li>
            <a href={`${base}/export/csv`}>{t('money.export.csv')}</a>
          </li>
          <li>
            <a href={`${base}/export/xlsx`}>{t('money.export.xlsx')}</a>
          </li>
        </ul>
        <h2>{t('money.balances')}</h2>
        <BalanceTable page={page} balances={balances(money)} />
        <h2>{t('money.cash.title')}</h2>
        <CashTable page={page} rows={money.cash} base={base} donorLinks />
        <h2>{t('money.inKind.title')}</h2>
        <InKindList page={page} rows={money.inKind} base={base} />
        <h2>{t('money.lines.title')}</h2>
        <LineTable page={page} rows={money.lines} />
        <h2>{t('money.expenses.title')}</h2>
        <ExpenseTable page={page} rows={money.expenses} base={base} />
      </Layout>,
    );
  },
);
