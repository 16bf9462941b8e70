/**
 * Form schemas of the event day: adding a volunteer, a shift, a room count, the badge filters.
 * Messages are catalogue keys, shown beside the field in the reader's language.
 *
 * @example
 * const form = await readForm(c, shiftForm(event.timeZone));
 */
import { isUuid } from '../../lib/uuid';
import { z } from 'zod';
import { fields } from '../../lib/fields';
import { stakeholderGroups } from '../network/schema';
import { registrationStatuses } from '../registration/schema';
import { countMoments, volunteerTasks } from './schema';

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isUuid(v), 'form.invalid');

export const langField = z.enum(['es', 'en'], { error: 'form.required' });

/** Someone typed in by name (not from the network). */
export const volunteerForm = z.object({
  name: fields.text({ max: 200 }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => v || null)
    .pipe(z.email('form.invalidEmail').max(254, 'form.tooLong|max=254').nullable()),
  institution: fields.optionalText(200),
  lang: langField,
});

/** A person of the network, chosen from the search. */
export const networkVolunteerForm = z.object({
  personId: z.string().refine(isUuid, 'form.invalid'),
});

const requiredLocal = (zone: string) =>
  fields.localDateTime(zone).transform((v, ctx) => {
    if (v) return v;
    ctx.addIssue({ code: 'custom', message: 'form.required' });
    return z.NEVER;
  });

export const shiftForm = (zone: string) =>
  z.object({
    task: z.enum(volunteerTasks, { error: 'form.required' }),
    startsAt: requiredLocal(zone),
    endsAt: requiredLocal(zone),
    roomId: optionalId,
    sessionId: optionalId,
    transportRouteId: optionalId,
    note: fields.optionalText(300),
  });
export type ShiftInput = z.output<ReturnType<typeof shiftForm>>;

export const roomCountForm = z.object({
  moment: z.enum(countMoments, { error: 'eventDay.count.momentRequired' }),
  headcount: fields.count(0, 5000),
});

/** The badge filters (query string); anything unknown is ignored rather than refused. */
export const badgeFilters = z.object({
  status: z.enum(registrationStatuses).optional().catch(undefined),
  group: z.enum(stakeholderGroups).optional().catch(undefined),
  institution: z.string().trim().max(200).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});
export type BadgeFilters = z.output<typeof badgeFilters>;
