import { isUuid } from '../../../lib/uuid';
import { inputErrorsOrThrow } from '../../../http/input-error';
import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audit, audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDateTime, formatDay, formatTime } from '../../../lib/format';
import { Csrf, ErrorSummary, Field, Notice, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { listPeople } from '../../network/index';
import { localTitle } from '../../../views/local-title';
import { eventDayAccess } from '../access';
import { addShift, removeShift } from '../add-shift';
import { addVolunteer, removeVolunteer } from '../add-volunteer';
import { networkVolunteerForm, shiftForm, volunteerForm } from '../event-day-input';
import { endVolunteerAccess, giveVolunteerAccess } from '../give-volunteer-access';
import { listRoster, shiftsOf, type RosterEntry, type RosterShift } from '../list-roster';
import { eventDayPermissions } from '../permissions';
import { volunteerTasks, type EventVolunteer } from '../schema';
import { sendShiftsMail } from '../send-shifts-mail';
import { EVENT, eventBase, shiftChoices, volunteerOf } from './event-day-context';

/** Print rules of the roster (CSP allows only our own style sheets, so it is served). */
const ROSTER_CSS = `@media print {
  .roster-tools, .site-header, .site-footer, .skip, form { display: none !important; }
  main { max-width: none; padding: 0; }
  .roster table { width: 100%; border-collapse: collapse; font-size: 10pt; }
  .roster th, .roster td { border: 1px solid #000; padding: 0.2rem 0.35rem; text-align: left; vertical-align: top; }
  .roster thead { display: table-header-group; }
  .roster tr { break-inside: avoid; }
  .table-wrap { overflow: visible !important; }
}
.roster ul { margin: 0; padding-left: 1rem; }
`;

/** A shift in a short line: times (zone), task, where. */
export function ShiftText(props: { page: Page; zone: string; shift: RosterShift }) {
  const { t, lang } = props.page;
  const s = props.shift;
  const where = [
    s.sessionId
      ? localTitle(props.page, { titleEs: s.sessionTitleEs ?? '', titleEn: s.sessionTitleEn })
      : null,
    s.room,
    s.route,
    s.note,
  ].filter(Boolean);
  return (
    <>
      <time datetime={s.startsAt.toISOString()}>{formatTime(s.startsAt, lang, props.zone)}</time>–
      <time datetime={s.endsAt.toISOString()}>{formatTime(s.endsAt, lang, props.zone)}</time> ·{' '}
      <strong>{t(`eventDay.task.${s.task}`)}</strong>
      {where.length > 0 && <> · {where.join(' · ')}</>}
    </>
  );
}

function accessText(page: Page, v: EventVolunteer, zone: string) {
  const { t, lang } = page;
  if (!v.accessUntil) return t('eventDay.access.none');
  if (v.accessUntil <= new Date()) return t('eventDay.access.over');
  return t('eventDay.access.until', { date: formatDateTime(v.accessUntil, lang, zone) });
}

async function rosterPage(
  c: Context<AppEnv>,
  o: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const page = pageOf(c);
  const { t } = page;
  const { event, paths } = eventBase(c);
  const q = c.req.query('q')?.trim().slice(0, 200) ?? '';
  const personQ = c.req.query('person')?.trim().slice(0, 200) ?? '';
  const [roster, found] = await Promise.all([
    listRoster(c.var.deps.db, { eventId: event.id, q }),
    personQ
      ? listPeople(c.var.deps.db, {
          initiativeId: c.var.initiative.id,
          q: personQ,
          sort: 'name',
          page: 1,
          perPage: 10,
        })
      : Promise.resolve(undefined),
  ]);
  const title = `${t('eventDay.volunteers.title')} · ${localTitle(page, event)}`;
  const zone = event.timeZone;
  const values = o.values ?? { lang: page.lang };
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={paths.event}>{localTitle(page, event)}</a> ·{' '}
        <a href={`${paths.volunteers}/print`}>{t('eventDay.volunteers.print')}</a> ·{' '}
        <a href={paths.counts}>{t('eventDay.counts.title')}</a> ·{' '}
        <a href={paths.attendance}>{t('eventDay.attendance.title')}</a> ·{' '}
        <a href={paths.badges}>{t('eventDay.badges.title')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('eventDay.volunteers.lead')}</p>
      <form method="get" action={paths.volunteers} class="stack" role="search">
        <Field name="q" type="search" label={t('eventDay.volunteers.search')} value={q} />
        <button type="submit">{t('eventDay.search')}</button>
      </form>
      {roster.length === 0 ? (
        <p>{q ? t('eventDay.volunteers.noMatch') : t('eventDay.volunteers.empty')}</p>
      ) : (
        <TableWrap label={t('eventDay.volunteers.title')}>
          <table>
            <caption>
              {t('eventDay.volunteers.count', { count: roster.length })} ({zone})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('eventDay.volunteer.name')}</th>
                <th scope="col">{t('eventDay.volunteer.institution')}</th>
                <th scope="col">{t('eventDay.shifts')}</th>
                <th scope="col">{t('eventDay.access')}</th>
              </tr>
            </thead>
            <tbody>
              {roster.map((v) => (
                <tr>
                  <td>
                    <a href={`${paths.volunteers}/${v.id}`}>{v.name}</a>
                    {v.sample && <> ({t('eventDay.sample')})</>}
                  </td>
                  <td>{v.institution ?? ''}</td>
                  <td>
                    {v.shifts.length === 0 ? (
                      t('eventDay.shifts.none')
                    ) : (
                      <ul>
                        {v.shifts.map((s) => (
                          <li>
                            <ShiftText page={page} zone={zone} shift={s} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{accessText(page, v, zone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{t('eventDay.volunteers.fromNetwork')}</h2>
      <form method="get" action={paths.volunteers} class="stack" role="search">
        <Field
          name="person"
          type="search"
          label={t('eventDay.volunteers.findPerson')}
          value={personQ}
          errors={o.errors?.personId ? { person: o.errors.personId } : undefined}
        />
        <button type="submit">{t('eventDay.search')}</button>
      </form>
      {found &&
        (found.rows.length === 0 ? (
          <p>{t('eventDay.volunteers.noPerson')}</p>
        ) : (
          <ul class="cards">
            {found.rows.map((p) => (
              <li class="card">
                <form method="post" action={paths.volunteers}>
                  <Csrf page={page} />
                  <input type="hidden" name="personId" value={p.id} />
                  <strong>{p.name}</strong>{' '}
                  <button type="submit">
                    {t('eventDay.volunteers.addPerson', { name: p.name })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ))}
      <h2>{t('eventDay.volunteers.addOther')}</h2>
      <form method="post" action={paths.volunteers} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors?.personId ? undefined : o.errors} />
        <Field
          name="name"
          label={t('eventDay.volunteer.name')}
          required
          values={values}
          errors={o.errors}
        />
        <Field
          name="email"
          type="email"
          label={t('eventDay.volunteer.email')}
          hint={t('eventDay.volunteer.emailHint')}
          values={values}
          errors={o.errors}
        />
        <Field
          name="institution"
          label={t('eventDay.volunteer.institution')}
          values={values}
          errors={o.errors}
        />
        <Select
          name="lang"
          label={t('eventDay.volunteer.lang')}
          options={[
            ['es', 'Español'],
            ['en', 'English'],
          ]}
          values={values}
          errors={o.errors}
        />
        <button type="submit">{t('eventDay.volunteers.add')}</button>
      </form>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function volunteerPage(
  c: Context<AppEnv>,
  o: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const page = pageOf(c);
  const { t } = page;
  const { event, paths } = eventBase(c);
  const v = await volunteerOf(c, event.id);
  const [shifts, choices] = await Promise.all([
    shiftsOf(c.var.deps.db, [v.id]),
    shiftChoices(c, event.id, event.venueId),
  ]);
  const zone = event.timeZone;
  const base = `${paths.volunteers}/${v.id}`;
  const values = o.values ?? { task: 'desk' };
  return render(
    c,
    <Layout page={page} title={`${v.name} · ${t('eventDay.volunteers.title')}`}>
      <p>
        <a href={paths.volunteers}>{t('eventDay.volunteers.title')}</a>
      </p>
      <h1>
        {v.name}
        {v.sample && <> ({t('eventDay.sample')})</>}
      </h1>
      <ErrorSummary page={page} errors={o.errors} />
      <dl>
        <dt>{t('eventDay.volunteer.institution')}</dt>
        <dd>{v.institution ?? '—'}</dd>
        <dt>{t('eventDay.volunteer.email')}</dt>
        <dd>{v.email ?? '—'}</dd>
        <dt>{t('eventDay.volunteer.lang')}</dt>
        <dd>{v.lang === 'en' ? 'English' : 'Español'}</dd>
        <dt>{t('eventDay.access')}</dt>
        <dd>{accessText(page, v, zone)}</dd>
      </dl>
      <h2>{t('eventDay.shifts')}</h2>
      {shifts.length === 0 ? (
        <p>{t('eventDay.shifts.none')}</p>
      ) : (
        <ul class="cards">
          {shifts.map((s) => (
            <li class="card">
              {formatDay(s.startsAt, page.lang, zone)},{' '}
              <ShiftText page={page} zone={zone} shift={s} />{' '}
              <form method="post" action={`${base}/shifts/${s.id}/remove`} class="inline">
                <Csrf page={page} />
                <button type="submit" class="secondary">
                  {t('eventDay.shifts.remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('eventDay.shifts.add')}</h2>
      <form method="post" action={`${base}/shifts`} class="stack" novalidate>
        <Csrf page={page} />
        <Select
          name="task"
          label={t('eventDay.shift.task')}
          options={volunteerTasks.map((k) => [k, t(`eventDay.task.${k}`)])}
          values={values}
          errors={o.errors}
        />
        <p class="hint">{t('eventDay.shift.zoneHint', { zone })}</p>
        <Field
          name="startsAt"
          type="datetime-local"
          label={t('eventDay.shift.startsAt')}
          required
          values={values}
          errors={o.errors}
        />
        <Field
          name="endsAt"
          type="datetime-local"
          label={t('eventDay.shift.endsAt')}
          required
          values={values}
          errors={o.errors}
        />
        <Select
          name="sessionId"
          label={t('eventDay.shift.session')}
          empty={t('eventDay.shift.noSession')}
          options={choices.sessions.map((s) => [
            s.id,
            `${formatTime(s.startsAt, page.lang, zone)} ${localTitle(page, s)}`,
          ])}
          values={values}
          errors={o.errors}
        />
        <Select
          name="roomId"
          label={t('eventDay.shift.room')}
          empty={t('eventDay.shift.noRoom')}
          options={choices.rooms.map((r) => [r.id, r.name])}
          values={values}
          errors={o.errors}
        />
        <Select
          name="transportRouteId"
          label={t('eventDay.shift.bus')}
          empty={t('eventDay.shift.noBus')}
          options={choices.buses.map((b) => [b.id, b.name])}
          values={values}
          errors={o.errors}
        />
        <Field name="note" label={t('eventDay.shift.note')} values={values} errors={o.errors} />
        <button type="submit">{t('eventDay.shifts.add')}</button>
      </form>
      <h2>{t('eventDay.access')}</h2>
      <p>{t('eventDay.access.lead')}</p>
      <form method="post" action={`${base}/access`} class="stack">
        <Csrf page={page} />
        <button type="submit">{t('eventDay.access.give')}</button>
      </form>
      {v.accessUntil && (
        <form method="post" action={`${base}/access/end`} class="stack">
          <Csrf page={page} />
          <button type="submit" class="secondary">
            {t('eventDay.access.end')}
          </button>
        </form>
      )}
      <h2>{t('eventDay.volunteers.removeTitle')}</h2>
      <p>{t('eventDay.volunteers.removeLead')}</p>
      <form method="post" action={`${base}/remove`} class="stack">
        <Csrf page={page} />
        <button type="submit" class="danger">
          {t('eventDay.volunteers.remove', { name: v.name })}
        </button>
      </form>
      <h2>{t('eventDay.mail.title')}</h2>
      {v.email ? (
        <form method="post" action={`${base}/email`} class="stack">
          <Csrf page={page} />
          <button type="submit">{t('eventDay.mail.send', { email: v.email })}</button>
        </form>
      ) : (
        <Notice>{t('eventDay.mail.noEmail')}</Notice>
      )}
    </Layout>,
    o.errors ? 422 : 200,
  );
}

function printPage(c: Context<AppEnv>, roster: RosterEntry[]) {
  const page = pageOf(c);
  const { t } = page;
  const { event, paths } = eventBase(c);
  const zone = event.timeZone;
  return render(
    c,
    <Layout page={page} title={`${t('eventDay.volunteers.title')} · ${localTitle(page, event)}`}>
      <link rel="stylesheet" href="/event-day/roster.css" />
      <div class="roster">
        <p class="roster-tools">
          <a href={paths.volunteers}>{t('eventDay.volunteers.title')}</a>
        </p>
        <h1>
          {t('eventDay.volunteers.title')}: {localTitle(page, event)}
        </h1>
        <p>
          {formatDay(event.startsAt, page.lang, zone)} · {t('eventDay.timesIn', { zone })} ·{' '}
          {t('eventDay.volunteers.count', { count: roster.length })}
        </p>
        <TableWrap label={t('eventDay.volunteers.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('eventDay.volunteer.name')}</th>
                <th scope="col">{t('eventDay.volunteer.institution')}</th>
                <th scope="col">{t('eventDay.shifts')}</th>
                <th scope="col">{t('eventDay.print.signature')}</th>
              </tr>
            </thead>
            <tbody>
              {roster.map((v) => (
                <tr>
                  <td>
                    {v.name}
                    {v.sample && <> ({t('eventDay.sample')})</>}
                  </td>
                  <td>{v.institution ?? ''}</td>
                  <td>
                    <ul>
                      {v.shifts.map((s) => (
                        <li>
                          <ShiftText page={page} zone={zone} shift={s} />
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </div>
    </Layout>,
  );
}

export const volunteerRoutes = new Hono<AppEnv>()
  .get('/event-day/roster.css', access.anyone(), (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(ROSTER_CSS);
  })
  .get(`${EVENT}/volunteers`, eventDayAccess(eventDayPermissions.manageVolunteers), (c) =>
    rosterPage(c),
  )
  .post(`${EVENT}/volunteers`, eventDayAccess(eventDayPermissions.manageVolunteers), async (c) => {
    const { event, paths } = eventBase(c);
    const body = await c.req.parseBody();
    const fromNetwork = typeof body.personId === 'string';
    const form = fromNetwork
      ? await readForm(c, networkVolunteerForm)
      : await readForm(c, volunteerForm);
    if (!form.ok) return rosterPage(c, form);
    try {
      const v = await audited(
        c,
        (tx) => addVolunteer(tx, { event, initiativeId: c.var.initiative.id, input: form.data }),
        (v) => ({
          action: 'event_day.volunteer_added',
          targetType: 'event_volunteer',
          targetId: v.id,
          data: { eventId: event.id, personId: v.personId, name: v.name },
        }),
      );
      setFlash(c, 'eventDay.volunteers.added', { name: v.name });
      return c.redirect(`${paths.volunteers}/${v.id}`, 303);
    } catch (error) {
      return rosterPage(c, { values: form.values, errors: inputErrorsOrThrow(c, error) });
    }
  })
  .get(
    `${EVENT}/volunteers/print`,
    eventDayAccess(eventDayPermissions.manageVolunteers),
    async (c) => {
      const { event } = eventBase(c);
      const roster = await listRoster(c.var.deps.db, { eventId: event.id });
      await audit(c, 'event_day.roster_printed', {
        targetType: 'event',
        targetId: event.id,
        data: { count: roster.length },
      });
      return printPage(c, roster);
    },
  )
  .get(
    `${EVENT}/volunteers/:volunteer`,
    eventDayAccess(eventDayPermissions.manageVolunteers),
    (c) => volunteerPage(c),
  )
  .post(
    `${EVENT}/volunteers/:volunteer/shifts`,
    eventDayAccess(eventDayPermissions.manageVolunteers),
    async (c) => {
      const { event } = eventBase(c);
      const v = await volunteerOf(c, event.id);
      const form = await readForm(c, shiftForm(event.timeZone));
      if (!form.ok) return volunteerPage(c, form);
      try {
        await audited(
          c,
          (tx) => addShift(tx, { event, volunteerId: v.id, input: form.data }),
          (shift) => ({
            action: 'event_day.shift_added',
            targetType: 'event_volunteer',
            targetId: v.id,
            data: {
              shiftId: shift.id,
              task: shift.task,
              startsAt: shift.startsAt,
              endsAt: shift.endsAt,
            },
          }),
        );
      } catch (error) {
        return volunteerPage(c, { values: form.values, errors: inputErrorsOrThrow(c, error) });
      }
      setFlash(c, 'eventDay.shifts.added');
      return c.redirect(c.req.path.replace(/\/shifts$/, ''), 303);
    },
  )
  .post(
    `${EVENT}/volunteers/:volunteer/shifts/:shift/remove`,
    eventDayAccess(eventDayPermissions.manageVolunteers),
    async (c) => {
      const { event, paths } = eventBase(c);
      const v = await volunteerOf(c, event.id);
      const shiftId = c.req.param('shift');
      if (!isUuid(shiftId)) throw new AppError('not_found');
      const removed = await audited(
        c,
        (tx) => removeShift(tx, { eventId: event.id, volunteerId: v.id, shiftId }),
        (removed) =>
          removed
            ? {
                action: 'event_day.shift_removed',
                targetType: 'event_volunteer',
                targetId: v.id,
                data: { shiftId },
              }
            : null,
      );
      if (!removed) throw new AppError('not_found');
      setFlash(c, 'eventDay.shifts.removed');
      return c.redirect(`${paths.volunteers}/${v.id}`, 303);
    },
  )
  .post(
    `${EVENT}/volunteers/:volunteer/access`,
    eventDayAccess(eventDayPermissions.manageVolunteers),
    async (c) => {
      const { event, paths } = eventBase(c);
      const v = await volunteerOf(c, event.id);
      try {
        await audited(
          c,
          (tx) => giveVolunteerAccess(tx, { volunteerId: v.id, initiativeId: c.var.initiative.id }),
          (granted) => ({
            action: 'event_day.access_given',
            targetType: 'event_volunteer',
            targetId: v.id,
            data: { userId: granted.userId, accessUntil: granted.accessUntil.toISOString() },
          }),
        );
      } catch (error) {
        return volunteerPage(c, { errors: inputErrorsOrThrow(c, error) });
      }
      setFlash(c, 'eventDay.access.given', { name: v.name });
      return c.redirect(`${paths.volunteers}/${v.id}`, 303);
    },
  )
  .post(
    `${EVENT}/volunteers/:volunteer/access/end`,
    eventDayAccess(eventDayPermissions.manageVolunteers),
    async (c) => {
      const { event, paths } = eventBase(c);
      const v = await volunteerOf(c, event.id);
      await audited(c, (tx) => endVolunteerAccess(tx, { volunteerId: v.id }), {
        action: 'event_day.access_ended',
        targetType: 'event_volunteer',
        targetId: v.id,
      });
      setFlash(c, 'eventDay.access.endedNow', { name: v.name });
      return c.redirect(`${paths.volunteers}/${v.id}`, 303);
    },
  )
  .post(
    `${EVENT}/volunteers/:volunteer/remove`,
    eventDayAccess(eventDayPermissions.manageVolunteers),
    async (c) => {
      const { event, paths } = eventBase(c);
      const v = await volunteerOf(c, event.id);
      await audited(c, (tx) => removeVolunteer(tx, { eventId: event.id, volunteerId: v.id }), {
        action: 'event_day.volunteer_removed',
        targetType: 'event_volunteer',
        targetId: v.id,
        data: { eventId: event.id, name: v.name, personId: v.personId, userId: v.userId },
      });
      setFlash(c, 'eventDay.volunteers.removed', { name: v.name });
      return c.redirect(paths.volunteers, 303);
    },
  )
  .post(
    `${EVENT}/volunteers/:volunteer/email`,
    eventDayAccess(eventDayPermissions.manageVolunteers),
    async (c) => {
      const { event, paths } = eventBase(c);
      const v = await volunteerOf(c, event.id);
      try {
        await sendShiftsMail(c.var.deps, { volunteerId: v.id, event });
      } catch (error) {
        return volunteerPage(c, { errors: inputErrorsOrThrow(c, error) });
      }
      await audit(c, 'event_day.shifts_mailed', { targetType: 'event_volunteer', targetId: v.id });
      setFlash(c, 'eventDay.mail.sent', { email: v.email ?? '' });
      return c.redirect(`${paths.volunteers}/${v.id}`, 303);
    },
  );
