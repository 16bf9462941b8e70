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
import { pageOf } from '../../../views/page';
import { listPeople } from '../../network/index';
import { eventDayAccess } from '../access';
import { addShift, removeShift } from '../add-shift';
import { addVolunteer, removeVolunteer } from '../add-volunteer';
import { networkVolunteerForm, shiftForm, volunteerForm } from '../event-day-input';
import { endVolunteerAccess, giveVolunteerAccess } from '../give-volunteer-access';
import { listRoster, shiftsOf } from '../list-roster';
import { eventDayPermissions } from '../permissions';
import { sendShiftsMail } from '../send-shifts-mail';
import { RosterPage } from '../views/roster-page';
import { RosterPrintPage } from '../views/roster-print-page';
import { VolunteerPage } from '../views/volunteer-page';
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

async function rosterPage(
  c: Context<AppEnv>,
  o: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const page = pageOf(c);
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
  return render(
    c,
    <RosterPage
      page={page}
      event={event}
      paths={paths}
      q={q}
      personQ={personQ}
      roster={roster}
      found={found}
      values={o.values ?? { lang: page.lang }}
      errors={o.errors}
    />,
    o.errors ? 422 : 200,
  );
}

async function volunteerPage(
  c: Context<AppEnv>,
  o: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const page = pageOf(c);
  const { event, paths } = eventBase(c);
  const v = await volunteerOf(c, event.id);
  const [shifts, choices] = await Promise.all([
    shiftsOf(c.var.deps.db, [v.id]),
    shiftChoices(c, event.id, event.venueId),
  ]);
  return render(
    c,
    <VolunteerPage
      page={page}
      event={event}
      paths={paths}
      volunteer={v}
      shifts={shifts}
      choices={choices}
      values={o.values ?? { task: 'desk' }}
      errors={o.errors}
    />,
    o.errors ? 422 : 200,
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
      const { event, paths } = eventBase(c);
      const roster = await listRoster(c.var.deps.db, { eventId: event.id });
      await audit(c, 'event_day.roster_printed', {
        targetType: 'event',
        targetId: event.id,
        data: { count: roster.length },
      });
      return render(
        c,
        <RosterPrintPage page={pageOf(c)} event={event} paths={paths} roster={roster} />,
      );
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
