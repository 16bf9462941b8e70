/**
 * The committee forms' shapes; every message is a catalogue key shown beside its field.
 *
 * @example
 * const form = await readForm(c, memberForm);
 */
import { z } from 'zod';
import { fields } from '../../lib/fields';
import { genderChoices } from '../network/schema';
import { blankToUndefined } from '../network/index';

const optionalId = z.preprocess(blankToUndefined, z.uuid('form.invalid').optional());

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return /\//.test(zone) || zone === 'UTC';
  } catch {
    return false;
  }
}

export const settingsForm = z.object({
  focalPersonId: optionalId,
  timeZone: z
    .string({ error: 'form.required' })
    .trim()
    .min(1, 'form.required')
    .refine(isTimeZone, 'form.invalidZone'),
});
export type SettingsInput = z.output<typeof settingsForm>;

/** A member institution and, optionally, one representative: chosen, or new to the network. */
export const memberForm = z
  .object({
    institutionId: z.uuid({ error: 'form.required' }),
    city: fields.optionalText(100),
    personId: optionalId,
    newName: fields.optionalText(200),
    newEmail: z.preprocess(blankToUndefined, fields.email().optional()),
    newGender: z.preprocess(
      blankToUndefined,
      z.enum(genderChoices, { error: 'form.invalid' }).optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.personId && v.newName)
      ctx.addIssue({ code: 'custom', path: ['newName'], message: 'committee.member.eitherPerson' });
    if (!v.newName && (v.newEmail || v.newGender))
      ctx.addIssue({ code: 'custom', path: ['newName'], message: 'form.required' });
  });
export type MemberInput = z.output<typeof memberForm>;

export const representativeForm = z.object({ personId: z.uuid({ error: 'form.required' }) });

export const groupForm = z.object({
  name: fields.text({ max: 120 }),
  purpose: fields.optionalText(500),
});

export const groupMemberForm = z.object({ personId: z.uuid({ error: 'form.required' }) });
