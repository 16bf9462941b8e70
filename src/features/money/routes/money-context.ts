/**
 * What every money page needs: the edition named in the URL (inside the initiative that
 * `access.initiative()` authorised), its base path, and form errors from money rules.
 */
import { inputErrorsOrThrow } from '../../../http/input-error';
import type { Context } from 'hono';
import type { FieldErrors } from '../../../http/form';
import type { AppEnv } from '../../../http/types';
import { managedEdition } from '../../programme/index';
import { moneyPermissions } from '../permissions';
import { access } from '../../../http/access';

export const viewers = () => access.initiative(moneyPermissions.viewMoney);
export const editors = () => access.initiative(moneyPermissions.editMoney);

export async function moneyEdition(c: Context<AppEnv>) {
  const edition = await managedEdition(c);
  return { edition, base: `/i/${c.var.initiative.slug}/editions/${edition.slug}/money` };
}

/** The messages of a money rule, beside their fields, in the reader's language. */
export function moneyErrors(c: Context<AppEnv>, e: unknown): FieldErrors {
  return inputErrorsOrThrow(c, e);
}
