/**
 * Reads `?page=` safely.
 *
 * @example
 * pageNumber('3'); // 3
 * pageNumber('-1'); // 1
 */
export function pageNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 && n <= 100_000 ? n : 1;
}
