/**
 * What the money API's routes share: path parameters, access rules, records written out as JSON,
 * and the steps that create or change a contribution.
 */
import type { AuditAction } from '../../../core/audit/actions';
import { uuidParam } from '../../../core/api/schemas';
import { throwApiInputError } from '../../../http/input-error';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '../../../db/client';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import { apiAccess } from '../../../core/api/api-access';
import { errorResponses, invalidResponse, notFoundResponse } from '../../../core/api/responses';
import { managedEdition } from '../../programme/index';
import { moneyPermissions } from '../permissions';
import { contributionHistory, type Money } from '../queries';
import type { ContributionEntry } from '../schema';
import { jsonBody, jsonResponse } from '../../../core/api/responses';

export const json = jsonResponse;
export const body = <T extends z.ZodType>(schema: T) => ({ body: jsonBody(schema) });
export const param = (name: string, example: string) =>
  z.string().openapi({ param: { name, in: 'path' }, example });
export const EditionParams = z.object({
  slug: param('slug', 'igf-guatemala'),
  edition: param('edition', 'igf-guatemala-2018'),
});
export const ContributionParams = EditionParams.extend({ contribution: uuidParam('contribution') });
export const ExpenseParams = EditionParams.extend({ expense: uuidParam('expense') });
export const DonorParams = EditionParams.extend({ institution: uuidParam('institution') });

export const read = apiAccess.initiative('money:read', moneyPermissions.viewMoney);
export const write = apiAccess.initiative('money:write', moneyPermissions.editMoney);
export const common = { tags: ['money'], security: [{ bearerAuth: [] }] };
export const MONEY = '/api/v1/initiatives/{slug}/editions/{edition}/money';
export const CONTRIBUTION = `${MONEY}/contributions/{contribution}`;
export const found = { ...notFoundResponse, ...errorResponses };
export const writes = { ...invalidResponse, ...notFoundResponse, ...errorResponses };

export type Row = Money['cash'][number];
export const contributionOut = (k: Row) => ({
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
export const expenseOut = (e: Money['expenses'][number]) => ({
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
export const entryOut = (e: ContributionEntry) => ({
  id: e.id,
  kind: e.kind,
  amountMinor: e.amountMinor,
  occurredOn: e.occurredOn,
  corrects: e.corrects,
  note: e.note,
});

/** The JSON names of the fields the money functions name. */
export const apiField: Record<string, string> = { amount: 'amountMinor', note: 'note' };

/** A money rule broken: 422 with a message per JSON field in the caller's language. */
export function invalid(c: Context<AppEnv>, error: unknown): never {
  return throwApiInputError(c, error, apiField);
}

export async function detail(c: Context<AppEnv>, editionId: string, contributionId: string) {
  const history = await contributionHistory(c.var.deps.db, editionId, contributionId);
  if (!history) throw new AppError('not_found');
  return {
    ...contributionOut(history.contribution),
    entries: history.entries.map(entryOut),
    expenses: history.expenses.map(expenseOut),
  };
}

/**
 * Records a new contribution (a pledge, a gift in kind) with `record` and its audit entry as
 * `action` in one transaction, and gives its detail; a broken money rule is a 422.
 *
 * @example
 * c.json(await newContribution(c, c.req.valid('json'), recordPledge, 'money.pledge_recorded'), 201);
 */
export async function newContribution<I extends object>(
  c: Context<AppEnv>,
  input: I,
  record: (db: Db, o: { editionId: string; userId: string; input: I }) => Promise<{ id: string }>,
  action: AuditAction,
) {
  const edition = await managedEdition(c);
  const row = await audited(
    c,
    (tx) => record(tx, { editionId: edition.id, userId: c.var.user!.id, input }),
    (r) => ({ action, targetType: 'contribution', targetId: r.id, data: { ...input, via: 'api' } }),
  ).catch((e: unknown) => invalid(c, e));
  return detail(c, edition.id, row.id);
}

export async function findContribution(c: Context<AppEnv>) {
  const edition = await managedEdition(c);
  const found = await detail(c, edition.id, c.req.param('contribution') ?? '');
  return { edition, contribution: found };
}

/**
 * Changes the contribution named in the path with `change` (a ledger entry, a cancellation),
 * which must use only the transaction it is given, records its audit entry as `action` with
 * `data` of what `change` gave in the same transaction, and gives the contribution's detail
 * after it; a broken money rule is a 422.
 *
 * @example
 * await changeContribution(c, 'money.pledge_cancelled', (tx, ids) => cancelPledge(tx, { ...ids, note }), () => ({ note }));
 */
export async function changeContribution<E>(
  c: Context<AppEnv>,
  action: AuditAction,
  change: (
    tx: Db,
    ids: { editionId: string; contributionId: string; userId: string },
    currency: string,
  ) => Promise<E>,
  data: (entry: E) => Record<string, unknown>,
) {
  const { edition, contribution } = await findContribution(c);
  const ids = { editionId: edition.id, contributionId: contribution.id, userId: c.var.user!.id };
  await audited(
    c,
    (tx) => change(tx, ids, contribution.currency),
    (entry) => ({
      action,
      targetType: 'contribution',
      targetId: contribution.id,
      data: { ...data(entry), via: 'api' },
    }),
  ).catch((e: unknown) => invalid(c, e));
  return detail(c, edition.id, contribution.id);
}
