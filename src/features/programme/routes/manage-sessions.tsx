import { isUuid } from '../../../lib/uuid';
import { inputErrorsOrThrow } from '../../../http/input-error';
import { provided } from '../../../core/module';
import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { dayKey, isoInZone } from '../../../lib/format';
import { Csrf } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { listInstitutionChoices } from '../../network/index';
import { deleteSession } from '../editing/delete-session';
import { saveSession } from '../editing/save-session';
import { PEOPLE_ROWS_EXTRA, sessionForm } from '../editing/session-input';
import { programmePermissions } from '../permissions';
import { programmeOf, sessionPeopleChoices, venueRooms, type ProgrammeItem } from '../queries';
import { SessionForm } from '../views/session-form';
import { localTitle } from '../../../views/local-title';
import { WarningList } from '../views/warning-list';
import { editionWarnings } from '../warnings/edition-warnings';
import { managedEvent, manageBase } from './manage-context';

const editors = () => access.initiative(programmePermissions.editProgramme);
/** The most person rows a form may claim to have (a bound on what is read back). */
const MAX_ROWS = 60;

function sessionValues(s: ProgrammeItem, zone: string): FormValues {
  const values: FormValues = {
    kind: s.kind,
    titleEs: s.titleEs,
    titleEn: s.titleEn ?? '',
    descriptionEs: s.descriptionEs ?? '',
    descriptionEn: s.descriptionEn ?? '',
    topic: s.topic ?? '',
    roomId: s.room?.id ?? '',
    day: dayKey(s.startsAt, zone),
    start: isoInZone(s.startsAt, zone).slice(11, 16),
    end: isoInZone(s.endsAt, zone).slice(11, 16),
    language: s.language,
    streamUrl: s.streamUrl ?? '',
    recordingUrl: s.recordingUrl ?? '',
    doNotRecord: s.doNotRecord ? 'on' : '',
    position: String(s.position),
    institutionIds: s.institutions.map((i) => i.institutionId),
  };
  s.people.forEach((p, i) => {
    values[`personId_${i}`] = p.personId;
    values[`role_${i}`] = p.role;
  });
  return values;
}

/** The session being edited, within the event named in the URL. */
async function managedSession(c: Context<AppEnv>, eventId: string) {
  const id = c.req.param('session') ?? '';
  if (!isUuid(id)) throw new AppError('not_found');
  const item = (await programmeOf(c.var.deps.db, [eventId])).find((s) => s.id === id);
  if (!item) throw new AppError('not_found');
  return item;
}

async function sessionFormPage(
  c: Context<AppEnv>,
  o: { editing?: ProgrammeItem; values: FormValues; errors?: FieldErrors; rows: number },
) {
  const page = pageOf(c);
  const { t } = page;
  const { db } = c.var.deps;
  const { edition, event } = await managedEvent(c);
  const base = `${manageBase(c, edition.slug)}/events/${event.id}`;
  const [rooms, people, institutions] = await Promise.all([
    venueRooms(db, event.venueId),
    sessionPeopleChoices(db, {
      initiativeId: c.var.initiative.id,
      alsoIds: o.editing?.people.map((p) => p.personId),
    }),
    listInstitutionChoices(db),
  ]);
  const editionTracks = provided(c.var.modules, 'editionTracks');
  const tracks = editionTracks ? await editionTracks(db, edition.id) : [];
  const title = o.editing ? localTitle(page, o.editing) : t('manage.sessions.new');
  let warnings = null;
  if (o.editing) {
    const found = await editionWarnings(db, edition, {
      interest: provided(c.var.modules, 'sessionInterest'),
    });
    const id = o.editing.id;
    warnings = (
      <>
        <h2>{t('manage.sessions.warnings')}</h2>
        <WarningList
          page={page}
          warnings={found.warnings.filter((w) => w.sessionIds.includes(id))}
          sessions={new Map(found.items.map((s) => [s.id, s]))}
          editHref={(s) =>
            `${manageBase(c, edition.slug)}/events/${s.eventId}/sessions/${s.id}/edit`
          }
        />
      </>
    );
  }
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{localTitle(page, event)}</a>
      </p>
      <h1>{title}</h1>
      <p class="hint">{t('programme.timesIn', { zone: event.timeZone })}</p>
      {warnings}
      <SessionForm
        page={page}
        action={o.editing ? `${base}/sessions/${o.editing.id}/edit` : `${base}/sessions/new`}
        submit={o.editing ? t('common.save') : t('manage.sessions.new')}
        rows={o.rows}
        rooms={rooms}
        people={people}
        institutions={institutions.map((i) => ({
          id: i.id,
          name: i.acronym ? `${i.name} (${i.acronym})` : i.name,
        }))}
        values={o.values}
        errors={o.errors}
        tracks={tracks}
      />
      {o.editing && (
        <p>
          <a href={`${base}/sessions/${o.editing.id}/delete`}>{t('manage.sessions.delete')}</a>
        </p>
      )}
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function submitSession(c: Context<AppEnv>, editing?: ProgrammeItem) {
  const { edition, event } = await managedEvent(c);
  const body = await c.req.parseBody();
  const rows = Math.min(MAX_ROWS, Math.max(1, Number(body.rows) || 1));
  const form = await readForm(c, sessionForm({ timeZone: event.timeZone, rows }));
  if (!form.ok) return sessionFormPage(c, { editing, ...form, rows });
  try {
    const id = await audited(
      c,
      (tx) =>
        saveSession({
          db: tx,
          initiativeId: c.var.initiative.id,
          eventId: event.id,
          sessionId: editing?.id,
          input: form.data,
        }),
      (id) => ({
        action: editing ? 'session.updated' : 'session.created',
        targetType: 'session',
        targetId: id,
      }),
    );
    setFlash(c, 'manage.sessions.saved');
    return c.redirect(`${manageBase(c, edition.slug)}/events/${event.id}/sessions/${id}/edit`, 303);
  } catch (error) {
    return sessionFormPage(c, {
      editing,
      values: form.values,
      errors: inputErrorsOrThrow(c, error),
      rows,
    });
  }
}

/** Organisers write the sessions of an event's draft programme. */
export const manageSessionRoutes = new Hono<AppEnv>()
  .get('/i/:slug/editions/:edition/events/:event/sessions/new', editors(), async (c) => {
    const { event } = await managedEvent(c);
    return sessionFormPage(c, {
      values: {
        kind: 'panel',
        language: 'es',
        day: dayKey(event.startsAt, event.timeZone),
      },
      rows: PEOPLE_ROWS_EXTRA + 3,
    });
  })
  .post('/i/:slug/editions/:edition/events/:event/sessions/new', editors(), (c) => submitSession(c))
  .get('/i/:slug/editions/:edition/events/:event/sessions/:session/edit', editors(), async (c) => {
    const { event } = await managedEvent(c);
    const item = await managedSession(c, event.id);
    return sessionFormPage(c, {
      editing: item,
      values: sessionValues(item, event.timeZone),
      rows: item.people.length + PEOPLE_ROWS_EXTRA,
    });
  })
  .post('/i/:slug/editions/:edition/events/:event/sessions/:session/edit', editors(), async (c) => {
    const { event } = await managedEvent(c);
    return submitSession(c, await managedSession(c, event.id));
  })
  .get(
    '/i/:slug/editions/:edition/events/:event/sessions/:session/delete',
    editors(),
    async (c) => {
      const page = pageOf(c);
      const { t } = page;
      const { edition, event } = await managedEvent(c);
      const item = await managedSession(c, event.id);
      const base = `${manageBase(c, edition.slug)}/events/${event.id}`;
      const title = localTitle(page, item);
      return render(
        c,
        <Layout page={page} title={t('manage.sessions.delete')}>
          <h1>{t('manage.sessions.delete')}</h1>
          <p>{t('manage.sessions.deleteConfirm', { title })}</p>
          <form method="post" action={`${base}/sessions/${item.id}/delete`} class="stack">
            <Csrf page={page} />
            <button type="submit" class="danger">
              {t('manage.sessions.delete')}
            </button>
          </form>
          <p>
            <a href={`${base}/sessions/${item.id}/edit`}>{t('common.cancel')}</a>
          </p>
        </Layout>,
      );
    },
  )
  .post(
    '/i/:slug/editions/:edition/events/:event/sessions/:session/delete',
    editors(),
    async (c) => {
      const { edition, event } = await managedEvent(c);
      const item = await managedSession(c, event.id);
      await audited(c, (tx) => deleteSession({ db: tx, eventId: event.id, sessionId: item.id }), {
        action: 'session.deleted',
        targetType: 'session',
        targetId: item.id,
      });
      setFlash(c, 'manage.sessions.deleted', { title: item.titleEs });
      return c.redirect(`${manageBase(c, edition.slug)}/events/${event.id}`, 303);
    },
  );
