/**
 * The meeting forms' shapes: scheduling one meeting or a cadence, and recording what happened.
 * Lists (agenda, decisions) are typed one per line.
 *
 * @example
 * const form = await readForm(c, scheduleForm);
 */
import { z } from 'zod';
import { fields } from '../../../lib/fields';
import { blankToUndefined } from '../../network/index';
import { cadenceKinds } from '../schema';

const requiredDay = z
  .string({ error: 'form.required' })
  .trim()
  .min(1, 'form.required')
  .pipe(z.iso.date('form.invalidDate'));
const optionalDay = z.preprocess(blankToUndefined, z.iso.date('form.invalidDate').optional());

/** Lines of a textarea, trimmed, blanks dropped, each at most `max` characters. */
export const lines = (max: number, count = 50) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(max, `form.tooLong|max=${max}`))
        .max(count, `committee.form.tooMany|max=${count}`),
    );

/** Ticked checkboxes with one name: absent, one value or several. */
const ticked = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
export const checkedIds = ticked.pipe(z.array(z.uuid('form.invalid')));
const checkedWeekdays = ticked.pipe(
  z.array(
    z
      .string()
      .regex(/^[1-7]$/, 'form.invalid')
      .transform(Number),
  ),
);

export const scheduleForm = z
  .object({
    title: fields.text({ max: 200 }),
    workingGroupId: z.preprocess(blankToUndefined, z.uuid('form.invalid').optional()),
    kind: z.enum(cadenceKinds, { error: 'form.required' }),
    startsOn: requiredDay,
    endsOn: optionalDay,
    time: z
      .string({ error: 'form.required' })
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'form.invalidTime'),
    durationMinutes: fields.count(15, 720),
    intervalDays: fields.optionalCount(1, 90),
    weekdays: checkedWeekdays,
    place: fields.optionalText(300),
    onlineUrl: fields.optionalUrl(),
    agenda: lines(300),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'once' && !v.endsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'form.required' });
    if (v.kind !== 'once' && v.endsOn && v.endsOn < v.startsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'committee.meeting.endBeforeStart',
      });
    if (v.kind === 'every_n_days' && !v.intervalDays)
      ctx.addIssue({ code: 'custom', path: ['intervalDays'], message: 'form.required' });
    if (v.kind === 'weekly' && v.weekdays.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['weekdays'],
        message: 'committee.meeting.chooseWeekday',
      });
  });
export type ScheduleInput = z.output<typeof scheduleForm>;

export const recordForm = z.object({
  agenda: lines(300),
  attended: checkedIds,
  minutes: z.string().max(50_000, 'form.tooLong|max=50000').optional().default(''),
  decisions: lines(1000),
});
export type RecordInput = z.output<typeof recordForm>;
