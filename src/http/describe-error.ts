/**
 * What the error log may say about a failure: the error's kind, the SQL (which carries
 * placeholders, never values), PostgreSQL's error code and the stack frames. Never the
 * message of a failed query, which lists its parameters (names, e-mails, whatever was typed),
 * nor a database message that quotes a value.
 *
 * @example
 * log.error('request.failed', { path: c.req.path, ...describeError(err) });
 */
import { redactLogText } from '../lib/redact-log-text';

export type ErrorDescription = {
  error: string;
  message?: string;
  query?: string;
  sqlState?: string;
  stack?: string;
};

type QueryFailure = Error & { query?: unknown; params?: unknown; cause?: unknown };

export function describeError(err: unknown): ErrorDescription {
  if (!(err instanceof Error)) return { error: typeof err };
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  const failure = err as QueryFailure;
  const cause = failure.cause as { code?: unknown } | undefined;
  const sqlState = typeof cause?.code === 'string' ? cause.code : sqlStateOf(err);
  if (typeof failure.query === 'string' || 'params' in failure || sqlState) {
    return {
      error: err.name,
      ...(typeof failure.query === 'string' ? { query: failure.query.slice(0, 2000) } : {}),
      ...(sqlState ? { sqlState } : {}),
      stack: frames,
    };
  }
  return { error: err.name, message: safeMessage(err.message), stack: frames };
}

/** A message without any query parameters or e-mail address it may quote. */
function safeMessage(message: string): string {
  return redactLogText(message).slice(0, 500);
}

function sqlStateOf(err: Error): string | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
