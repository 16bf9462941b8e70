import { provided } from '../../../core/module';
import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { dayKey, formatTime, isoInZone } from '../../../lib/format';
import { Csrf, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { eventForm } from '../editing/edition-input';
import { saveEvent } from '../editing/save-event';
import { programmePermissions } from '../permissions';
import { diffSnapshots } from '../publishing/diff-snapshots';
import { describeChange, notifyPublication, publishDraft } from '../publishing/publish-event';
import { readSnapshot, takeSnapshot } from '../publishing/snapshot';
import { findLatestVersion } from '../reading/find-latest-version';
import type { ProgrammeEvent, Venue } from '../schema';
import { EventForm } from '../views/event-form';
import { localTitle } from '../../../views/local-title';
import { WarningList } from '../views/warning-list';
import { editionWarnings } from '../warnings/edition-warnings';
import { managedEdition, managedEvent, manageBase } from './manage-context';

const editors = () => access.initiative(programmePermissions.editProgramme);

function eventValues(e: ProgrammeEvent, v: Venue | null): FormValues {
  const time = (d: Date) => isoInZone(d, e.timeZone).slice(11, 16);
  return {
    kind: e.kind,
    titleEs: e.titleEs,
    titleEn: e.titleEn ?? '',
    descriptionEs: e.descriptionEs ?? '',
    descriptionEn: e.descriptionEn ?? '',
    timeZone: e.timeZone,
    startDay: dayKey(e.startsAt, e.timeZone),
    endDay: dayKey(e.endsAt, e.timeZone),
    startTime: e.timesKnown ? time(e.startsAt) : '',
    endTime: e.timesKnown ? time(e.endsAt) : '',
    visibility: e.visibility,
    streamUrl: e.streamUrl ?? '',
    venueName: v?.name ?? '',
    venueAddress: v?.address ?? '',
    venueMapUrl: v?.mapUrl ?? '',
    venueDirections: v?.directions ?? '',
  };
}

async function eventFormPage(
  c: Context<AppEnv>,
  o: { editing: boolean; values: FormValues; errors?: FieldErrors },
) {
  const page = pageOf(c);
  const { t } = page;
  const edition = await managedEdition(c);
  const base = manageBase(c, edition.slug);
  const title = o.editing ? t('manage.events.edit') : t('manage.events.new');
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{edition.name}</a>
      </p>
      <h1>{title}</h1>
      <EventForm
        page={page}
        action={o.editing ? `${base}/events/${c.req.param('event')}/edit` : `${base}/events/new`}
        submit={o.editing ? t('common.save') : title}
        values={o.values}
        errors={o.errors}
      />
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function submitEvent(c: Context<AppEnv>, eventId?: string) {
  const edition = await managedEdition(c);
  const form = await readForm(c, eventForm);
  if (!form.ok) return eventFormPage(c, { editing: Boolean(eventId), ...form });
  const id = await audited(
    c,
    (tx) => saveEvent({ db: tx, edition, eventId, input: form.data }),
    (id) =>
      id
        ? { action: eventId ? 'event.updated' : 'event.created', targetType: 'event', targetId: id }
        : null,
  );
  if (!id) throw new AppError('not_found');
  setFlash(c, 'manage.events.saved');
  return c.redirect(`${manageBase(c, edition.slug)}/events/${id}`, 303);
}

/** Organisers' pages for one event: its form, its sessions with warnings, and publishing. */
export const manageEventRoutes = new Hono<AppEnv>()
  .get('/i/:slug/editions/:edition/events/new', editors(), (c) =>
    eventFormPage(c, {
      editing: false,
      values: { timeZone: 'America/Guatemala', visibility: 'public', kind: 'forum' },
    }),
  )
  .post('/i/:slug/editions/:edition/events/new', editors(), (c) => submitEvent(c))
  .get('/i/:slug/editions/:edition/events/:event/edit', editors(), async (c) => {
    const { event, venue } = await managedEvent(c);
    return eventFormPage(c, { editing: true, values: eventValues(event, venue) });
  })
  .post('/i/:slug/editions/:edition/events/:event/edit', editors(), async (c) => {
    const { event } = await managedEvent(c);
    return submitEvent(c, event.id);
  })
  .get('/i/:slug/editions/:edition/events/:event', editors(), async (c) => {
    const page = pageOf(c);
    const { t, lang } = page;
    const { db } = c.var.deps;
    const { edition, event, venue } = await managedEvent(c);
    const base = manageBase(c, edition.slug);
    const eventBase = `${base}/events/${event.id}`;
    const { warnings, items } = await editionWarnings(db, edition, {
      interest: provided(c.var.modules, 'sessionInterest'),
    });
    const sessions = items.filter((s) => s.eventId === event.id);
    const mine = new Set(sessions.map((s) => s.id));
    const eventWarnings = warnings.filter((w) => w.sessionIds.some((id) => mine.has(id)));
    const last = await findLatestVersion(db, { eventId: event.id });
    const pending = diffSnapshots(
      last ? readSnapshot(last.snapshot) : null,
      await takeSnapshot(db, event.id),
    );
    const zone = event.timeZone;
    const time = (d: Date) => (event.timesKnown ? formatTime(d, lang, zone) : '');
    const editHref = (s: { id: string; eventId: string }) =>
      `${base}/events/${s.eventId}/sessions/${s.id}/edit`;
    return render(
      c,
      <Layout page={page} title={localTitle(page, event)}>
        <p>
          <a href={base}>{edition.name}</a>
        </p>
        <h1>{localTitle(page, event)}</h1>
        <p class="hint">{t('programme.timesIn', { zone })}</p>
        <ul class="inline-list">
          <li>
            <a href={`${eventBase}/edit`}>{t('manage.events.edit')}</a>
          </li>
          <li>
            <a href={`${eventBase}/rooms`}>{t('manage.rooms.title')}</a>
          </li>
          <li>
            <a href={`${eventBase}/sessions/new`}>{t('manage.sessions.new')}</a>
          </li>
          <li>
            <a href={`${eventBase}/import`}>{t('manage.import.link')}</a>
          </li>
          <li>
            <a href={`${eventBase}/registration`}>{t('registration.manage.title')}</a>
          </li>
          <li>
            <a href={`${eventBase}/registrations`}>{t('registration.list.title')}</a>
          </li>
          <li>
            <a href={`${eventBase}/invitations`}>{t('invitation.title')}</a>
          </li>
          <li>
            <a href={`${eventBase}/transport`}>{t('transport.title')}</a>
          </li>
          <li>
            <a href={`${eventBase}/volunteers`}>{t('eventDay.volunteers.title')}</a>
          </li>
          <li>
            <a href={`${eventBase}/desk`}>{t('checkin.title')}</a>
          </li>
          <li>
            <a href={`${eventBase}/room-counts`}>{t('eventDay.counts.title')}</a>
          </li>
          <li>
            <a href={`${eventBase}/attendance`}>{t('eventDay.attendance.title')}</a>
          </li>
          <li>
            <a href={`${eventBase}/badges`}>{t('eventDay.badges.title')}</a>
          </li>
          {venue === null ? null : <li>{venue.name}</li>}
        </ul>
        <h2>{t('manage.sessions.title')}</h2>
        {sessions.length === 0 ? (
          <p>{t('manage.sessions.empty')}</p>
        ) : (
          <TableWrap label={t('manage.sessions.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('manage.sessions.when')}</th>
                  <th scope="col">{t('manage.session.room')}</th>
                  <th scope="col">{t('manage.session.titleEs')}</th>
                  <th scope="col">{t('manage.sessions.people')}</th>
                  <th scope="col">{t('manage.sessions.warnings')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => {
                  const count = eventWarnings.filter((w) => w.sessionIds.includes(s.id)).length;
                  return (
                    <tr>
                      <td>
                        {sessions.some(
                          (o) => dayKey(o.startsAt, zone) !== dayKey(s.startsAt, zone),
                        ) && `${dayKey(s.startsAt, zone)} `}
                        {time(s.startsAt)}
                        {event.timesKnown && '–'}
                        {time(s.endsAt)}
                      </td>
                      <td>{s.room?.name ?? ''}</td>
                      <td>
                        <a href={editHref(s)}>{localTitle(page, s)}</a>
                        <br />
                        <small>{t(`programme.sessionKind.${s.kind}`)}</small>
                      </td>
                      <td>{s.people.map((p) => p.name).join(', ')}</td>
                      <td>{count > 0 ? t('manage.warnings.count', { count }) : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
        <h2 id="warnings">{t('manage.warnings.title')}</h2>
        <WarningList
          page={page}
          warnings={eventWarnings}
          sessions={new Map(items.map((s) => [s.id, s]))}
          editHref={editHref}
        />
        <h2 id="publish">{t('manage.publish.title')}</h2>
        <p>
          {last
            ? t('manage.events.publishedVersion', { number: last.number })
            : t('manage.events.draft')}
        </p>
        <p>{t('manage.publish.lead')}</p>
        {pending.length === 0 && last ? (
          <p>{t('manage.publish.nothing')}</p>
        ) : (
          <form method="post" action={`${eventBase}/publish`} class="stack">
            <Csrf page={page} />
            {pending.length > 0 && (
              <>
                <p>{t('manage.publish.pending')}</p>
                <ul>
                  {pending.map((ch) => (
                    <li>{describeChange(ch, lang, zone)}</li>
                  ))}
                </ul>
              </>
            )}
            {eventWarnings.length > 0 && (
              <p class="notice">
                {t('manage.publish.warningsFirst', { count: eventWarnings.length })}{' '}
                <a href="#warnings">{t('manage.warnings.title')}</a>
              </p>
            )}
            <button type="submit">
              {t('manage.publish.button', { number: (last?.number ?? 0) + 1 })}
            </button>
          </form>
        )}
      </Layout>,
    );
  })
  .post('/i/:slug/editions/:edition/events/:event/publish', editors(), async (c) => {
    const { edition, event } = await managedEvent(c);
    const publication = await audited(
      c,
      (tx) => publishDraft(tx, { eventId: event.id, userId: c.var.user!.id }),
      (p) => ({
        action: 'programme.published',
        targetType: 'event',
        targetId: event.id,
        data: { version: p.number, changes: p.changes.length, notified: p.recipients.length },
      }),
    );
    const notified = await notifyPublication(c.var.deps, publication);
    setFlash(c, 'manage.publish.done', { number: publication.number, notified });
    return c.redirect(`${manageBase(c, edition.slug)}/events/${event.id}`, 303);
  });
