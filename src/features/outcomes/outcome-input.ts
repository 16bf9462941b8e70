/**
 * The outcome form's shape; every message is a catalogue key shown beside its field. The topic
 * is checked against the edition's tracks by `addOutcome`, which knows them.
 *
 * @example
 * const form = await readForm(c, outcomeForm);
 */
import { z } from 'zod';
import { fields } from '../../lib/fields';
import { outcomeKinds } from './schema';

/** The value of the topic field that means "the whole event". */
export const OVERALL = '';

export const outcomeForm = z
  .object({
    kind: z.enum(outcomeKinds, { error: 'form.required' }),
    topic: z.string().max(100).default(OVERALL),
    textEs: fields.optionalText(2000),
    textEn: fields.optionalText(2000),
    source: fields.optionalText(300),
  })
  .superRefine((v, ctx) => {
    if (!v.textEs && !v.textEn)
      ctx.addIssue({ code: 'custom', path: ['textEs'], message: 'outcomes.error.textRequired' });
  });
export type OutcomeInput = z.output<typeof outcomeForm>;
