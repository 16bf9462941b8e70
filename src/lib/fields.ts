/**
 * Form field schemas whose error messages are catalogue keys (with `|name=value` parameters),
 * so the message next to the field comes out in the reader's language.
 *
 * @example
 * const schema = z.object({ email: fields.email(), password: fields.password() });
 */
import { z } from 'zod';
import { instantInZone } from './format';

export const fields = {
  text: (o: { min?: number; max?: number } = {}) => {
    const min = o.min ?? 1;
    const max = o.max ?? 200;
    return z
      .string({ error: 'form.required' })
      .trim()
      .min(1, 'form.required')
      .min(min, `form.tooShort|min=${min}`)
      .max(max, `form.tooLong|max=${max}`);
  },
  email: () =>
    z
      .string({ error: 'form.required' })
      .trim()
      .toLowerCase()
      .min(1, 'form.required')
      .max(254, 'form.tooLong|max=254')
      .pipe(z.email('form.invalidEmail')),
  password: (min = 10) =>
    z
      .string({ error: 'form.required' })
      .min(1, 'form.required')
      .min(min, `form.tooShort|min=${min}`)
      .max(200, 'form.tooLong|max=200'),
  slug: () =>
    z
      .string({ error: 'form.required' })
      .trim()
      .min(1, 'form.required')
      .max(60, 'form.tooLong|max=60')
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'form.slug'),
  /** Optional text: blank becomes null. */
  optionalText: (max: number) =>
    z
      .string()
      .trim()
      .max(max, `form.tooLong|max=${max}`)
      .optional()
      .transform((v) => v || null),
  /** An optional http(s) address: blank becomes null. */
  optionalUrl: () =>
    z
      .string()
      .trim()
      .max(500, 'form.tooLong|max=500')
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || /^https?:\/\/\S+$/i.test(v), 'form.invalidUrl'),
  /** A whole number between `min` and `max`. */
  count: (min: number, max: number) =>
    z.coerce
      .number({ error: 'form.invalidNumber' })
      .int('form.invalidNumber')
      .min(min, `form.tooSmall|min=${min}`)
      .max(max, `form.tooBig|max=${max}`),
  /** An optional whole number between `min` and `max`: blank becomes null. */
  optionalCount: (min: number, max: number) =>
    z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? Number(v) : null))
      .pipe(
        z
          .number({ error: 'form.invalidNumber' })
          .int('form.invalidNumber')
          .min(min, `form.tooSmall|min=${min}`)
          .max(max, `form.tooBig|max=${max}`)
          .nullable(),
      ),
  /** A checkbox: ticked is true. */
  checkbox: () =>
    z
      .string()
      .optional()
      .transform((v) => v === 'on'),
  /**
   * An optional `datetime-local` value read as wall-clock time in `zone`: blank becomes null, a
   * time that does not exist there is refused.
   */
  localDateTime: (zone: string) =>
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)$/.exec(v);
        const at = m && instantInZone(m[1]!, m[2]!, zone);
        if (!at) {
          ctx.addIssue({ code: 'custom', message: 'form.invalidDate' });
          return z.NEVER;
        }
        return at;
      }),
};
