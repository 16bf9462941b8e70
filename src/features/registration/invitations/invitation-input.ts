/**
 * The forms of invitations, validated with zod: choosing people and pasting a list, the
 * invitee's answer, attendance. A pasted list is read line by line and every line that cannot
 * be read is reported with its number and the reason, so the organiser can fix just those.
 *
 * @example
 * const { invitees, problems } = parseInviteeList('Ana Pérez <ana@example.org>\nBen, ben@example.org, EFE');
 * invitees[1]; // { name: 'Ben', email: 'ben@example.org', representing: 'EFE' }
 */
import { z } from 'zod';
import { langs } from '../../../i18n/index';
import { fields } from '../../../lib/fields';

/** At most this many lines are read from one pasted list. */
export const MAX_LIST_LINES = 500;

export const inviteeLine = z.object({
  name: fields.text({ max: 200 }),
  email: fields.email(),
  representing: fields.optionalText(200),
});
export type Invitee = z.output<typeof inviteeLine>;

export const listProblems = ['format', 'name', 'email', 'representing', 'duplicate'] as const;
export type ListProblem = {
  /** 1-based, as the organiser counts lines. */
  line: number;
  text: string;
  reason: (typeof listProblems)[number];
};

/** Splits "Name <email>" or "Name, email, representing" (commas, semicolons or tabs). */
function splitLine(line: string): { name: string; email: string; representing?: string } | null {
  const angle = /^(.*?)\s*<([^<>]*)>\s*(?:[,;\t]\s*(.*))?$/.exec(line);
  if (angle) return { name: angle[1]!, email: angle[2]!, representing: angle[3] };
  const parts = line.split(line.includes('\t') ? '\t' : /[,;]/).map((p) => p.trim());
  if (parts.length < 2) return null;
  const [name, email, ...rest] = parts;
  return { name: name!, email: email!, representing: rest.join(', ') };
}

export function parseInviteeList(text: string): { invitees: Invitee[]; problems: ListProblem[] } {
  const invitees: Invitee[] = [];
  const problems: ListProblem[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/).slice(0, MAX_LIST_LINES);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const report = (reason: ListProblem['reason']) =>
      problems.push({ line: i + 1, text: line.slice(0, 120), reason });
    const parts = splitLine(line);
    if (!parts) {
      report('format');
      continue;
    }
    const parsed = inviteeLine.safeParse(parts);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'format');
      report(field === 'name' || field === 'email' || field === 'representing' ? field : 'format');
      continue;
    }
    if (seen.has(parsed.data.email)) {
      report('duplicate');
      continue;
    }
    seen.add(parsed.data.email);
    invitees.push(parsed.data);
  }
  return { invitees, problems };
}

/** A checkbox list arrives as one string, several, or nothing. */
const many = (item: z.ZodType<string>) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(1000),
  );

export const inviteForm = z
  .object({
    personIds: many(z.uuid('form.invalid')),
    list: z.string().max(50_000, 'form.tooLong|max=50000').optional().default(''),
    /** The language of pasted invitees who are not in the network with a known language. */
    lang: z.enum(langs, { error: 'form.invalid' }).optional().default('es'),
  })
  .refine((v) => v.personIds.length > 0 || v.list.trim() !== '', {
    message: 'invitation.invite.nothing',
    path: ['list'],
  });
export type InviteForm = z.output<typeof inviteForm>;

export const answers = ['accepted', 'declined'] as const;
export type Answer = (typeof answers)[number];
export const answerForm = z.object({ answer: z.enum(answers, { error: 'form.invalid' }) });

/** One `attended-{invitation id}` field per row: yes, no, or blank for "not recorded". */
export const attendanceForm = z
  .record(
    z.string().regex(/^attended-[0-9a-f-]{36}$/i, 'form.invalid'),
    z.enum(['yes', 'no', ''], { error: 'form.invalid' }),
  )
  .transform((r) =>
    Object.entries(r).map(([key, v]) => ({
      invitationId: key.slice('attended-'.length),
      attended: v === '' ? null : v === 'yes',
    })),
  );
export type AttendanceInput = z.output<typeof attendanceForm>;
