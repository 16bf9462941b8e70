/**
 * Dates, numbers and money through `Intl`, in the reader's language.
 *
 * @example
 * formatMoney({ amountMinor: 150000, currency: 'GTQ' }, 'es'); // "Q1,500.00"
 * formatDateTime(new Date('2018-10-24T15:00:00Z'), 'en', 'America/Guatemala'); // "Oct 24, 2018, 9:00 AM CST"
 */
import { DateTime } from 'luxon';
import type { Lang } from '../i18n/index';

const locales: Record<Lang, string> = { es: 'es-GT', en: 'en-US' };

const formatters = new Map<string, Intl.DateTimeFormat>();
/**
 * One `Intl.DateTimeFormat` per locale and options, reused: building one costs far more than
 * formatting with it (a 450-session page formats thousands of times).
 */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    if (formatters.size > 500) formatters.clear();
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang]).format(value);
}

/** Number of minor units in one major unit for an ISO 4217 currency (USD 2, JPY 0). */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

export function formatMoney(money: { amountMinor: number; currency: string }, lang: Lang): string {
  const digits = minorDigits(money.currency);
  return new Intl.NumberFormat(locales[lang], {
    style: 'currency',
    currency: money.currency,
  }).format(money.amountMinor / 10 ** digits);
}

export function formatDateTime(date: Date, lang: Lang, timeZone = 'UTC'): string {
  return dateFormat(locales[lang], {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

export function formatDate(date: Date, lang: Lang, timeZone = 'UTC'): string {
  return dateFormat(locales[lang], { dateStyle: 'long', timeZone }).format(date);
}

/**
 * A country's name from its ISO 3166 code, in the reader's language.
 *
 * @example
 * countryName('GT', 'es'); // 'Guatemala'
 */
export function countryName(code: string | null | undefined, lang: Lang): string {
  if (!code) return '—';
  try {
    return new Intl.DisplayNames([locales[lang]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Whether a two-letter code is an ISO 3166 region that `Intl` knows. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
  return Boolean(name) && code !== 'ZZ';
}

/**
 * A time of day in the event's zone, e.g. "9:00".
 *
 * @example
 * formatTime(new Date('2018-10-25T15:00:00Z'), 'es', 'America/Guatemala'); // '9:00'
 */
export function formatTime(date: Date, lang: Lang, timeZone: string): string {
  return dateFormat(locales[lang], {
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

/** A date in the event's zone with its weekday, e.g. "jueves, 25 de octubre de 2018". */
export function formatDay(date: Date, lang: Lang, timeZone: string): string {
  return dateFormat(locales[lang], { dateStyle: 'full', timeZone }).format(date);
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
export function dayKey(date: Date, timeZone: string): string {
  return dateFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/**
 * An instant as ISO 8601 local time with the zone's offset, e.g. "2018-10-25T09:00:00-06:00".
 *
 * @example
 * isoInZone(new Date('2018-10-25T15:00:00Z'), 'America/Guatemala'); // '2018-10-25T09:00:00-06:00'
 */
export function isoInZone(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    dateFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  const offsetMinutes = Math.round(
    (Date.parse(`${local}Z`) - Math.floor(date.getTime() / 1000) * 1000) / 60_000,
  );
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The instant a wall-clock date and time in `timeZone` stand for; undefined when they do not
 * exist (a bad date, or a time skipped by a daylight-saving change).
 *
 * @example
 * instantInZone('2018-10-25', '09:00', 'America/Guatemala'); // 2018-10-25T15:00:00.000Z
 */
export function instantInZone(day: string, time: string, timeZone: string): Date | undefined {
  const local = DateTime.fromISO(`${day}T${time}`, { zone: timeZone });
  if (!local.isValid || local.toFormat("yyyy-MM-dd'T'HH:mm") !== `${day}T${time}`) return undefined;
  return local.toJSDate();
}
