/** The money API's reads: balances, budget lines, contributions, expenses, receipts, donor statements. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { audit } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import { managedEdition } from '../../programme/index';
import {
  BalanceSchema,
  BudgetLineSchema,
  ContributionDetailSchema,
  ContributionSchema,
  ExpenseSchema,
  StatementSchema,
} from '../api-schemas';
import { balances, donorStatement, findReceipt, loadMoney } from '../queries';
import {
  json,
  EditionParams,
  ContributionParams,
  ExpenseParams,
  DonorParams,
  read,
  common,
  MONEY,
  CONTRIBUTION,
  found,
  contributionOut,
  expenseOut,
  findContribution,
} from './shared';

export function registerMoneyReads(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${MONEY}/balances`,
      summary: 'Balances per currency: planned, pledged, received, outstanding, spent, in kind',
      middleware: [read] as const,
      request: { params: EditionParams },
      responses: { 200: json(z.array(BalanceSchema), 'One row per currency'), ...found },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      return c.json(balances(await loadMoney(c.var.deps.db, edition.id)), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${MONEY}/budget-lines`,
      summary: 'Budget lines by activity, with what was spent and the donors restricted to them',
      middleware: [read] as const,
      request: { params: EditionParams },
      responses: { 200: json(z.array(BudgetLineSchema), 'Budget lines'), ...found },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const money = await loadMoney(c.var.deps.db, edition.id);
      return c.json(
        money.lines.map((l) => ({
          id: l.id,
          activity: l.activity,
          name: l.name,
          currency: l.currency,
          plannedMinor: l.plannedMinor,
          spentMinor: l.spentMinor,
          fundedBy: l.fundedBy,
        })),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${MONEY}/contributions`,
      summary: 'Cash and in-kind contributions, by donor',
      middleware: [read] as const,
      request: { params: EditionParams },
      responses: { 200: json(z.array(ContributionSchema), 'Contributions'), ...found },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const money = await loadMoney(c.var.deps.db, edition.id);
      return c.json([...money.cash, ...money.inKind].map(contributionOut), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: CONTRIBUTION,
      summary: 'One contribution with its ledger entries and the expenses it paid',
      middleware: [read] as const,
      request: { params: ContributionParams },
      responses: { 200: json(ContributionDetailSchema, 'The contribution'), ...found },
    }),
    async (c) => c.json((await findContribution(c)).contribution, 200),
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${MONEY}/expenses`,
      summary: 'Expenses, oldest first',
      middleware: [read] as const,
      request: { params: EditionParams },
      responses: { 200: json(z.array(ExpenseSchema), 'Expenses'), ...found },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const money = await loadMoney(c.var.deps.db, edition.id);
      return c.json(money.expenses.map(expenseOut), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${MONEY}/expenses/{expense}/receipt`,
      summary: 'An expense’s receipt file (PDF, PNG or JPEG), audit-logged',
      middleware: [read] as const,
      request: { params: ExpenseParams },
      responses: {
        200: {
          description: 'The file',
          content: {
            'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        ...found,
      },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const { expense } = c.req.valid('param');
      const file = await findReceipt(c.var.deps.db, edition.id, expense);
      if (!file) throw new AppError('not_found');
      await audit(c, 'money.receipt_downloaded', {
        targetType: 'expense',
        targetId: expense,
        data: { via: 'api' },
      });
      c.header('Content-Type', file.contentType);
      c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
      c.header('Cache-Control', 'no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(new Uint8Array(file.bytes), 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: `${MONEY}/donors/{institution}`,
      summary: 'A donor’s statement: what they gave and what their money paid for',
      middleware: [read] as const,
      request: { params: DonorParams },
      responses: { 200: json(StatementSchema, 'The statement'), ...found },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const s = await donorStatement(c.var.deps.db, edition.id, c.req.valid('param').institution);
      if (!s) throw new AppError('not_found');
      return c.json(
        {
          donor: { id: s.donor.id, name: s.donor.name },
          cash: s.cash.map(contributionOut),
          inKind: s.inKind.map(contributionOut),
          expenses: s.expenses.map(expenseOut),
          totals: s.totals,
        },
        200,
      );
    },
  );
}
