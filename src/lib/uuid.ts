/** A UUID in its usual text form (any version), as the database makes them. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value read from a URL or a form is a UUID, before it reaches a query.
 *
 * @example
 * isUuid(c.req.param('event')); // false for 'abc', so the page answers 404 without a query
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
