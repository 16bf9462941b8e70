/**
 * Whether an error means the database cannot be reached right now (refused or dropped
 * connection, server shutting down or starting, too many connections), as opposed to a fault in
 * the request. Such a request is answered 503 with a page that says to try again shortly.
 *
 * @example
 * if (databaseUnavailable(err)) return errorPage(c, 'unavailable', 503);
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, cannot connect now), 53300.
const SQL_STATES = /^(08...|57P0[123]|53300)$/;
const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;

export function databaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQL_STATES.test(e.code)))
    return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message) && !/params:/.test(e.message))
    return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => databaseUnavailable(x, depth + 1)))
    return true;
  return databaseUnavailable(e.cause, depth + 1);
}
