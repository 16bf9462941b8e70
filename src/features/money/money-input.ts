/**
 * The money forms' shapes. Amounts arrive as text and become integer minor units of the chosen
 * currency; every message is a catalogue key, shown beside its field.
 *
 * @example
 * const form = await readForm(c, pledgeForm);
 */
import { z } from 'zod';
import { fields } from '../../lib/fields';
import { currencies, toMinor } from './amounts';
import { sponsorLevels } from './schema';

const currency = z.enum(currencies, { error: 'form.required' });
const day = () => z.string({ error: 'form.required' }).trim().pipe(z.iso.date('form.invalid'));
const id = (error = 'form.required') => z.uuid({ error });
const amountText = z.string().trim().optional().default('');
/** Ticked checkboxes with one name: absent, one value or several. */
const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.uuid('form.invalid')));
const level = z
  .union([z.enum(sponsorLevels), z.literal('')])
  .optional()
  .transform((v) => v || null);

type WithAmountText = { amount: string; currency: string };

function parseAmount(v: WithAmountText, ctx: z.RefinementCtx): number | undefined {
  const minor = v.amount ? toMinor(v.amount, v.currency) : undefined;
  if (minor === undefined || minor === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['amount'],
      message: v.amount ? 'money.form.amountInvalid' : 'form.required',
    });
    return undefined;
  }
  return minor;
}

function withoutAmount<T extends WithAmountText>(v: T): Omit<T, 'amount'> {
  const copy: Partial<T> = { ...v };
  delete copy.amount;
  return copy as Omit<T, 'amount'>;
}

/** Parses a required `amount` in the chosen `currency` into `amountMinor`. */
function withAmount<T extends WithAmountText>(v: T, ctx: z.RefinementCtx) {
  const rest = withoutAmount(v);
  const amountMinor = parseAmount(v, ctx);
  return amountMinor === undefined ? z.NEVER : { ...rest, amountMinor };
}

/** The same, but a blank amount means "no value stated" (null). */
function withOptionalAmount<T extends WithAmountText>(v: T, ctx: z.RefinementCtx) {
  const rest = withoutAmount(v);
  if (!v.amount) return { ...rest, amountMinor: null };
  const amountMinor = parseAmount(v, ctx);
  return amountMinor === undefined ? z.NEVER : { ...rest, amountMinor };
}

export const lineForm = z
  .object({
    activity: fields.text({ max: 120 }),
    name: fields.text({ max: 200 }),
    currency,
    amount: amountText,
  })
  .transform(withAmount);
export type LineInput = z.output<typeof lineForm>;

export const pledgeForm = z
  .object({
    institutionId: id(),
    currency,
    amount: amountText,
    pledgedOn: day(),
    lines: ids,
    acknowledged: fields.checkbox(),
    sponsorLevel: level,
  })
  .transform(withAmount);
export type PledgeInput = z.output<typeof pledgeForm>;

export const inKindForm = z
  .object({
    institutionId: id(),
    description: fields.text({ max: 500 }),
    currency,
    amount: amountText,
    acknowledged: fields.checkbox(),
    sponsorLevel: level,
  })
  .transform(withOptionalAmount);
export type InKindInput = z.output<typeof inKindForm>;

/** Amounts of the forms below are parsed in the contribution's or line's currency. */
export const receiptForm = z.object({ receivedOn: day(), amount: amountText });
export const correctionForm = z.object({ amount: amountText, note: fields.text({ max: 500 }) });
export const cancelForm = z.object({ note: fields.text({ max: 500 }) });
export const expenseForm = z.object({
  budgetLineId: id(),
  contributionId: z
    .union([z.uuid('form.invalid'), z.literal('')])
    .optional()
    .transform((v) => v || null),
  spentOn: day(),
  payee: fields.text({ max: 200 }),
  description: fields.optionalText(500),
  amount: amountText,
});
export type ExpenseInput = z.output<typeof expenseForm>;
