/**
 * A programme read from a schedule file (frab `schedule.xml` or c3voc `schedule.json`), in a
 * neutral shape that the preview and the import work from, plus the typed errors of an import and
 * the small rules both parsers share (times, session kinds, person roles, languages).
 *
 * @example
 * const programme = parseC3vocSchedule(text); // ImportedProgramme, or throws importError(…)
 * sessionKindOf('lecture'); // 'panel'
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { sessionKinds, sessionRoles, type SessionRole } from '../schema';
import { searchKey } from '../../../lib/search-key';
import { InputError } from '../../../http/input-error';

export type SessionKind = (typeof sessionKinds)[number];
/** The languages a session can be given in (see the session form). */
export type SessionLanguage = 'es' | 'en' | 'es-en';

export type ImportedPerson = { name: string; role: SessionRole };

/** A link given with a session: `link` (links), `attachment` (attachments) or `feedback`. */
export type ImportedLink = { url: string; title: string; kind: 'link' | 'attachment' | 'feedback' };

export type ImportedSession = {
  guid?: string;
  /** The file's integer id of the session (frab's `id` attribute, c3voc's `id`). */
  id?: number;
  slug?: string;
  /** The session's page in the system the file came from. */
  url?: string;
  links?: ImportedLink[];
  title: string;
  subtitle?: string;
  description?: string;
  abstract?: string;
  track?: string;
  /** The file's own type, e.g. "talk" or "panel"; see `sessionKindOf`. */
  type?: string;
  language?: string;
  /** The room's name as the file spells it. */
  room?: string;
  start: Date;
  end: Date;
  doNotRecord?: boolean;
  persons: ImportedPerson[];
};

/** A part of the file the import does not keep: the file's field name and how many there are. */
export type DroppedPart = { kind: string; count: number };

export type ImportedProgramme = {
  /** Which format the programme came from. */
  format: 'frab' | 'c3voc';
  /** The software that wrote the file (`<generator name>`), e.g. "Convoca" or "pretalx". */
  generator?: string;
  title?: string;
  /** The conference's IANA zone, when the file names a valid one. */
  timeZone?: string;
  rooms: { name: string; guid?: string }[];
  sessions: ImportedSession[];
  /** What the file holds that will not be kept (see `tallyDropped`); absent in older imports. */
  dropped?: DroppedPart[];
};

/** Files larger than this are refused before parsing. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Schedules with more sessions than this are refused. */
export const MAX_IMPORT_SESSIONS = 5000;

export const importErrorCodes = [
  /** The file is larger than `MAX_IMPORT_BYTES`. */
  'import_too_large',
  /** Not well-formed XML (or it declares a DOCTYPE, which schedules never need). */
  'import_invalid_xml',
  /** Not valid JSON. */
  'import_invalid_json',
  /** Well-formed, but not a frab/c3voc schedule at all (wrong root, no conference). */
  'import_not_schedule',
  /** A schedule whose parts have the wrong shape (e.g. an event without a title). */
  'import_invalid_schedule',
  /** A session whose start, end or duration cannot be read as an instant. */
  'import_bad_time',
  /** More than `MAX_IMPORT_SESSIONS` sessions. */
  'import_too_many_sessions',
  /** The target event does not exist. */
  'import_event_not_found',
  /** The target event already has sessions: importing again would duplicate them. */
  'import_event_not_empty',
  /** The preview found problems of severity "error"; nothing was written. */
  'import_has_errors',
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];

/**
 * Why a schedule could not be read or imported, as an `InputError` on the upload's `file` field:
 * its key is `import.programme.error.{code}`, and `detail` (a short, untranslated pointer into
 * the file: a path, a line, a session title) is shown in the message's parentheses.
 *
 * @example
 * throw importError('import_invalid_xml', 'line 3: unclosed tag');
 * importErrorCode(e); // 'import_invalid_xml', or undefined for any other error
 */
export function importError(code: ImportErrorCode, detail?: string): InputError {
  const params = detail === undefined ? undefined : { detail: detail.slice(0, 120) };
  return new InputError({ file: { key: `import.programme.error.${code}`, params } });
}

/** The code of an error made by `importError`, or undefined for any other error. */
export function importErrorCode(error: unknown): ImportErrorCode | undefined {
  if (!(error instanceof InputError)) return undefined;
  const key = error.fields.file?.key ?? '';
  const code = key.replace(/^import\.programme\.error\./, '');
  return key !== code ? importErrorCodes.find((c) => c === code) : undefined;
}

/** Refuses text larger than `MAX_IMPORT_BYTES`. */
export function checkSize(text: string): void {
  if (text.length > MAX_IMPORT_BYTES || Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES)
    throw importError('import_too_large');
}

/** Where the first zod issue points, e.g. "schedule.conference.days.0.rooms.Aula.2.title". */
export function issuePath(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? [...issue.path.map(String), issue.message].join('.') : '';
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d{1,2}:\d\d)$/;
const ISO_DATE = /^(\d{4}-\d\d-\d\d)/;
const CLOCK = /^(\d\d):(\d\d)(?::(\d\d))?$/;
const DURATION = /^(\d{1,3}):(\d\d)(?::(\d\d))?$/;

/** An ISO 8601 date-time with an offset (or Z) as an instant; undefined otherwise. */
export function instantOf(text: string | undefined | null): Date | undefined {
  if (!text || !ISO_INSTANT.test(text)) return undefined;
  const date = DateTime.fromISO(text, { setZone: true });
  return date.isValid ? date.toJSDate() : undefined;
}

/** Minutes in "HH:MM" or "HH:MM:SS" (frab and c3voc durations); undefined otherwise. */
export function durationMinutes(text: string | undefined | null): number | undefined {
  const m = text ? DURATION.exec(text.trim()) : null;
  if (!m || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return undefined;
  return Number(m[1]) * 60 + Number(m[2]) + Number(m[3] ?? 0) / 60;
}

/**
 * A session's start and end from the fields both formats carry: `date` (a date-time with offset,
 * preferred; or a bare date), `start` ("HH:MM", read in `zone` when `date` has no offset), and
 * either `end` (a date-time with offset) or `duration`. Throws `import_bad_time` naming `label`.
 */
export function sessionTimes(o: {
  date?: string;
  /** The day's date, used when the session's own `date` is missing. */
  day?: string;
  start?: string;
  end?: string | null;
  duration?: string | null;
  zone?: string;
  label: string;
}): { start: Date; end: Date } {
  const bad = (why: string) => importError('import_bad_time', `${o.label}: ${why}`);
  let start = instantOf(o.date);
  if (!start && o.date?.includes('T')) throw bad('no start');
  if (!start) {
    const day = ISO_DATE.exec(o.date ?? '')?.[1] ?? ISO_DATE.exec(o.day ?? '')?.[1];
    const clock = CLOCK.exec(o.start?.trim() ?? '');
    if (!day || !clock) throw bad('no start');
    if (!isTimeZone(o.zone)) throw bad('no time zone');
    const local = DateTime.fromISO(`${day}T${clock[1]}:${clock[2]}:${clock[3] ?? '00'}`, {
      zone: o.zone,
    });
    if (!local.isValid) throw bad('start');
    start = local.toJSDate();
  }
  const endInstant = instantOf(o.end ?? undefined);
  if (endInstant) return { start, end: endInstant };
  if (o.end) throw bad('end');
  const minutes = durationMinutes(o.duration);
  if (minutes === undefined) throw bad('duration');
  return { start, end: new Date(start.getTime() + minutes * 60_000) };
}

/**
 * Our session kind for a schedule's free-text `type`:
 * - one of our own kinds (what Convoca's exports write) is kept as it is;
 * - talk-like types (talk, lecture, presentation, lightning talk, discussion, debate, podium,
 *   round table, panel, session, meeting) become `panel`, the IGF's usual content session;
 * - workshop-like types (workshop, hands-on, tutorial, training, lab, bof) become `workshop`;
 * - keynote, plenary, opening, welcome, closing, break/coffee/pause, lunch, press and
 *   conclusions/summary/wrap-up map to the kind of the same name;
 * - anything else, or no type, becomes `other`.
 */
export function sessionKindOf(type: string | undefined): SessionKind {
  const key = (type ?? '')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
  if ((sessionKinds as readonly string[]).includes(key)) return key as SessionKind;
  const rules: [RegExp, SessionKind][] = [
    [/keynote/, 'keynote'],
    [/plenar/, 'plenary'],
    [/opening|inaugura|apertura/, 'opening'],
    [/welcome|bienvenid/, 'welcome'],
    [/closing|clausura|cierre/, 'closing'],
    [/lunch|almuerzo/, 'lunch'],
    [/breakout/, 'workshop'],
    [/break|coffee|pause|receso|cafe/, 'break'],
    [/press|prensa/, 'press'],
    [/conclusion|summary|wrap/, 'conclusions'],
    [/anthem|himno/, 'anthem'],
    [/workshop|hands|tutorial|training|taller|lab\b|bof/, 'workshop'],
    [
      /talk|lecture|present|discussion|debate|podium|round ?table|panel|session|meeting|conferenc|charla/,
      'panel',
    ],
  ];
  return rules.find(([pattern]) => pattern.test(key))?.[1] ?? 'other';
}

/** Our role for a person's role in a file (a Convoca extension); anything else is `speaker`. */
export function personRoleOf(role: string | undefined): SessionRole {
  const key = (role ?? '').trim().toLowerCase();
  return (sessionRoles as readonly string[]).includes(key) ? (key as SessionRole) : 'speaker';
}

/**
 * Our session language for a file's `language`: "es", "en" or both ("es-en"); undefined when the
 * file names another language (or several others), or none.
 */
export function sessionLanguageOf(language: string | undefined): SessionLanguage | undefined {
  const words = new Set(
    (language ?? '')
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .split(/[^a-z]+/),
  );
  const es = ['es', 'spa', 'spanish', 'espanol', 'castellano'].some((w) => words.has(w));
  const en = ['en', 'eng', 'english', 'ingles'].some((w) => words.has(w));
  return es && en ? 'es-en' : es ? 'es' : en ? 'en' : undefined;
}

/** Only http(s) URLs are kept as links (nothing that could run script when clicked). */
export function webUrl(text: string | null | undefined): string | undefined {
  const value = text?.trim();
  return value && /^https?:\/\//i.test(value) && URL.canParse(value) ? value : undefined;
}

/** The links of a session, http(s) only, without repeats; the title falls back to the URL. */
export function cleanLinks(
  list: { url?: string | null; title?: string | null; kind: ImportedLink['kind'] }[],
): ImportedLink[] {
  const seen = new Set<string>();
  const out: ImportedLink[] = [];
  for (const l of list) {
    const url = webUrl(l.url);
    if (!url || seen.has(`${l.kind}|${url}`)) continue;
    seen.add(`${l.kind}|${url}`);
    out.push({ url, title: optional(l.title)?.slice(0, 500) ?? url, kind: l.kind });
  }
  return out;
}

/** A positive integer id from a file (a number or digits), or undefined. */
export function integerId(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,9}$/.test(value.trim())
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647 ? n : undefined;
}

/** A name as people are stored: trimmed, single spaces. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** Optional text from a file: trimmed, and undefined when empty. */
export function optional(text: string | null | undefined): string | undefined {
  const value = text?.trim();
  return value ? value : undefined;
}

/** Persons of one session without blanks or repeats of the same name in the same role. */
export function uniquePersons(list: ImportedPerson[]): ImportedPerson[] {
  const seen = new Set<string>();
  const out: ImportedPerson[] = [];
  for (const p of list) {
    const name = cleanName(p.name).slice(0, 200);
    const key = `${searchKey(name)}|${p.role}`;
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push({ name, role: p.role });
  }
  return out;
}
