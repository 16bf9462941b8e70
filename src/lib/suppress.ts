/**
 * Small-count suppression for statistics about people: a cell of 1 to 4 people is shown as "<5",
 * so nobody can be singled out.
 *
 * @example
 * peopleCount(3); // '<5'
 * peopleCount(12, 'es'); // '12'
 */
import type { Lang } from '../i18n/index';
import { formatNumber } from './format';

export const SUPPRESS_BELOW = 5;

export function peopleCount(n: number, lang: Lang = 'es'): string {
  return n > 0 && n < SUPPRESS_BELOW ? `<${SUPPRESS_BELOW}` : formatNumber(n, lang);
}
