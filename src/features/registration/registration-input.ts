/**
 * The registration form: built-in fields (gender and accessibility needs optional, each consent
 * asked plainly and off by default) and the event's own questions.
 *
 * @example
 * const form = await readForm(c, registrationForm({ questions, sessionIds }));
 * if (form.ok) await registerForEvent({ db, eventId, input: form.data });
 */
import { z } from 'zod';
import { fields } from '../../lib/fields';
import { genderChoices, stakeholderGroups } from '../network/schema';
import { countryField } from '../network/index';
import type { RegistrationQuestion } from './schema';

export type RegistrationInput = {
  name: string;
  email: string;
  institution: string | null;
  stakeholderGroup: (typeof stakeholderGroups)[number] | null;
  country: string | null;
  gender: (typeof genderChoices)[number] | null;
  accessibilityNeeds: string | null;
  consentPhotos: boolean;
  consentStreaming: boolean;
  consentContact: boolean;
  lang: 'es' | 'en';
  answers: Record<string, string | string[]>;
  sessionIds: string[];
  /** The bus chosen (null: none); absent leaves it as it is (see `transport/route-seats.ts`). */
  transportRouteId?: string | null;
};

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `form.tooLong|max=${max}`)
    .optional()
    .transform((v) => v || null);

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on');

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean));

/** The question's field name in the form. */
export const questionField = (q: Pick<RegistrationQuestion, 'id'>) => `q_${q.id}`;

export function registrationForm(o: {
  questions: RegistrationQuestion[];
  sessionIds: string[];
  lang: 'es' | 'en';
  /** Set on the private change form: the e-mail on file, which that form does not ask for. */
  email?: string;
  /** The event's transport routes; when given, the form asks for `transportRouteId`. */
  routeIds?: string[];
}) {
  const custom: Record<string, z.ZodType> = {};
  for (const q of o.questions) {
    const choices = q.options.map((_, i) => String(i));
    let field: z.ZodType;
    if (q.kind === 'multiple') {
      field = list.refine((v) => v.every((x) => choices.includes(x)), 'form.invalid');
      if (q.required) field = field.refine((v) => (v as string[]).length > 0, 'form.required');
    } else {
      const base =
        q.kind === 'single'
          ? z.enum(choices as [string, ...string[]], 'form.required')
          : q.kind === 'yes_no'
            ? z.enum(['yes', 'no'], 'form.required')
            : z
                .string({ error: 'form.required' })
                .trim()
                .max(q.kind === 'long_text' ? 4000 : 300, 'form.tooLong|max=4000');
      field = q.required
        ? z
            .preprocess((v) => (v === '' ? undefined : v), base)
            .pipe(z.string().min(1, 'form.required'))
        : z.preprocess((v) => (v === '' ? undefined : v), base.optional());
    }
    custom[questionField(q)] = field;
  }
  return z
    .object({
      name: fields.text({ max: 200 }),
      email:
        o.email === undefined
          ? fields.email()
          : z
              .unknown()
              .optional()
              .transform(() => o.email!),
      institution: optional(200),
      stakeholderGroup: z
        .enum(stakeholderGroups, 'form.invalid')
        .optional()
        .or(z.literal('').transform(() => undefined))
        .transform((v) => v ?? null),
      country: countryField.transform((v) => v ?? null),
      gender: z
        .enum(genderChoices, 'form.invalid')
        .optional()
        .or(z.literal('').transform(() => undefined))
        .transform((v) => v ?? null),
      accessibilityNeeds: optional(1000),
      consentPhotos: checkbox,
      consentStreaming: checkbox,
      consentContact: checkbox,
      sessionIds: list.refine((v) => v.every((id) => o.sessionIds.includes(id)), 'form.invalid'),
      transportRouteId: z
        .string()
        .optional()
        // '' is "no transport"; a form without the field leaves the route as it is.
        .transform((v) => (o.routeIds && v !== undefined ? v || null : undefined))
        .refine((v) => !v || o.routeIds!.includes(v), 'transport.error.unknown_route'),
      // A field people never see; bots fill it in.
      website: z.string().max(0, 'registration.bot').optional(),
      ...custom,
    })
    .transform((v): RegistrationInput => {
      const values = v as Record<string, unknown>;
      const answers: Record<string, string | string[]> = {};
      for (const q of o.questions) {
        const a = values[questionField(q)];
        if (a !== undefined && a !== null && a !== '') answers[q.id] = a as string | string[];
      }
      return {
        name: v.name,
        email: v.email,
        institution: v.institution,
        stakeholderGroup: v.stakeholderGroup,
        country: v.country,
        gender: v.gender,
        accessibilityNeeds: v.accessibilityNeeds,
        consentPhotos: v.consentPhotos,
        consentStreaming: v.consentStreaming,
        consentContact: v.consentContact,
        lang: o.lang,
        answers,
        sessionIds: v.sessionIds,
        ...(v.transportRouteId === undefined ? {} : { transportRouteId: v.transportRouteId }),
      };
    });
}
