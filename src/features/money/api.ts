/**
 * `/api/v1/initiatives/{slug}/editions/{edition}/money…`: an edition's money for its coordinators
 * and the finance role (administrators too) — balances per currency, budget lines, contributions
 * (pledge, receipt, correction, cancellation, in kind) with their ledger, expenses and donor
 * statements. Scopes `money:read` and `money:write`; every change is audit-logged like on the
 * pages. Receipt files are uploaded on the money pages (multipart stays there) and downloaded
 * here. Amounts are integers in minor units.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { AppError } from '../../http/errors';
import type { AppEnv } from '../../http/types';
import { apiAccess } from '../api/api-access';
import { errorResponses, invalidResponse, notFoundResponse } from '../api/responses';
import { managedEdition } from '../programme/routes/manage-context';
import { addBudgetLine } from './add-budget-line';
import { toMajorText } from './amounts';
import {
  BalanceSchema,
  BudgetLineInputSchema,
  BudgetLineSchema,
  CancelInputSchema,
  ContributionDetailSchema,
  ContributionSchema,
  CorrectionInputSchema,
  ExpenseInputSchema,
  ExpenseSchema,
  InKindInputSchema,
  PledgeInputSchema,
  ReceiptInputSchema,
  StatementSchema,
} from './api-schemas';
import { cancelPledge } from './cancel-pledge';
import { correctReceipt } from './correct-receipt';
import { MoneyInputError } from './errors';
import { moneyPermissions } from './permissions';
import {
  balances,
  contributionHistory,
  donorStatement,
  findReceipt,
  loadMoney,
  type Money,
} from './queries';
import { recordExpense } from './record-expense';
import { recordInKind } from './record-in-kind';
import { recordPledge } from './record-pledge';
import { recordReceipt } from './record-receipt';
import type { ContributionEntry } from './schema';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const param = (name: string, example: string) =>
  z.string().openapi({ param: { name, in: 'path' }, example });
const uuidParam = (name: string) => z.uuid().openapi({ param: { name, in: 'path' } });
const EditionParams = z.object({
  slug: param('slug', 'igf-guatemala'),
  edition: param('edition', 'igf-guatemala-2018'),
});
const ContributionParams = EditionParams.extend({ contribution: uuidParam('contribution') });
const ExpenseParams = EditionParams.extend({ expense: uuidParam('expense') });
const DonorParams = EditionParams.extend({ institution: uuidParam('institution') });

const read = apiAccess.initiative('money:read', moneyPermissions.viewMoney);
const write = apiAccess.initiative('money:write', moneyPermissions.editMoney);
const common = { tags: ['money'], security: [{ bearerAuth: [] }] };
const MONEY = '/api/v1/initiatives/{slug}/editions/{edition}/money';
const CONTRIBUTION = `${MONEY}/contributions/{contribution}`;
const found = { ...notFoundResponse, ...errorResponses };
const writes = { ...invalidResponse, ...notFoundResponse, ...errorResponses };

type Row = Money['cash'][number];
const contributionOut = (k: Row) => ({
  id: k.id,
  institutionId: k.institutionId,
  donor: k.donor,
  kind: k.kind,
  status: k.status,
  description: k.description,
  currency: k.currency,
  amountMinor: k.amountMinor,
  receivedMinor: k.receivedMinor,
  spentMinor: k.spentMinor,
  pledgedOn: k.pledgedOn,
  restrictedTo: k.restrictedTo,
  acknowledged: k.acknowledged,
  sponsorLevel: k.sponsorLevel,
  source: k.source,
});
const expenseOut = (e: Money['expenses'][number]) => ({
  id: e.id,
  budgetLineId: e.budgetLineId,
  line: e.line,
  contributionId: e.contributionId,
  donor: e.donor,
  spentOn: e.spentOn,
  payee: e.payee,
  description: e.description,
  currency: e.currency,
  amountMinor: e.amountMinor,
  hasReceipt: Boolean(e.receiptId),
});
const entryOut = (e: ContributionEntry) => ({
  id: e.id,
  kind: e.kind,
  amountMinor: e.amountMinor,
  occurredOn: e.occurredOn,
  corrects: e.corrects,
  note: e.note,
});

/** The JSON names of the fields the money functions name. */
const apiField: Record<string, string> = { amount: 'amountMinor', note: 'note' };

/** A money rule broken: 422 with a message per JSON field in the caller's language. */
function invalid(c: Context<AppEnv>, error: unknown): never {
  if (!(error instanceof MoneyInputError)) throw error;
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([k, m]) => [apiField[k] ?? k, c.var.t(m.key, m.params)]),
  );
  throw new AppError('invalid', { fields });
}

async function detail(c: Context<AppEnv>, editionId: string, contributionId: string) {
  const history = await contributionHistory(c.var.deps.db, editionId, contributionId);
  if (!history) throw new AppError('not_found');
  return {
    ...contributionOut(history.contribution),
    entries: history.entries.map(entryOut),
    expenses: history.expenses.map(expenseOut),
  };
}

/**
 * Records a new contribution (a pledge, a gift in kind) with `record`, audit-logs it as `action`
 * and gives its detail; a broken money rule is a 422.
 */
async function newContribution<I extends object>(
  c: Context<AppEnv>,
  input: I,
  record: (db: Db, o: { editionId: string; userId: string; input: I }) => Promise<{ id: string }>,
  action: string,
) {
  const edition = await managedEdition(c);
  const row = await record(c.var.deps.db, {
    editionId: edition.id,
    userId: c.var.user!.id,
    input,
  }).catch((e: unknown) => invalid(c, e));
  await audit(c, action, {
    targetType: 'contribution',
    targetId: row.id,
    data: { ...input, via: 'api' },
  });
  return detail(c, edition.id, row.id);
}

async function findContribution(c: Context<AppEnv>) {
  const edition = await managedEdition(c);
  const found = await detail(c, edition.id, c.req.param('contribution') ?? '');
  return { edition, contribution: found };
}

/**
 * Changes the contribution named in the path with `change` (a ledger entry, a cancellation),
 * audit-logs it as `action` with `data` of what `change` gave, and gives the contribution's detail
 * after it; a broken money rule is a 422.
 */
async function changeContribution<E>(
  c: Context<AppEnv>,
  action: string,
  change: (
    ids: { editionId: string; contributionId: string; userId: string },
    currency: string,
  ) => Promise<E>,
  data: (entry: E) => Record<string, unknown>,
) {
  const { edition, contribution } = await findContribution(c);
  const ids = { editionId: edition.id, contributionId: contribution.id, userId: c.var.user!.id };
  const entry = await change(ids, contribution.currency).catch((e: unknown) => invalid(c, e));
  await audit(c, action, {
    targetType: 'contribution',
    targetId: contribution.id,
    data: { ...data(entry), via: 'api' },
  });
  return detail(c, edition.id, contribution.id);
}

export function registerMoneyApi(api: OpenAPIHono<AppEnv>) {
  registerMoneyReads(api);
  registerMoneyWrites(api);
  registerLedgerWrites(api);
}

function registerMoneyReads(api: OpenAPIHono<AppEnv>) {
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

function registerMoneyWrites(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${MONEY}/budget-lines`,
      summary: 'Add a budget line',
      middleware: [write] as const,
      request: { params: EditionParams, ...body(BudgetLineInputSchema) },
      responses: { 201: json(BudgetLineSchema, 'Added'), ...writes },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const input = c.req.valid('json');
      const line = await addBudgetLine(c.var.deps.db, { editionId: edition.id, input });
      await audit(c, 'money.line_added', {
        targetType: 'budget_line',
        targetId: line.id,
        data: { ...input, via: 'api' },
      });
      return c.json(
        {
          id: line.id,
          activity: line.activity,
          name: line.name,
          currency: line.currency,
          plannedMinor: line.plannedMinor,
          spentMinor: 0,
          fundedBy: [],
        },
        201,
      );
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${MONEY}/contributions/pledges`,
      summary: 'Record a cash pledge, optionally restricted to budget lines of its currency',
      middleware: [write] as const,
      request: { params: EditionParams, ...body(PledgeInputSchema) },
      responses: { 201: json(ContributionDetailSchema, 'Recorded'), ...writes },
    }),
    async (c) =>
      c.json(
        await newContribution(c, c.req.valid('json'), recordPledge, 'money.pledge_recorded'),
        201,
      ),
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${MONEY}/contributions/in-kind`,
      summary: 'Record an in-kind gift (what it is, its estimated value when one is known)',
      middleware: [write] as const,
      request: { params: EditionParams, ...body(InKindInputSchema) },
      responses: { 201: json(ContributionDetailSchema, 'Recorded'), ...writes },
    }),
    async (c) =>
      c.json(
        await newContribution(c, c.req.valid('json'), recordInKind, 'money.in_kind_recorded'),
        201,
      ),
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${MONEY}/expenses`,
      summary:
        'Record an expense against a budget line, optionally paid from a received contribution (restricted funds checked); attach the receipt file on the money pages',
      middleware: [write] as const,
      request: { params: EditionParams, ...body(ExpenseInputSchema) },
      responses: { 201: json(ExpenseSchema, 'Recorded'), ...writes },
    }),
    async (c) => {
      const edition = await managedEdition(c);
      const { db } = c.var.deps;
      const { amountMinor, ...input } = c.req.valid('json');
      const line = (await loadMoney(db, edition.id)).lines.find((l) => l.id === input.budgetLineId);
      if (!line)
        throw new AppError('invalid', { fields: { budgetLineId: c.var.t('form.invalid') } });
      const row = await recordExpense(db, {
        editionId: edition.id,
        userId: c.var.user!.id,
        lang: c.var.lang,
        input: { ...input, amount: toMajorText(amountMinor, line.currency) },
      }).catch((e: unknown) => invalid(c, e));
      await audit(c, 'money.expense_recorded', {
        targetType: 'expense',
        targetId: row.id,
        data: {
          budgetLineId: row.budgetLineId,
          contributionId: row.contributionId,
          amountMinor: row.amountMinor,
          currency: row.currency,
          payee: row.payee,
          receipt: false,
          via: 'api',
        },
      });
      const expense = (await loadMoney(db, edition.id)).expenses.find((e) => e.id === row.id);
      if (!expense) throw new AppError('not_found');
      return c.json(expenseOut(expense), 201);
    },
  );
}

function registerLedgerWrites(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${CONTRIBUTION}/receipt`,
      summary: 'Record that a pledge arrived (the pledged amount unless another is given)',
      middleware: [write] as const,
      request: { params: ContributionParams, ...body(ReceiptInputSchema) },
      responses: { 200: json(ContributionDetailSchema, 'Received'), ...writes },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const changed = await changeContribution(
        c,
        'money.receipt_recorded',
        (ids, currency) =>
          recordReceipt(c.var.deps.db, {
            ...ids,
            receivedOn: input.receivedOn,
            amountText:
              input.amountMinor === undefined ? '' : toMajorText(input.amountMinor, currency),
          }),
        (entry) => ({
          entryId: entry?.id,
          amountMinor: entry?.amountMinor,
          receivedOn: input.receivedOn,
        }),
      );
      return c.json(changed, 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${CONTRIBUTION}/correction`,
      summary:
        'Correct the total received: a new ledger entry with the difference and the reason (past entries are never edited)',
      middleware: [write] as const,
      request: { params: ContributionParams, ...body(CorrectionInputSchema) },
      responses: { 200: json(ContributionDetailSchema, 'Corrected'), ...writes },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const changed = await changeContribution(
        c,
        'money.receipt_corrected',
        (ids, currency) =>
          correctReceipt(c.var.deps.db, {
            ...ids,
            amountText: input.amountMinor === 0 ? '0' : toMajorText(input.amountMinor, currency),
            note: input.note,
          }),
        (entry) => ({ entryId: entry?.id, differenceMinor: entry?.amountMinor, note: input.note }),
      );
      return c.json(changed, 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `${CONTRIBUTION}/cancel`,
      summary: 'Cancel a pledge that will not arrive, with the reason',
      middleware: [write] as const,
      request: { params: ContributionParams, ...body(CancelInputSchema) },
      responses: { 200: json(ContributionDetailSchema, 'Cancelled'), ...writes },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const changed = await changeContribution(
        c,
        'money.pledge_cancelled',
        (ids) => cancelPledge(c.var.deps.db, { ...ids, note: input.note }),
        () => ({ note: input.note }),
      );
      return c.json(changed, 200);
    },
  );
}
