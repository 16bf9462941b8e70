import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audit, audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { InputError } from '../../../http/input-error';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import { tableDownload } from '../../../http/table-download';
import type { AppEnv } from '../../../http/types';
import { translator } from '../../../i18n/index';
import { isoInZone } from '../../../lib/format';
import { tableFile } from '../../../lib/table-file';
import { Csrf } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { managedEvent, manageBase } from '../../programme/index';
import { localTitle } from '../../../views/local-title';
import { registrationPermissions } from '../permissions';
import { countDueReminders } from '../queries';
import {
  attendanceForm,
  inviteForm,
  parseInviteeList,
  type ListProblem,
} from '../invitations/invitation-input';
import { invitePeople } from '../invitations/invite-people';
import { listInvitations } from '../invitations/list-invitations';
import { listInviteeChoices } from '../invitations/list-invitee-choices';
import { recordAttendance } from '../invitations/record-attendance';
import { sendInvitationReminders } from '../invitations/send-reminders';
import { InvitationsPage } from '../views/invitations-page';

const EVENT = '/i/:slug/editions/:edition/events/:event';

async function base(c: Context<AppEnv>) {
  const found = await managedEvent(c);
  return {
    ...found,
    eventPath: `${manageBase(c, found.edition.slug)}/events/${found.event.id}`,
    path: `${manageBase(c, found.edition.slug)}/events/${found.event.id}/invitations`,
  };
}

async function remindable(c: Context<AppEnv>, eventId: string) {
  return countDueReminders(c.var.deps.db, { eventId, now: new Date() });
}

async function invitationsPage(
  c: Context<AppEnv>,
  o: { values?: FormValues; errors?: FieldErrors; problems?: ListProblem[] } = {},
) {
  const page = pageOf(c);
  const { db } = c.var.deps;
  const { event, eventPath, path } = await base(c);
  const q = (c.req.query('q') ?? '').slice(0, 100);
  const [rows, choices, due] = await Promise.all([
    listInvitations(db, event.id),
    listInviteeChoices(db, { initiativeId: c.var.initiative.id, eventId: event.id, q }),
    remindable(c, event.id),
  ]);
  const failed = Boolean(o.errors) || Boolean(o.problems?.length);
  return render(
    c,
    <InvitationsPage
      page={page}
      event={event}
      eventPath={eventPath}
      path={path}
      q={q}
      rows={rows}
      choices={choices}
      due={due}
      values={o.values}
      errors={o.errors}
      problems={o.problems}
    />,
    failed ? 422 : 200,
  );
}

/**
 * Organisers' invitations of an event: invite from the network or a pasted list, answers and
 * counts, reminders to those who have not answered, attendance after the event, exports.
 */
export const manageInvitationRoutes = new Hono<AppEnv>()
  .get(
    `${EVENT}/invitations`,
    access.initiative(registrationPermissions.manageRegistrations),
    (c) => invitationsPage(c),
  )
  .post(
    `${EVENT}/invitations`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event, path } = await base(c);
      const form = await readForm(c, inviteForm);
      if (!form.ok) return invitationsPage(c, form);
      const { invitees, problems } = parseInviteeList(form.data.list);
      // Nothing is sent while any line is wrong, so the organiser fixes the list and sends once.
      if (problems.length) return invitationsPage(c, { values: form.values, problems });
      // The invitation e-mails are kept in the outbox within the same transaction.
      const { invited, skipped } = await audited(
        c,
        (tx) =>
          invitePeople(
            { ...c.var.deps, db: tx },
            {
              eventId: event.id,
              initiativeId: c.var.initiative.id,
              personIds: form.data.personIds,
              invitees,
              lang: form.data.lang,
            },
          ),
        (r) => ({
          action: 'invitations.sent',
          targetType: 'event',
          targetId: event.id,
          data: { sent: r.invited.length, skipped: r.skipped.length },
        }),
      );
      if (skipped.length)
        setFlash(c, 'invitation.invite.skipped', {
          count: invited.length,
          skipped: skipped.length,
        });
      else setFlash(c, 'invitation.invite.sent', { count: invited.length });
      return c.redirect(path, 303);
    },
  )
  .get(
    `${EVENT}/invitations/remind`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const page = pageOf(c);
      const { t } = page;
      const { event, path } = await base(c);
      const due = await remindable(c, event.id);
      return render(
        c,
        <Layout page={page} title={t('invitation.remind.title')}>
          <p>
            <a href={path}>{t('invitation.title')}</a>
          </p>
          <h1>{t('invitation.remind.title')}</h1>
          <p>{localTitle(page, event)}</p>
          {due === 0 ? (
            <p>{t('invitation.remind.none')}</p>
          ) : (
            <form method="post" action={`${path}/remind`} class="stack">
              <Csrf page={page} />
              <p>{t('invitation.remind.lead', { count: due })}</p>
              <button type="submit">{t('invitation.remind.send', { count: due })}</button>
            </form>
          )}
          <p>
            <a href={path}>{t('invitation.remind.back')}</a>
          </p>
        </Layout>,
      );
    },
  )
  .post(
    `${EVENT}/invitations/remind`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event, path } = await base(c);
      const { sent } = await audited(
        c,
        (tx) => sendInvitationReminders({ ...c.var.deps, db: tx }, { eventId: event.id }),
        (r) => ({
          action: 'invitations.reminded',
          targetType: 'event',
          targetId: event.id,
          data: { sent: r.sent },
        }),
      );
      setFlash(c, 'invitation.remind.sent', { count: sent });
      return c.redirect(path, 303);
    },
  )
  .post(
    `${EVENT}/invitations/attendance`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event, path } = await base(c);
      const form = await readForm(c, attendanceForm);
      if (!form.ok) return invitationsPage(c, { errors: { _form: c.var.t('form.invalid') } });
      try {
        await audited(
          c,
          (tx) => recordAttendance(tx, { eventId: event.id, attendance: form.data }),
          (r) => ({
            action: 'invitations.attendance_recorded',
            targetType: 'event',
            targetId: event.id,
            data: { updated: r.updated },
          }),
        );
        setFlash(c, 'invitation.attendance.saved');
      } catch (error) {
        if (!(error instanceof InputError) || !error.fields._form) throw error;
        setFlash(c, error.fields._form.key);
      }
      return c.redirect(path, 303);
    },
  )
  .get(
    `${EVENT}/invitations/export/:format{csv|xlsx}`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event } = await base(c);
      const format = c.req.param('format') as 'csv' | 'xlsx';
      const lang = c.var.lang;
      const t = translator(lang);
      const rows = await listInvitations(c.var.deps.db, event.id);
      const at = (d: Date | null) => (d ? isoInZone(d, event.timeZone) : '');
      const yes = (b: boolean) => (b ? t('common.yes') : t('common.no'));
      const body = await tableFile({
        format,
        sheet: t('invitation.title'),
        header: [
          t('invitation.list.name'),
          t('invitation.list.email'),
          t('invitation.representing'),
          t('invitation.list.lang'),
          t('invitation.list.status'),
          t('invitation.list.sentAt'),
          t('invitation.list.respondedAt'),
          t('invitation.list.remindedAt'),
          t('invitation.list.attended'),
          t('registration.list.sample'),
        ],
        rows: rows.map((r) => [
          r.name,
          r.email ?? '',
          r.representing ?? '',
          r.lang,
          t(`invitation.status.${r.status}`),
          at(r.sentAt),
          at(r.respondedAt),
          at(r.remindedAt),
          r.attended === null ? '' : yes(r.attended),
          yes(r.sample),
        ]),
      });
      await audit(c, 'invitations.exported', {
        targetType: 'event',
        targetId: event.id,
        data: { format, count: rows.length },
      });
      return tableDownload(c, { format, filename: `invitations.${format}`, body });
    },
  );
