/**
 * Form schemas for institutions and people; messages are catalogue keys.
 *
 * @example
 * institutionForm.parse({ name: 'UNIS', stakeholderGroup: 'academia', country: 'gt' });
 */
import { z } from 'zod';
import { fields } from '../../lib/fields';
import { isCountryCode } from '../../lib/format';
import { genderChoices, institutionKinds, stakeholderGroups } from './schema';

export const blankToUndefined = (v: unknown) =>
  typeof v === 'string' && v.trim() === '' ? undefined : v;

export const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `form.tooLong|max=${max}`).optional());

export const countryField = z.preprocess(
  blankToUndefined,
  z.string().trim().toUpperCase().refine(isCountryCode, 'network.invalidCountry').optional(),
);

const websiteField = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(300, 'form.tooLong|max=300')
    .refine((v) => /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), 'network.invalidUrl')
    .optional(),
);

/** Languages typed as "es, en, kiche". */
export const languagesField = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean)
      : [],
  z.array(z.string().max(20, 'form.tooLong|max=20')).max(10),
);

export const institutionForm = z.object({
  name: fields.text({ max: 200 }),
  acronym: optionalText(30),
  stakeholderGroup: z.enum(stakeholderGroups, { error: 'form.required' }),
  kind: z.preprocess(
    blankToUndefined,
    z.enum(institutionKinds, { error: 'form.invalid' }).optional(),
  ),
  country: countryField,
  website: websiteField,
  parentId: z.preprocess(blankToUndefined, z.uuid('form.invalid').optional()),
  notes: optionalText(2000),
  publicListing: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
});
export type InstitutionInput = z.output<typeof institutionForm>;

export const personForm = z
  .object({
    name: fields.text({ max: 200 }),
    email: z.preprocess(blankToUndefined, fields.email().optional()),
    phone: optionalText(40),
    country: countryField,
    languages: languagesField,
    genderChoice: z.preprocess(
      blankToUndefined,
      z.enum(genderChoices, { error: 'form.invalid' }).optional(),
    ),
    genderSelfDescribed: optionalText(100),
    institutionId: z.preprocess(blankToUndefined, z.uuid('form.invalid').optional()),
    title: optionalText(200),
    notes: optionalText(2000),
  })
  .transform((v) => ({
    ...v,
    genderSelfDescribed: v.genderChoice === 'self_described' ? v.genderSelfDescribed : undefined,
  }));
export type PersonInput = z.output<typeof personForm>;
