import { z } from '@hono/zod-openapi';
import { isCountryCode } from '../../lib/format';
import { genderChoices, institutionKinds, participationKinds, stakeholderGroups } from './schema';

const country = z
  .string()
  .toUpperCase()
  .refine(isCountryCode, 'network.invalidCountry')
  .openapi({ example: 'GT', description: 'ISO 3166-1 alpha-2' });

export const InstitutionSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    acronym: z.string().nullable(),
    stakeholderGroup: z.enum(stakeholderGroups),
    kind: z.enum(institutionKinds).nullable(),
    country: z.string().nullable(),
    website: z.string().nullable(),
    parentId: z.uuid().nullable(),
    publicListing: z.boolean(),
  })
  .openapi('Institution');

export const InstitutionInputSchema = z
  .object({
    name: z.string().trim().min(1, 'form.required').max(200, 'form.tooLong|max=200'),
    acronym: z.string().trim().max(30, 'form.tooLong|max=30').optional(),
    stakeholderGroup: z.enum(stakeholderGroups, { error: 'form.required' }),
    kind: z.enum(institutionKinds, { error: 'form.invalid' }).optional(),
    country: country.optional(),
    website: z
      .url({ protocol: /^https?$/, error: 'network.invalidUrl' })
      .max(300)
      .optional(),
    parentId: z.uuid('form.invalid').optional(),
    notes: z.string().max(2000, 'form.tooLong|max=2000').optional(),
    publicListing: z.boolean().default(false),
  })
  .openapi('InstitutionInput');

export const PersonSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    country: z.string().nullable(),
    stakeholderGroup: z.enum(stakeholderGroups).nullable(),
  })
  .openapi('PersonSummary');

export const PersonSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    country: z.string().nullable(),
    languages: z.array(z.string()),
    stakeholderGroup: z.enum(stakeholderGroups).nullable(),
    gender: z.enum(genderChoices).nullable(),
    genderSelfDescribed: z.string().nullable(),
    emails: z.array(z.object({ email: z.string(), primary: z.boolean() })),
    phones: z.array(z.object({ phone: z.string(), primary: z.boolean() })),
    affiliations: z.array(
      z.object({ institutionId: z.uuid(), institution: z.string(), title: z.string().nullable() }),
    ),
    history: z.array(
      z.object({ year: z.number().int(), kind: z.enum(participationKinds), label: z.string() }),
    ),
  })
  .openapi('Person');

export const PersonInputSchema = z
  .object({
    name: z.string().trim().min(1, 'form.required').max(200, 'form.tooLong|max=200'),
    email: z.email('form.invalidEmail').toLowerCase().optional(),
    phone: z.string().max(40, 'form.tooLong|max=40').optional(),
    country: country.optional(),
    languages: z.array(z.string().max(20)).max(10).default([]),
    genderChoice: z.enum(genderChoices, { error: 'form.invalid' }).optional(),
    genderSelfDescribed: z.string().max(100).optional(),
    institutionId: z.uuid('form.invalid').optional(),
    title: z.string().max(200).optional(),
    notes: z.string().max(2000).optional(),
  })
  .openapi('PersonInput');

export const pageQuery = {
  q: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'Search; accents and capitals do not matter' }),
  group: z.enum(stakeholderGroups).optional(),
  country: z.string().length(2).toUpperCase().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
  });
