/**
 * Typed application errors. Handlers throw them; `handleError` turns them into a page in the
 * reader's language (or JSON under /api) without ever exposing a stack trace.
 *
 * @example
 * throw new AppError('forbidden');
 */
export const errorStatus = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  csrf: 403,
  rate_limited: 429,
  invalid: 422,
  bad_request: 400,
  too_large: 413,
  unsupported_type: 415,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly status: (typeof errorStatus)[ErrorCode];
  constructor(
    readonly code: ErrorCode,
    readonly details: { retryAfterSeconds?: number; fields?: Record<string, string> } = {},
  ) {
    super(code);
    this.status = errorStatus[code];
  }
}
