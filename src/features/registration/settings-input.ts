/**
 * Organisers' forms: registration settings (times typed in the event's zone) and a custom question.
 *
 * @example
 * const form = await readForm(c, settingsForm(event.timeZone));
 */
import { z } from 'zod';
import { fields } from '../../lib/fields';
import { questionKinds } from './schema';

const { optionalText } = fields;

const localDateTime = fields.localDateTime;

export function settingsForm(zone: string) {
  return z
    .object({
      open: fields.checkbox(),
      capacity: fields.optionalCount(1, 1_000_000),
      opensAt: localDateTime(zone),
      closesAt: localDateTime(zone),
      requiresApproval: fields.checkbox(),
      offerHours: fields.count(1, 720),
    })
    .superRefine((v, ctx) => {
      if (v.opensAt && v.closesAt && v.closesAt <= v.opensAt)
        ctx.addIssue({
          code: 'custom',
          path: ['closesAt'],
          message: 'programme.form.endBeforeStart',
        });
    });
}

export const questionForm = z
  .object({
    kind: z.enum(questionKinds, 'form.required'),
    labelEs: z.string().trim().min(1, 'form.required').max(300, 'form.tooLong|max=300'),
    labelEn: optionalText(300),
    options: z.string().max(5000, 'form.tooLong|max=5000').optional(),
    required: fields.checkbox(),
  })
  .transform((v, ctx) => {
    const options = (v.options ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [es, en] = line.split('|').map((x) => x.trim());
        return { es: es!, en: en || null };
      });
    const choice = v.kind === 'single' || v.kind === 'multiple';
    if (choice && options.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'registration.manage.needOptions',
      });
    return { ...v, options: choice ? options : [] };
  });

/** A message to registrants: Spanish required, English optional (both subject and body). */
export const messageForm = z
  .object({
    subjectEs: fields.text({ max: 200 }),
    bodyEs: fields.text({ max: 10_000 }),
    subjectEn: optionalText(200),
    bodyEn: optionalText(10_000),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.subjectEn) !== Boolean(v.bodyEn))
      ctx.addIssue({
        code: 'custom',
        path: [v.subjectEn ? 'bodyEn' : 'subjectEn'],
        message: 'registration.message.bothEn',
      });
  });
