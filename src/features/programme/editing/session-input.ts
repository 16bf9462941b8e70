/**
 * What a session is made of when organisers write it, and the form that produces it (times are
 * typed as wall-clock times in the event's zone).
 *
 * @example
 * const form = await readForm(c, sessionForm({ timeZone: event.timeZone, rows: 8 }));
 * if (form.ok) await saveSession({ db, eventId, input: form.data });
 */
import { z } from 'zod';
import { instantInZone } from '../../../lib/format';
import { fields } from '../../../lib/fields';

const { optionalText } = fields;
const optionalUrl = fields.optionalUrl();
import { sessionKinds, sessionRoles, type SessionRole } from '../schema';

export type SessionInput = {
  kind: (typeof sessionKinds)[number];
  titleEs: string;
  titleEn: string | null;
  descriptionEs: string | null;
  descriptionEn: string | null;
  topic: string | null;
  roomId: string | null;
  startsAt: Date;
  endsAt: Date;
  language: string;
  streamUrl: string | null;
  recordingUrl: string | null;
  doNotRecord: boolean;
  position: number;
  people: { personId: string; role: SessionRole }[];
  institutionIds: string[];
};

export const sessionLanguages = ['es', 'en', 'es-en'] as const;

const uuidOrEmpty = z
  .string()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || z.uuid().safeParse(v).success, 'form.invalid');

/** How many person rows the form offers: the current ones plus a few empty ones. */
export const PEOPLE_ROWS_EXTRA = 3;

/** The session form; `rows` is how many person rows were offered. */
export function sessionForm(o: { timeZone: string; rows: number }) {
  const rowFields: Record<string, z.ZodType> = {};
  for (let i = 0; i < o.rows; i++) {
    rowFields[`personId_${i}`] = uuidOrEmpty;
    rowFields[`role_${i}`] = z.enum(sessionRoles, 'form.invalid').optional().or(z.literal(''));
  }
  return z
    .object({
      kind: z.enum(sessionKinds, 'form.required'),
      titleEs: z
        .string({ error: 'form.required' })
        .trim()
        .min(1, 'form.required')
        .max(200, 'form.tooLong|max=200'),
      titleEn: optionalText(200),
      descriptionEs: optionalText(5000),
      descriptionEn: optionalText(5000),
      topic: optionalText(100),
      roomId: uuidOrEmpty,
      day: z.iso.date('form.invalidDate'),
      start: z.string().regex(/^\d\d:\d\d$/, 'form.invalidTime'),
      end: z.string().regex(/^\d\d:\d\d$/, 'form.invalidTime'),
      language: z.enum(sessionLanguages, 'form.invalid'),
      streamUrl: optionalUrl,
      recordingUrl: optionalUrl,
      doNotRecord: fields.checkbox(),
      position: z.coerce.number().int('form.invalid').min(0).max(999).catch(0),
      institutionIds: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))
        .refine((ids) => ids.every((id) => z.uuid().safeParse(id).success), 'form.invalid'),
      ...rowFields,
    })
    .transform((v, ctx): SessionInput => {
      const startsAt = instantInZone(v.day, v.start, o.timeZone);
      const endsAt = instantInZone(v.day, v.end, o.timeZone);
      if (!startsAt) ctx.addIssue({ code: 'custom', path: ['start'], message: 'form.invalidTime' });
      if (!endsAt) ctx.addIssue({ code: 'custom', path: ['end'], message: 'form.invalidTime' });
      if (startsAt && endsAt && endsAt <= startsAt)
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'programme.form.endBeforeStart' });
      const people: SessionInput['people'] = [];
      const rows = v as Record<string, unknown>;
      for (let i = 0; i < o.rows; i++) {
        const personId = rows[`personId_${i}`] as string | null;
        const role = rows[`role_${i}`] as SessionRole | '' | undefined;
        if (!personId) continue;
        if (!role) {
          ctx.addIssue({ code: 'custom', path: [`role_${i}`], message: 'form.required' });
          continue;
        }
        people.push({ personId, role });
      }
      return {
        kind: v.kind,
        titleEs: v.titleEs,
        titleEn: v.titleEn,
        descriptionEs: v.descriptionEs,
        descriptionEn: v.descriptionEn,
        topic: v.topic,
        roomId: v.roomId,
        startsAt: startsAt ?? new Date(NaN),
        endsAt: endsAt ?? new Date(NaN),
        language: v.language,
        streamUrl: v.streamUrl,
        recordingUrl: v.recordingUrl,
        doNotRecord: v.doNotRecord,
        position: v.position,
        people,
        institutionIds: v.institutionIds,
      };
    });
}
