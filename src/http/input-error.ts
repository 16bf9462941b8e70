/**
 * The one error for input that passed a form's shape checks but breaks a rule of the feature
 * (a track name already used, a restricted fund, a closed call…). Each field names a catalogue
 * key (with parameters if any), so pages show the message beside the field and the API answers
 * it in the reader's language, through `translateFieldErrors`.
 *
 * @example
 * throw new InputError({ trackName: 'topics.select.trackTaken' });
 * throw new InputError({ amount: { key: 'money.amount.tooHigh', params: { max: '100' } } });
 */
import type { Context } from 'hono';
import type { MessageKey, Translate } from '../i18n/index';
import { AppError } from './errors';
import type { AppEnv } from './types';

export type FieldMessage = { key: MessageKey; params?: Record<string, string | number> };

export class InputError extends Error {
  /** Each field's message, as a key with its parameters. */
  readonly fields: Record<string, FieldMessage>;
  constructor(fields: Record<string, MessageKey | FieldMessage>) {
    super('input');
    this.name = 'InputError';
    this.fields = Object.fromEntries(
      Object.entries(fields).map(([f, m]) => [f, typeof m === 'string' ? { key: m } : m]),
    );
  }
}

/**
 * The error's messages by field, in the reader's language.
 *
 * @example
 * translateFieldErrors(new InputError({ name: 'form.required' }), t); // { name: 'Obligatorio.' }
 */
export function translateFieldErrors(error: InputError, t: Translate): Record<string, string> {
  return Object.fromEntries(
    Object.entries(error.fields).map(([field, m]) => [field, t(m.key, m.params)]),
  );
}

/**
 * For a page: the messages of an `InputError` to show beside the fields; any other error is
 * thrown on.
 *
 * @example
 * catch (e) { return render(c, <Form errors={inputErrorsOrThrow(c, e)} />, 422); }
 */
export function inputErrorsOrThrow(c: Context<AppEnv>, error: unknown): Record<string, string> {
  if (!(error instanceof InputError)) throw error;
  return translateFieldErrors(error, c.var.t);
}

/**
 * For the API: an `InputError` becomes a 422 whose fields carry the API's names (`rename`
 * maps a form field to its API name); any other error is thrown on.
 *
 * @example
 * catch (e) { throwApiInputError(c, e, { lineId: 'budgetLineId' }); }
 */
export function throwApiInputError(
  c: Context<AppEnv>,
  error: unknown,
  rename: Record<string, string> = {},
): never {
  if (!(error instanceof InputError)) throw error;
  const fields = Object.fromEntries(
    Object.entries(translateFieldErrors(error, c.var.t)).map(([k, v]) => [rename[k] ?? k, v]),
  );
  throw new AppError('invalid', { fields });
}
