/** The money API's writes: budget lines, pledges, in kind, expenses, and the ledger (receipt, correction, cancellation). */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import { managedEdition } from '../../programme/index';
import { addBudgetLine } from '../add-budget-line';
import { toMajorText } from '../amounts';
import {
  BudgetLineInputSchema,
  BudgetLineSchema,
  CancelInputSchema,
  ContributionDetailSchema,
  CorrectionInputSchema,
  ExpenseInputSchema,
  ExpenseSchema,
  InKindInputSchema,
  PledgeInputSchema,
  ReceiptInputSchema,
} from '../api-schemas';
import { cancelPledge } from '../cancel-pledge';
import { correctReceipt } from '../correct-receipt';
import { loadMoney } from '../queries';
import { recordExpense } from '../record-expense';
import { recordInKind } from '../record-in-kind';
import { recordPledge } from '../record-pledge';
import { recordReceipt } from '../record-receipt';
import {
  json,
  body,
  EditionParams,
  ContributionParams,
  write,
  common,
  MONEY,
  CONTRIBUTION,
  writes,
  expenseOut,
  invalid,
  newContribution,
  changeContribution,
} from './shared';

export function registerMoneyWrites(api: OpenAPIHono<AppEnv>) {
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
      const line = await audited(
        c,
        (tx) => addBudgetLine(tx, { editionId: edition.id, input }),
        (l) => ({
          action: 'money.line_added',
          targetType: 'budget_line',
          targetId: l.id,
          data: { ...input, via: 'api' },
        }),
      );
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
      const row = await audited(
        c,
        (tx) =>
          recordExpense(tx, {
            editionId: edition.id,
            userId: c.var.user!.id,
            lang: c.var.lang,
            input: { ...input, amount: toMajorText(amountMinor, line.currency) },
          }),
        (r) => ({
          action: 'money.expense_recorded',
          targetType: 'expense',
          targetId: r.id,
          data: {
            budgetLineId: r.budgetLineId,
            contributionId: r.contributionId,
            amountMinor: r.amountMinor,
            currency: r.currency,
            payee: r.payee,
            receipt: false,
            via: 'api',
          },
        }),
      ).catch((e: unknown) => invalid(c, e));
      const expense = (await loadMoney(db, edition.id)).expenses.find((e) => e.id === row.id);
      if (!expense) throw new AppError('not_found');
      return c.json(expenseOut(expense), 201);
    },
  );
}

export function registerLedgerWrites(api: OpenAPIHono<AppEnv>) {
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
        (tx, ids, currency) =>
          recordReceipt(tx, {
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
        (tx, ids, currency) =>
          correctReceipt(tx, {
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
        (tx, ids) => cancelPledge(tx, { ...ids, note: input.note }),
        () => ({ note: input.note }),
      );
      return c.json(changed, 200);
    },
  );
}
