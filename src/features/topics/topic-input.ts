/**
 * The topic forms' shapes; every message is a catalogue key shown beside its field.
 *
 * @example
 * const form = await readForm(c, proposeForm);
 */
import { z } from 'zod';
import { fields } from '../../lib/fields';
import { stakeholderGroups } from '../network/schema';

/** Longest track name: the programme's `topic` column takes 100 characters. */
export const TRACK_NAME_MAX = 100;

export const proposeForm = z.object({
  title: fields.text({ min: 5, max: 150 }),
  reason: fields.text({ min: 10, max: 2000 }),
  stakeholderGroup: z.enum(stakeholderGroups, { error: 'form.required' }),
  proposerName: fields.optionalText(200),
  namePublic: fields.checkbox(),
  /** The honeypot: people never see it, robots fill it. */
  website: z.string().max(0, 'topics.propose.bot').optional(),
});
export type ProposeInput = Omit<z.output<typeof proposeForm>, 'website'>;

export const callForm = (timeZone: string) =>
  z
    .object({
      opensAt: fields.localDateTime(timeZone),
      closesAt: fields.localDateTime(timeZone),
      noteEs: fields.optionalText(2000),
      noteEn: fields.optionalText(2000),
    })
    .superRefine((v, ctx) => {
      if (v.opensAt && v.closesAt && v.closesAt <= v.opensAt)
        ctx.addIssue({
          code: 'custom',
          path: ['closesAt'],
          message: 'topics.call.closesBeforeOpens',
        });
      if (!!v.opensAt !== !!v.closesAt)
        ctx.addIssue({
          code: 'custom',
          path: [v.opensAt ? 'closesAt' : 'opensAt'],
          message: 'topics.call.bothDates',
        });
    });
export type CallInput = z.output<ReturnType<typeof callForm>>;

/** A topic the committee enters itself (e.g. one it agreed in a meeting). */
export const committeeTopicForm = z.object({
  title: fields.text({ min: 5, max: 150 }),
  reason: fields.optionalText(2000),
});

export const rejectForm = z.object({ reason: fields.text({ min: 3, max: 1000 }) });
export const mergeForm = z.object({ into: z.uuid({ error: 'form.required' }) });
export const selectForm = z.object({ trackName: fields.text({ min: 2, max: TRACK_NAME_MAX }) });
