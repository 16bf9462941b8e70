import { isUuid } from '../../../lib/uuid';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { inputErrorsOrThrow } from '../../../http/input-error';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDay, formatTime } from '../../../lib/format';
import { Csrf, ErrorSummary, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { applyImport } from '../import/apply-import';
import { parseC3vocSchedule } from '../import/parse-c3voc';
import { parseFrabSchedule } from '../import/parse-frab';
import { previewImport, type ImportReport } from '../import/preview-import';
import { findStoredImport } from '../import/find-stored-import';
import { markImportApplied } from '../import/mark-import-applied';
import { storeImport } from '../import/store-import';
import { importError, MAX_IMPORT_BYTES, type ImportedProgramme } from '../import/types';
import { programmePermissions } from '../permissions';
import { localTitle } from '../../../views/local-title';
import { managedEvent, manageBase } from './manage-context';

const editors = () => access.initiative(programmePermissions.editProgramme);

/** A stored programme back from JSON (dates revived), checked rather than cast. */
const storedProgramme = z.looseObject({
  format: z.enum(['frab', 'c3voc']),
  rooms: z.array(z.looseObject({ name: z.string() })),
  sessions: z.array(
    z.looseObject({
      title: z.string(),
      start: z.coerce.date(),
      end: z.coerce.date(),
      persons: z.array(z.looseObject({ name: z.string(), role: z.string() })),
    }),
  ),
});

/** The apply form: only the choice to adopt the file's time zone. */
const applyForm = z.object({ adoptZone: z.literal('1').optional() });

function readStored(json: unknown): ImportedProgramme {
  return storedProgramme.parse(json) as unknown as ImportedProgramme;
}

/** Reads a schedule file: XML is frab, anything else is tried as c3voc JSON. */
function parseSchedule(text: string): ImportedProgramme {
  return text.trimStart().startsWith('<') ? parseFrabSchedule(text) : parseC3vocSchedule(text);
}

async function uploadPage(c: Context<AppEnv>, error?: string) {
  const page = pageOf(c);
  const { t } = page;
  const { edition, event } = await managedEvent(c);
  const base = `${manageBase(c, edition.slug)}/events/${event.id}`;
  const errors = error ? { file: error } : undefined;
  return render(
    c,
    <Layout page={page} title={t('import.programme.title')}>
      <p>
        <a href={base}>{localTitle(page, event)}</a>
      </p>
      <h1>{t('import.programme.title')}</h1>
      <p>{t('import.programme.lead')}</p>
      <form method="post" action={`${base}/import`} enctype="multipart/form-data" class="stack">
        <Csrf page={page} />
        <ErrorSummary page={page} errors={errors} />
        <div class={error ? 'field has-error' : 'field'}>
          <label for="f-file">{t('import.programme.file')}</label>
          <p class="hint" id="f-file-hint">
            {t('import.programme.fileHint', { mb: MAX_IMPORT_BYTES / 1024 / 1024 })}
          </p>
          {error && (
            <p class="error" id="f-file-error">
              {error}
            </p>
          )}
          <input
            id="f-file"
            name="file"
            type="file"
            accept=".xml,.json,application/xml,application/json,text/xml"
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'f-file-hint f-file-error' : 'f-file-hint'}
          />
        </div>
        <button type="submit">{t('import.programme.preview')}</button>
      </form>
    </Layout>,
    error ? 422 : 200,
  );
}

async function previewPage(c: Context<AppEnv>, o: { error?: string } = {}) {
  const page = pageOf(c);
  const { t, lang } = page;
  const { edition, event } = await managedEvent(c);
  const base = `${manageBase(c, edition.slug)}/events/${event.id}`;
  const row = await storedImport(c, event.id);
  const report: ImportReport = await previewImport({
    db: c.var.deps.db,
    eventId: event.id,
    programme: readStored(row.programme),
  });
  const zone = event.timeZone;
  const errors = report.problems.filter((p) => p.severity === 'error');
  return render(
    c,
    <Layout page={page} title={t('import.programme.review')}>
      <p>
        <a href={base}>{localTitle(page, event)}</a>
      </p>
      <h1>{t('import.programme.review')}</h1>
      <p>
        <strong>{row.filename}</strong> ({row.format})
      </p>
      {o.error && <p class="notice error">{o.error}</p>}
      <ul>
        <li>{t('import.programme.countSessions', { count: report.counts.sessions })}</li>
        <li>
          {t('import.programme.countRooms', {
            existing: report.counts.roomsExisting,
            created: report.counts.roomsNew,
          })}
        </li>
        <li>
          {t('import.programme.countPeople', {
            matched: report.counts.peopleMatched,
            created: report.counts.peopleNew,
          })}
        </li>
      </ul>
      {report.problems.length > 0 && (
        <>
          <h2>{t('import.programme.problems')}</h2>
          <ul>
            {report.problems.map((p) => (
              <li class={p.severity === 'error' ? 'error' : undefined}>
                {t(`import.programme.problem.${p.code}`)}
                {p.detail && <> — {p.detail}</>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('import.programme.dropped')}</h2>
      {report.dropped.length === 0 ? (
        <p>{t('import.programme.droppedNone')}</p>
      ) : (
        <>
          <p class="hint">{t('import.programme.droppedHint')}</p>
          <ul class="dropped">
            {report.dropped.map((d) => (
              <li>
                <code>{d.kind}</code> × {d.count}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('manage.sessions.title')}</h2>
      <TableWrap label={t('manage.sessions.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('manage.sessions.when')}</th>
              <th scope="col">{t('manage.session.room')}</th>
              <th scope="col">{t('manage.session.titleEs')}</th>
              <th scope="col">{t('manage.sessions.people')}</th>
            </tr>
          </thead>
          <tbody>
            {report.sessions.map((s) => (
              <tr>
                <td>
                  {formatDay(s.startsAt, lang, zone)} {formatTime(s.startsAt, lang, zone)}–
                  {formatTime(s.endsAt, lang, zone)}
                </td>
                <td>{s.room ?? ''}</td>
                <td>{s.title}</td>
                <td>
                  {s.people
                    .map(
                      (p) =>
                        `${p.name} (${t(`programme.role.${p.role}`)}${p.personId ? '' : `, ${t('import.programme.newPerson')}`})`,
                    )
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {errors.length === 0 && !row.appliedAt ? (
        <form method="post" action={`${base}/import/${row.id}/apply`} class="stack">
          <Csrf page={page} />
          {report.fileTimeZone && (
            <div class="field">
              <label>
                <input type="checkbox" name="adoptZone" value="1" checked />{' '}
                {t('import.programme.adoptZone', { zone: report.fileTimeZone })}
              </label>
            </div>
          )}
          <button type="submit">
            {t('import.programme.apply', { count: report.counts.sessions })}
          </button>
        </form>
      ) : (
        <p>
          <a href={`${base}/import`}>{t('import.programme.again')}</a>
        </p>
      )}
    </Layout>,
  );
}

async function storedImport(c: Context<AppEnv>, eventId: string) {
  const id = c.req.param('import') ?? '';
  if (!isUuid(id)) throw new AppError('not_found');
  const row = await findStoredImport(c.var.deps.db, { importId: id, eventId });
  if (!row) throw new AppError('not_found');
  return row;
}

/** Import a frab or c3voc schedule into an event: upload, review what would happen, apply. */
export const manageImportRoutes = new Hono<AppEnv>()
  .get('/i/:slug/editions/:edition/events/:event/import', editors(), (c) => uploadPage(c))
  .post('/i/:slug/editions/:edition/events/:event/import', editors(), async (c) => {
    const { edition, event } = await managedEvent(c);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      return uploadPage(c, c.var.t('import.programme.noFile'));
    if (file.size > MAX_IMPORT_BYTES)
      return uploadPage(c, inputErrorsOrThrow(c, importError('import_too_large')).file);
    let programme: ImportedProgramme;
    try {
      programme = parseSchedule(await file.text());
    } catch (e) {
      return uploadPage(c, inputErrorsOrThrow(c, e).file);
    }
    const id = await storeImport(c.var.deps.db, {
      eventId: event.id,
      filename: file.name,
      programme,
      userId: c.var.user!.id,
    });
    return c.redirect(`${manageBase(c, edition.slug)}/events/${event.id}/import/${id}`, 303);
  })
  .get('/i/:slug/editions/:edition/events/:event/import/:import', editors(), (c) => previewPage(c))
  .post('/i/:slug/editions/:edition/events/:event/import/:import/apply', editors(), async (c) => {
    const { edition, event } = await managedEvent(c);
    const row = await storedImport(c, event.id);
    const form = applyForm.safeParse(await c.req.parseBody());
    try {
      const report = await audited(
        c,
        async (tx) => {
          const applied = await applyImport({
            db: tx,
            eventId: event.id,
            programme: readStored(row.programme),
            adoptTimeZone: form.success && form.data.adoptZone === '1',
          });
          await markImportApplied(tx, { importId: row.id });
          return applied;
        },
        (r) => ({
          action: 'programme.imported',
          targetType: 'event',
          targetId: event.id,
          data: { import: row.id, ...r.counts },
        }),
      );
      setFlash(c, 'import.programme.done', {
        sessions: report.counts.sessions,
        people: report.counts.peopleNew,
      });
      return c.redirect(`${manageBase(c, edition.slug)}/events/${event.id}`, 303);
    } catch (e) {
      return previewPage(c, { error: inputErrorsOrThrow(c, e).file });
    }
  });
