/**
 * Reads and validates a submitted form. On failure it returns what the person typed (except
 * passwords) and a message per field in their language, so the page can come back filled in.
 *
 * @example
 * const form = await readForm(c, z.object({ email: fields.email() }));
 * if (!form.ok) return render(c, <Page values={form.values} errors={form.errors} />, 422);
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { catalogs, type MessageKey, type Translate } from '../i18n/index';
import type { AppEnv } from './types';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

const NEVER_ECHO = /password|_csrf/i;

export async function readForm<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<
  | { ok: true; data: z.output<S>; values: FormValues }
  | { ok: false; values: FormValues; errors: FieldErrors }
> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (NEVER_ECHO.test(name)) continue;
    if (typeof value === 'string') values[name] = value;
    else if (Array.isArray(value))
      values[name] = value.filter((v): v is string => typeof v === 'string');
  }
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) if (name !== '_csrf') input[name] = value;
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= translateIssue(c.var.t, issue.message);
  }
  return { ok: false, values, errors };
}

/** Turns `form.tooShort|min=10` into "Debe tener al menos 10 caracteres." */
export function translateIssue(t: Translate, message: string): string {
  const [key, ...params] = message.split('|');
  if (!key || !(key in catalogs.es)) return t('form.invalid');
  const values = Object.fromEntries(params.map((p) => p.split('=') as [string, string]));
  return t(key as MessageKey, values);
}
