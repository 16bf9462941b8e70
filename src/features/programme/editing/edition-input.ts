/**
 * Forms for editions, events and rooms. Times are typed as wall-clock times in the event's zone.
 *
 * @example
 * const form = await readForm(c, eventForm);
 */
import { z } from 'zod';
import { fields } from '../../../lib/fields';
import { instantInZone } from '../../../lib/format';
import { eventKinds } from '../schema';

const { optionalText, count } = fields;
const optionalUrl = fields.optionalUrl();

export const editionForm = z.object({
  name: fields.text({ max: 120 }),
  slug: fields.slug(),
  year: count(2000, 2100),
  travelBufferMinutes: count(0, 240),
  maxSessionsPerSpeaker: count(1, 50),
});
export type EditionInput = z.output<typeof editionForm>;

export const editionSettingsForm = editionForm.pick({
  travelBufferMinutes: true,
  maxSessionsPerSpeaker: true,
});

const zones = new Set(Intl.supportedValuesOf('timeZone'));

export type EditionSettingsInput = z.output<typeof editionSettingsForm>;

export const eventForm = z
  .object({
    kind: z.enum(eventKinds, 'form.required'),
    titleEs: fields.text({ max: 200 }),
    titleEn: optionalText(200),
    descriptionEs: optionalText(5000),
    descriptionEn: optionalText(5000),
    timeZone: z
      .string()
      .trim()
      .refine((v) => zones.has(v), 'form.invalidZone'),
    startDay: z.iso.date('form.invalidDate'),
    endDay: z.iso.date('form.invalidDate'),
    startTime: z
      .string()
      .regex(/^(\d\d:\d\d)?$/, 'form.invalidTime')
      .optional(),
    endTime: z
      .string()
      .regex(/^(\d\d:\d\d)?$/, 'form.invalidTime')
      .optional(),
    visibility: z.enum(['public', 'invitation'], 'form.required'),
    streamUrl: optionalUrl,
    venueName: optionalText(200),
    venueAddress: optionalText(300),
    venueMapUrl: optionalUrl,
    venueDirections: optionalText(2000),
  })
  .transform((v, ctx) => {
    // Without times the event is date-only: shown without hours, nothing invented.
    const timesKnown = Boolean(v.startTime && v.endTime);
    const startsAt = instantInZone(v.startDay, timesKnown ? v.startTime! : '00:00', v.timeZone);
    const endsAt = timesKnown
      ? instantInZone(v.endDay, v.endTime!, v.timeZone)
      : instantInZone(v.endDay, '23:59', v.timeZone);
    if (!startsAt)
      ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'form.invalidTime' });
    if (!endsAt) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'form.invalidTime' });
    if (startsAt && endsAt && endsAt <= startsAt)
      ctx.addIssue({ code: 'custom', path: ['endDay'], message: 'programme.form.endBeforeStart' });
    return {
      kind: v.kind,
      titleEs: v.titleEs,
      titleEn: v.titleEn,
      descriptionEs: v.descriptionEs,
      descriptionEn: v.descriptionEn,
      timeZone: v.timeZone,
      startsAt: startsAt ?? new Date(NaN),
      endsAt: endsAt ?? new Date(NaN),
      timesKnown,
      visibility: v.visibility,
      streamUrl: v.streamUrl,
      venue: v.venueName
        ? {
            name: v.venueName,
            address: v.venueAddress,
            mapUrl: v.venueMapUrl,
            directions: v.venueDirections,
          }
        : null,
    };
  });
export type EventInput = z.output<typeof eventForm>;

/** A room; availability is typed one window per line: `2018-10-25 08:00-17:00`. */
export function roomForm(timeZone: string) {
  return z
    .object({
      name: fields.text({ max: 120 }),
      capacity: fields.optionalCount(1, 100_000),
      accessibility: optionalText(1000),
      streamUrl: optionalUrl,
      availability: z.string().optional(),
    })
    .transform((v, ctx) => {
      const windows: { startsAt: Date; endsAt: Date }[] = [];
      for (const line of (v.availability ?? '').split(/\r?\n/)) {
        if (!line.trim()) continue;
        const m = /^\s*(\d{4}-\d\d-\d\d)\s+(\d\d:\d\d)\s*[-–]\s*(\d\d:\d\d)\s*$/.exec(line);
        const startsAt = m && instantInZone(m[1]!, m[2]!, timeZone);
        const endsAt = m && instantInZone(m[1]!, m[3]!, timeZone);
        if (!startsAt || !endsAt || endsAt <= startsAt) {
          ctx.addIssue({
            code: 'custom',
            path: ['availability'],
            message: `programme.form.badWindow|line=${line.trim().slice(0, 40)}`,
          });
          continue;
        }
        windows.push({ startsAt, endsAt });
      }
      return {
        name: v.name,
        capacity: v.capacity,
        accessibility: v.accessibility,
        streamUrl: v.streamUrl,
        availability: windows,
      };
    });
}
export type RoomInput = z.output<ReturnType<typeof roomForm>>;
