/**
 * `/api/v1/initiatives/{slug}/editions/{edition}/money…`: an edition's money for its coordinators
 * and the finance role (administrators too) — balances per currency, budget lines, contributions
 * (pledge, receipt, correction, cancellation, in kind) with their ledger, expenses and donor
 * statements. Scopes `money:read` and `money:write`; every change is audit-logged like on the
 * pages. Receipt files are uploaded on the money pages (multipart stays there) and downloaded
 * here. Amounts are integers in minor units.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../http/types';
import { registerMoneyReads } from './reads';
import { registerLedgerWrites, registerMoneyWrites } from './writes';

export function registerMoneyApi(api: OpenAPIHono<AppEnv>) {
  registerMoneyReads(api);
  registerMoneyWrites(api);
  registerLedgerWrites(api);
}
