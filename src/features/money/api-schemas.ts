/**
 * The shapes of the money API (`/api/v1/…/money`), described in OpenAPI. Amounts are integers in
 * the currency's minor units (cents) with an ISO 4217 code, in and out — never floats.
 */
import { z } from '@hono/zod-openapi';
import { currencies } from './amounts';
import { contributionKinds, contributionStatuses, entryKinds, sponsorLevels } from './schema';

const minor = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description}, in minor units (cents)` });
const positiveMinor = (description: string) =>
  z
    .number()
    .int()
    .positive()
    .max(10 ** 13)
    .openapi({ description: `${description}, in minor units (cents)`, example: 250000 });
const currency = z.enum(currencies).openapi({ example: 'USD' });
const day = z.iso.date().openapi({ example: '2018-10-25' });

export const BalanceSchema = z
  .object({
    currency: z.string(),
    planned: minor('Planned in budget lines'),
    pledged: minor('Cash pledged and not cancelled'),
    received: minor('Cash received (receipts plus corrections)'),
    outstanding: minor('Pledged, not yet received'),
    spent: minor('Expenses'),
    available: minor('Received minus spent'),
    inKind: minor('Estimated value of in-kind gifts'),
  })
  .openapi('MoneyBalance');

export const BudgetLineSchema = z
  .object({
    id: z.uuid(),
    activity: z.string(),
    name: z.string(),
    currency: z.string(),
    plannedMinor: minor('Planned'),
    spentMinor: minor('Spent'),
    fundedBy: z
      .array(z.string())
      .openapi({ description: 'Donors whose funds are restricted to it' }),
  })
  .openapi('BudgetLine');

export const BudgetLineInputSchema = z
  .object({
    activity: z.string().trim().min(1).max(120).openapi({ example: 'Foro' }),
    name: z.string().trim().min(1).max(200).openapi({ example: 'Sede y equipo' }),
    currency,
    amountMinor: positiveMinor('Planned amount'),
  })
  .openapi('BudgetLineInput');

export const ContributionSchema = z
  .object({
    id: z.uuid(),
    institutionId: z.uuid(),
    donor: z.string(),
    kind: z.enum(contributionKinds),
    status: z.enum(contributionStatuses),
    description: z.string().nullable(),
    currency: z.string(),
    amountMinor: minor(
      'Pledged amount, or the estimated value in kind (null: none stated)',
    ).nullable(),
    receivedMinor: minor('Received so far'),
    spentMinor: minor('Spent from it'),
    pledgedOn: z.string().nullable(),
    restrictedTo: z.array(z.string()).openapi({ description: 'Budget lines it may pay for' }),
    acknowledged: z.boolean(),
    sponsorLevel: z.enum(sponsorLevels).nullable(),
    source: z.string().nullable(),
  })
  .openapi('Contribution');

export const EntrySchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(entryKinds),
    amountMinor: minor('Received (receipt), signed difference (correction), 0 (cancellation)'),
    occurredOn: z.string(),
    corrects: z.number().int().nullable(),
    note: z.string().nullable(),
  })
  .openapi('LedgerEntry');

export const ExpenseSchema = z
  .object({
    id: z.uuid(),
    budgetLineId: z.uuid(),
    line: z.string(),
    contributionId: z.uuid().nullable(),
    donor: z.string().nullable(),
    spentOn: z.string(),
    payee: z.string(),
    description: z.string().nullable(),
    currency: z.string(),
    amountMinor: minor('Amount'),
    hasReceipt: z.boolean().openapi({
      description: 'A receipt file is attached (uploaded and downloaded on the money pages)',
    }),
  })
  .openapi('Expense');

export const ContributionDetailSchema = ContributionSchema.extend({
  entries: z.array(EntrySchema),
  expenses: z.array(ExpenseSchema),
}).openapi('ContributionDetail');

const sponsorFields = {
  acknowledged: z
    .boolean()
    .default(false)
    .openapi({ description: 'The donor agreed to be named on the public page' }),
  sponsorLevel: z.enum(sponsorLevels).nullable().default(null),
};

export const PledgeInputSchema = z
  .object({
    institutionId: z.uuid().openapi({ description: 'The donor, an institution of the network' }),
    currency,
    amountMinor: positiveMinor('Pledged amount'),
    pledgedOn: day,
    lines: z
      .array(z.uuid())
      .max(100)
      .default([])
      .openapi({ description: 'Restricted funds: the budget lines it may pay for (none: any)' }),
    ...sponsorFields,
  })
  .openapi('PledgeInput');

export const InKindInputSchema = z
  .object({
    institutionId: z.uuid(),
    description: z.string().trim().min(1).max(500).openapi({ example: 'Sede y equipo' }),
    currency,
    amountMinor: positiveMinor('Estimated value').nullable().default(null),
    ...sponsorFields,
  })
  .openapi('InKindInput');

export const ReceiptInputSchema = z
  .object({
    receivedOn: day,
    amountMinor: positiveMinor('Received, when it differs from the pledge').optional(),
  })
  .openapi('ReceiptInput');

export const CorrectionInputSchema = z
  .object({
    amountMinor: z
      .number()
      .int()
      .min(0)
      .max(10 ** 13)
      .openapi({ description: 'The corrected total received, in minor units' }),
    note: z.string().trim().min(1).max(500).openapi({ description: 'Why' }),
  })
  .openapi('CorrectionInput');

export const CancelInputSchema = z
  .object({ note: z.string().trim().min(1).max(500).openapi({ description: 'Why' }) })
  .openapi('CancelInput');

export const ExpenseInputSchema = z
  .object({
    budgetLineId: z.uuid(),
    contributionId: z
      .uuid()
      .nullable()
      .default(null)
      .openapi({ description: 'The contribution that pays for it (received cash), or none' }),
    spentOn: day,
    payee: z.string().trim().min(1).max(200),
    description: z.string().trim().max(500).nullable().default(null),
    amountMinor: positiveMinor('Amount, in the budget line’s currency'),
  })
  .openapi('ExpenseInput');

export const StatementSchema = z
  .object({
    donor: z.object({ id: z.uuid(), name: z.string() }),
    cash: z.array(ContributionSchema),
    inKind: z.array(ContributionSchema),
    expenses: z.array(ExpenseSchema),
    totals: z.array(BalanceSchema),
  })
  .openapi('DonorStatement');
