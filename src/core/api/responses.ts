import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ErrorSchema } from './schemas';
import { translateIssue } from '../../http/form';
import type { AppEnv } from '../../http/types';

const json = { 'application/json': { schema: ErrorSchema } };

/** The error answers every `/api/v1` route may give, for its OpenAPI description. */
export const errorResponses = {
  401: { description: 'Missing, unknown, expired or revoked token', content: json },
  403: { description: 'The token lacks the scope, or its owner the role', content: json },
  429: { description: 'Too many requests', content: json },
} as const;

export const notFoundResponse = { 404: { description: 'Not found', content: json } } as const;
export const invalidResponse = {
  422: { description: 'Invalid input; `fields` says what is wrong with each field', content: json },
} as const;

type HookResult =
  | { success: true }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

/** Turns a failed validation into 422 JSON with a message per field in the caller's language. */
export function validationHook(result: HookResult, c: Context<AppEnv>) {
  if (result.success) return;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const name = issue.path.map(String).join('.') || '_';
    fields[name] ??= translateIssue(c.var.t, issue.message);
  }
  return c.json({ error: { code: 'invalid', message: c.var.t('form.errorSummary'), fields } }, 422);
}

/**
 * A JSON answer for a route's OpenAPI description.
 *
 * @example
 * responses: { 200: jsonResponse(z.object({ id: z.uuid() }), 'The record') }
 */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * A required JSON request body for a route's OpenAPI description.
 *
 * @example
 * request: { params: Params, body: jsonBody(InputSchema) }
 */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
