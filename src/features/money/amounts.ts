/**
 * Amounts typed by people ("2,500.00", "393") to integer minor units and back, per currency.
 *
 * @example
 * toMinor('2,500.50', 'USD'); // 250050
 * toMajorText(250050, 'USD'); // '2500.50'
 */
import { minorDigits } from '../../lib/format';

/** The currencies offered in forms: the region's and the usual donors'. */
export const currencies = ['USD', 'GTQ', 'HNL', 'NIO', 'CRC', 'MXN', 'EUR'] as const;

/** Minor units, or undefined when the text is not a plain positive amount in that currency. */
export function toMinor(text: string, currency: string): number | undefined {
  const clean = text.trim().replace(/[\s,]/g, '');
  const m = /^(\d{1,13})(?:\.(\d+))?$/.exec(clean);
  if (!m) return undefined;
  const digits = minorDigits(currency);
  const fraction = m[2] ?? '';
  if (fraction.length > digits) return undefined;
  return Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Minor units as a plain decimal, e.g. 250050 USD → "2500.50" (exports and form values). */
export function toMajorText(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  const whole = Math.floor(abs / 10 ** digits);
  const part = digits ? `.${String(abs % 10 ** digits).padStart(digits, '0')}` : '';
  return `${sign}${whole}${part}`;
}
