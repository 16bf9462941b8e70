/**
 * Shapes of the programme API under `/api/v1/initiatives/{slug}/editions/…`: what organisers
 * send (times as ISO 8601 date-times with their offset) and what they get back (the draft).
 * Error messages are catalogue keys, translated by the API's validation hook.
 */
import { z } from '@hono/zod-openapi';
import { changeFields } from './publishing/diff-snapshots';
import { sessionLanguages } from './editing/session-input';
import { eventKinds, sessionKinds, sessionRoles } from './schema';
import { warningCodes } from './warnings/find-warnings';

const zones = new Set(Intl.supportedValuesOf('timeZone'));
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const URL_PATTERN = /^https?:\/\/\S+$/i;

const instant = z.iso
  .datetime({ offset: true, error: 'programme.api.invalidDateTime' })
  .openapi({ example: '2018-10-25T09:00:00-06:00', description: 'ISO 8601 with offset' });
const instantOut = z.iso
  .datetime({ offset: true })
  .openapi({ example: '2018-10-25T15:00:00.000Z' });
const requiredText = (max: number) =>
  z
    .string({ error: 'form.required' })
    .trim()
    .min(1, 'form.required')
    .max(max, `form.tooLong|max=${max}`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `form.tooLong|max=${max}`).nullish();
const optionalUrl = z
  .string()
  .trim()
  .max(500, 'form.tooLong|max=500')
  .refine((v) => v === '' || URL_PATTERN.test(v), 'form.invalidUrl')
  .nullish()
  .openapi({ example: 'https://example.org/live' });
const count = (min: number, max: number) =>
  z
    .number({ error: 'form.invalidNumber' })
    .int('form.invalidNumber')
    .min(min, `form.tooSmall|min=${min}`)
    .max(max, `form.tooBig|max=${max}`);

/** Adds "the end must be after the start" on `endsAt` when both parse. */
const endAfterStart = (v: { startsAt: string; endsAt: string }, ctx: z.RefinementCtx) => {
  if (Date.parse(v.endsAt) <= Date.parse(v.startsAt))
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'programme.form.endBeforeStart' });
};

export const EditionInputSchema = z
  .object({
    name: requiredText(120).openapi({ example: 'IGF Guatemala 2019' }),
    slug: z
      .string({ error: 'form.required' })
      .trim()
      .min(1, 'form.required')
      .max(60, 'form.tooLong|max=60')
      .regex(SLUG, 'form.slug')
      .openapi({ example: 'igf-guatemala-2019', description: 'Public address: /e/{slug}' }),
    year: count(2000, 2100).openapi({ example: 2019 }),
    travelBufferMinutes: count(0, 240).default(15),
    maxSessionsPerSpeaker: count(1, 50).default(3),
  })
  .openapi('EditionInput');

export const EditionSchema = z
  .object({
    id: z.uuid(),
    slug: z.string().openapi({ example: 'igf-guatemala-2018' }),
    name: z.string(),
    year: z.number().int(),
    travelBufferMinutes: z.number().int(),
    maxSessionsPerSpeaker: z.number().int(),
  })
  .openapi('Edition');

const eventFields = {
  id: z.uuid(),
  kind: z.enum(eventKinds),
  titleEs: z.string(),
  titleEn: z.string().nullable(),
  startsAt: instantOut,
  endsAt: instantOut,
  timeZone: z.string().openapi({ example: 'America/Guatemala' }),
  timesKnown: z.boolean().openapi({ description: 'False when only the dates are known' }),
  visibility: z.enum(['public', 'invitation']),
  published: z.boolean().openapi({ description: 'A version has been published' }),
};
export const EventSummarySchema = z.object(eventFields).openapi('EventSummary');

export const EditionDetailSchema = EditionSchema.extend({
  events: z.array(EventSummarySchema),
}).openapi('EditionDetail');

const WindowInput = z
  .object({ startsAt: instant, endsAt: instant })
  .superRefine(endAfterStart)
  .openapi('AvailabilityWindowInput');
const WindowSchema = z.object({ startsAt: instantOut, endsAt: instantOut });

export const RoomSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    capacity: z.number().int().nullable(),
    accessibility: z.string().nullable(),
    streamUrl: z.string().nullable(),
    availability: z.array(WindowSchema).openapi({
      description: 'When the room may be used; none means always',
    }),
  })
  .openapi('Room');

export const RoomInputSchema = z
  .object({
    name: requiredText(120).openapi({ example: 'Aula Magna' }),
    capacity: count(1, 100_000).nullish().openapi({ example: 300 }),
    accessibility: optionalText(1000),
    streamUrl: optionalUrl,
    availability: z.array(WindowInput).max(100).default([]),
  })
  .openapi('RoomInput');

export const VenueInputSchema = z.object({
  name: requiredText(200).openapi({ example: 'Universidad Rafael Landívar' }),
  address: optionalText(300),
  mapUrl: optionalUrl,
  directions: optionalText(2000),
});

export const EventDetailSchema = z
  .object({
    ...eventFields,
    descriptionEs: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    streamUrl: z.string().nullable(),
    venue: z
      .object({
        id: z.uuid(),
        name: z.string(),
        address: z.string().nullable(),
        mapUrl: z.string().nullable(),
        directions: z.string().nullable(),
      })
      .nullable(),
    rooms: z.array(RoomSchema),
  })
  .openapi('Event');

export const EventInputSchema = z
  .object({
    kind: z.enum(eventKinds, { error: 'form.required' }).openapi({ example: 'forum' }),
    titleEs: requiredText(200).openapi({ example: 'Foro de Gobernanza de Internet' }),
    titleEn: optionalText(200),
    descriptionEs: optionalText(5000),
    descriptionEn: optionalText(5000),
    timeZone: z
      .string({ error: 'form.required' })
      .trim()
      .refine((v) => zones.has(v), 'form.invalidZone')
      .openapi({ example: 'America/Guatemala', description: 'IANA time zone' }),
    startsAt: instant,
    endsAt: instant.openapi({ example: '2018-10-25T17:00:00-06:00' }),
    timesKnown: z.boolean().default(true),
    visibility: z.enum(['public', 'invitation'], { error: 'form.required' }).default('public'),
    streamUrl: optionalUrl,
    venue: VenueInputSchema.nullish().openapi({
      description: 'Sets the event’s venue; left out or null keeps the current one',
    }),
  })
  .superRefine(endAfterStart)
  .openapi('EventInput');

export const SessionSchema = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    kind: z.enum(sessionKinds),
    titleEs: z.string(),
    titleEn: z.string().nullable(),
    descriptionEs: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    topic: z.string().nullable(),
    language: z.string(),
    startsAt: instantOut,
    endsAt: instantOut,
    room: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    streamUrl: z.string().nullable(),
    recordingUrl: z.string().nullable(),
    doNotRecord: z.boolean(),
    position: z.number().int(),
    people: z.array(z.object({ personId: z.uuid(), name: z.string(), role: z.enum(sessionRoles) })),
    institutions: z.array(
      z.object({ institutionId: z.uuid(), name: z.string(), acronym: z.string().nullable() }),
    ),
  })
  .openapi('Session');

export const SessionInputSchema = z
  .object({
    kind: z.enum(sessionKinds, { error: 'form.required' }).openapi({ example: 'panel' }),
    titleEs: requiredText(200).openapi({ example: 'Acceso universal a Internet' }),
    titleEn: optionalText(200),
    descriptionEs: optionalText(5000),
    descriptionEn: optionalText(5000),
    topic: optionalText(100),
    roomId: z
      .uuid('form.invalid')
      .nullish()
      .openapi({ description: 'A room of the event’s venue' }),
    startsAt: instant,
    endsAt: instant.openapi({ example: '2018-10-25T10:30:00-06:00' }),
    language: z.enum(sessionLanguages, { error: 'form.invalid' }).default('es'),
    streamUrl: optionalUrl,
    recordingUrl: optionalUrl,
    doNotRecord: z.boolean().default(false),
    position: z.number().int('form.invalid').min(0).max(999).default(0),
    people: z
      .array(
        z.object({
          personId: z.uuid('form.invalid'),
          role: z.enum(sessionRoles, { error: 'form.invalid' }),
        }),
      )
      .max(100)
      .default([])
      .openapi({ description: 'People taking part in the initiative, in order' }),
    institutionIds: z.array(z.uuid('form.invalid')).max(50).default([]),
  })
  .superRefine(endAfterStart)
  .openapi('SessionInput');

export const WarningSchema = z
  .object({
    code: z.enum(warningCodes),
    message: z.string().openapi({ description: 'The warning in the caller’s language' }),
    sessionIds: z.array(z.uuid()),
  })
  .openapi('ProgrammeWarning');

export const ChangeSchema = z
  .object({
    type: z.enum(['added', 'removed', 'changed']),
    sessionId: z.string(),
    titleEs: z.string(),
    titleEn: z.string().nullable(),
    fields: z.array(z.enum(changeFields)),
    before: z
      .object({ startsAt: z.string(), endsAt: z.string(), room: z.string().nullable() })
      .optional(),
    after: z
      .object({ startsAt: z.string(), endsAt: z.string(), room: z.string().nullable() })
      .optional(),
    personIds: z.array(z.string()),
  })
  .openapi('ProgrammeChange');

export const VersionSchema = z
  .object({ number: z.number().int(), publishedAt: instantOut, changes: z.array(ChangeSchema) })
  .openapi('ProgrammeVersion');

export const PublishResultSchema = z
  .object({
    number: z.number().int().openapi({ description: 'The new version' }),
    changes: z.array(ChangeSchema),
    notified: z.number().int().openapi({ description: 'People e-mailed about their sessions' }),
  })
  .openapi('PublishResult');
