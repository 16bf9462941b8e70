import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hmac, randomToken, safeEqual, sha256 } from './crypto';
import { fields } from './fields';
import { formatDateTime, formatMoney, formatNumber, minorDigits } from './format';
import { pageNumber } from './paging';
import { safeNext } from './safe-next';

describe('formatMoney', () => {
  it('uses the currency minor units, never floats in storage', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('GTQ')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(formatMoney({ amountMinor: 150000, currency: 'GTQ' }, 'es')).toMatch(/Q\s?1,500\.00/);
    expect(formatMoney({ amountMinor: 123456, currency: 'USD' }, 'en')).toBe('$1,234.56');
    expect(formatMoney({ amountMinor: 500, currency: 'JPY' }, 'en')).toBe('¥500');
  });
});

describe('formatNumber and formatDateTime', () => {
  it('follow the reader language and label the time zone', () => {
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    const when = new Date('2018-10-24T15:00:00Z');
    const en = formatDateTime(when, 'en', 'America/Guatemala');
    expect(en).toContain('9:00');
    expect(en).toMatch(/CST|GMT-6/);
    const es = formatDateTime(when, 'es', 'America/Guatemala');
    expect(es).toContain('oct');
    expect(es).toContain('9:00');
  });
});

describe('safeNext', () => {
  it('keeps same-site paths and refuses everything else', () => {
    expect(safeNext('/account/sessions?x=1')).toBe('/account/sessions?x=1');
    expect(safeNext('//evil.example')).toBe('/account');
    expect(safeNext('/\\evil.example')).toBe('/account');
    expect(safeNext('https://evil.example')).toBe('/account');
    expect(safeNext('/a\nb')).toBe('/account');
    expect(safeNext(undefined, '')).toBe('');
  });
});

describe('pageNumber', () => {
  it('reads positive integers and falls back to 1', () => {
    expect(pageNumber('3')).toBe(3);
    expect(pageNumber('0')).toBe(1);
    expect(pageNumber('-2')).toBe(1);
    expect(pageNumber('abc')).toBe(1);
    expect(pageNumber(undefined)).toBe(1);
  });
});

describe('crypto helpers', () => {
  it('makes unguessable URL-safe tokens and stable digests', () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
    expect(sha256('x')).toHaveLength(64);
    expect(hmac('k', 'v')).toBe(hmac('k', 'v'));
    expect(hmac('k', 'v')).not.toBe(hmac('k2', 'v'));
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});

describe('field schemas', () => {
  const issue = (schema: z.ZodType, value: unknown) =>
    schema.safeParse(value).error?.issues[0]?.message;
  it('give catalogue keys as messages', () => {
    expect(issue(fields.email(), '')).toBe('form.required');
    expect(issue(fields.email(), 'not-an-email')).toBe('form.invalidEmail');
    expect(fields.email().parse('  Ana@Example.ORG ')).toBe('ana@example.org');
    expect(issue(fields.password(10), 'short')).toBe('form.tooShort|min=10');
    expect(issue(fields.text({ max: 3 }), 'long')).toBe('form.tooLong|max=3');
    expect(issue(fields.slug(), 'Not A Slug')).toBe('form.slug');
    expect(fields.slug().parse('igf-guatemala')).toBe('igf-guatemala');
  });
});
