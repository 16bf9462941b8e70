import { isUuid } from '../../../lib/uuid';
import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audit, audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { InputError } from '../../../http/input-error';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import { tableDownload } from '../../../http/table-download';
import type { AppEnv } from '../../../http/types';
import { translator } from '../../../i18n/index';
import { isoInZone } from '../../../lib/format';
import { pageNumber } from '../../../lib/paging';
import { tableFile } from '../../../lib/table-file';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { managedEvent, manageBase } from '../../programme/index';
import { approveRegistration, declineRegistration } from '../change-status';
import {
  allRegistrations,
  interestBySession,
  listRegistrations,
  registrationCounts,
} from '../list-registrations';
import { registrationPermissions } from '../permissions';
import { addQuestion } from '../add-question';
import { closeRegistration } from '../close-registration';
import { findEventRegistration, findRegistrationSettings, listQuestions } from '../queries';
import { removeQuestion } from '../remove-question';
import { saveRegistrationSettings } from '../save-settings';
import { registrationStatuses, type RegistrationStatus } from '../schema';
import { sendRegistrationMail } from '../send-registration-mail';
import { messageForm, questionForm, settingsForm } from '../settings-input';
import { messageRegistrants } from '../message-registrants';
import { RegistrationListPage } from '../views/registration-list-page';
import { RegistrationSettingsPage } from '../views/registration-settings-page';
import { notifyMoves } from './notify';

const PER_PAGE = 50;
const EVENT = '/i/:slug/editions/:edition/events/:event';

async function base(c: Context<AppEnv>) {
  const found = await managedEvent(c);
  return { ...found, path: `${manageBase(c, found.edition.slug)}/events/${found.event.id}` };
}

async function settingsPage(
  c: Context<AppEnv>,
  o: {
    values?: FormValues;
    errors?: FieldErrors;
    question?: { values: FormValues; errors?: FieldErrors };
  } = {},
) {
  const page = pageOf(c);
  const { db } = c.var.deps;
  const { event, edition, path } = await base(c);
  const settings = await findRegistrationSettings(db, event.id);
  const questions = await listQuestions(db, event.id);
  const local = (d: Date | null) => (d ? isoInZone(d, event.timeZone).slice(0, 16) : '');
  const values = o.values ?? {
    open: settings ? 'on' : '',
    capacity: settings?.capacity ? String(settings.capacity) : '',
    opensAt: local(settings?.opensAt ?? null),
    closesAt: local(settings?.closesAt ?? null),
    requiresApproval: settings?.requiresApproval ? 'on' : '',
    offerHours: String(settings?.offerHours ?? 48),
  };
  return render(
    c,
    <RegistrationSettingsPage
      page={page}
      event={event}
      path={path}
      publicUrl={`/e/${edition.slug}/events/${event.id}/register`}
      questions={questions}
      values={values}
      errors={o.errors}
      question={o.question}
    />,
    o.errors || o.question?.errors ? 422 : 200,
  );
}

function readFilter(c: Context<AppEnv>) {
  const status = registrationStatuses.find((s) => s === c.req.query('status')) as
    RegistrationStatus | undefined;
  return { q: (c.req.query('q') ?? '').slice(0, 100), status };
}

async function messagePage(
  c: Context<AppEnv>,
  o: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const page = pageOf(c);
  const { t } = page;
  const { event, path } = await base(c);
  const filter = readFilter(c);
  const count = (await allRegistrations(c.var.deps.db, { eventId: event.id, ...filter })).filter(
    (r) => !r.sample,
  ).length;
  const query = new URLSearchParams({
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  }).toString();
  const described = [
    filter.status ? t(`registration.status.${filter.status}`) : t('registration.list.all'),
    filter.q ? `“${filter.q}”` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const f = { values: o.values, errors: o.errors };
  return render(
    c,
    <Layout page={page} title={t('registration.message.title')}>
      <p>
        <a href={`${path}/registrations?${query}`}>{t('registration.list.title')}</a>
      </p>
      <h1>{t('registration.message.title')}</h1>
      <p>{t('registration.message.lead', { count, filter: described })}</p>
      <form
        method="post"
        action={`${path}/registrations/message?${query}`}
        class="stack"
        novalidate
      >
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        <Field name="subjectEs" label={t('registration.message.subjectEs')} required {...f} />
        <Field name="bodyEs" label={t('registration.message.bodyEs')} rows={8} required {...f} />
        <p class="hint">{t('registration.message.enHint')}</p>
        <Field name="subjectEn" label={t('registration.message.subjectEn')} {...f} />
        <Field name="bodyEn" label={t('registration.message.bodyEn')} rows={8} {...f} />
        <button type="submit" disabled={count === 0}>
          {t('registration.message.send', { count })}
        </button>
      </form>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

/** Organisers' registration pages of an event: settings and questions, the list, exports. */
export const manageRegistrationRoutes = new Hono<AppEnv>()
  .get(
    `${EVENT}/registration`,
    access.initiative(registrationPermissions.manageRegistrations),
    (c) => settingsPage(c),
  )
  .post(
    `${EVENT}/registration`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event, path } = await base(c);
      const form = await readForm(c, settingsForm(event.timeZone));
      if (!form.ok) return settingsPage(c, form);
      const { open, ...input } = form.data;
      const moved = await audited(
        c,
        async (tx) => {
          if (open) return saveRegistrationSettings({ db: tx, eventId: event.id, input });
          await closeRegistration({ db: tx, eventId: event.id });
          return undefined;
        },
        {
          action: 'registration.settings_changed',
          targetType: 'event',
          targetId: event.id,
          data: { open, capacity: input.capacity, requiresApproval: input.requiresApproval },
        },
      );
      if (moved) await notifyMoves(c, moved);
      setFlash(c, 'registration.manage.saved');
      return c.redirect(`${path}/registration`, 303);
    },
  )
  .post(
    `${EVENT}/registration/questions`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event, path } = await base(c);
      const form = await readForm(c, questionForm);
      if (!form.ok) return settingsPage(c, { question: form });
      await addQuestion({ db: c.var.deps.db, eventId: event.id, question: form.data });
      setFlash(c, 'registration.manage.questionAdded');
      return c.redirect(`${path}/registration`, 303);
    },
  )
  .post(
    `${EVENT}/registration/questions/:question/remove`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event, path } = await base(c);
      const id = c.req.param('question');
      if (!isUuid(id)) throw new AppError('not_found');
      await removeQuestion({ db: c.var.deps.db, eventId: event.id, questionId: id });
      setFlash(c, 'registration.manage.questionRemoved');
      return c.redirect(`${path}/registration`, 303);
    },
  )
  .get(
    `${EVENT}/registrations`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const page = pageOf(c);
      const { db } = c.var.deps;
      const { event, path } = await base(c);
      const filter = readFilter(c);
      const current = pageNumber(c.req.query('page'));
      const [{ rows, total }, counts, interest] = await Promise.all([
        listRegistrations(db, { eventId: event.id, ...filter, page: current, perPage: PER_PAGE }),
        registrationCounts(db, event.id),
        interestBySession(db, event.id),
      ]);
      const query = new URLSearchParams({
        ...(filter.q ? { q: filter.q } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      }).toString();
      return render(
        c,
        <RegistrationListPage
          page={page}
          event={event}
          path={path}
          filter={filter}
          query={query}
          current={current}
          perPage={PER_PAGE}
          rows={rows}
          total={total}
          counts={counts}
          interest={interest}
        />,
      );
    },
  )
  .post(
    `${EVENT}/registrations/:registration/:decision{approve|decline}`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event, path } = await base(c);
      const id = c.req.param('registration');
      const row = isUuid(id)
        ? await findEventRegistration(c.var.deps.db, { eventId: event.id, registrationId: id })
        : undefined;
      if (!row) throw new AppError('not_found');
      const approve = c.req.param('decision') === 'approve';
      try {
        const result = await audited(
          c,
          (tx) =>
            (approve ? approveRegistration : declineRegistration)({
              db: tx,
              registrationId: row.id,
            }),
          {
            action: approve ? 'registration.approved' : 'registration.declined',
            targetType: 'registration',
            targetId: row.id,
          },
        );
        await sendRegistrationMail(c.var.deps, {
          registrationId: row.id,
          state: approve ? (result.changed.status as 'confirmed' | 'waiting') : 'declined',
        });
        await notifyMoves(c, result);
        setFlash(c, approve ? 'registration.list.approved' : 'registration.list.declined');
      } catch (error) {
        if (!(error instanceof InputError) || !error.fields._form) throw error;
        setFlash(c, error.fields._form.key);
      }
      return c.redirect(`${path}/registrations?status=pending`, 303);
    },
  )
  .get(
    `${EVENT}/registrations/message`,
    access.initiative(registrationPermissions.manageRegistrations),
    (c) => messagePage(c),
  )
  .post(
    `${EVENT}/registrations/message`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event, path } = await base(c);
      const form = await readForm(c, messageForm);
      if (!form.ok) return messagePage(c, form);
      const filter = readFilter(c);
      const { sent } = await messageRegistrants(c.var.deps, {
        eventId: event.id,
        filter,
        message: form.data,
      });
      await audit(c, 'registrations.messaged', {
        targetType: 'event',
        targetId: event.id,
        data: { sent, ...filter, subject: form.data.subjectEs },
      });
      setFlash(c, 'registration.message.sent', { count: sent });
      return c.redirect(`${path}/registrations`, 303);
    },
  )
  .get(
    `${EVENT}/registrations/export/:format{csv|xlsx}`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event } = await base(c);
      const format = c.req.param('format') as 'csv' | 'xlsx';
      const filter = readFilter(c);
      const lang = c.var.lang;
      const t = translator(lang);
      const questions = await listQuestions(c.var.deps.db, event.id);
      const rows = await allRegistrations(c.var.deps.db, { eventId: event.id, ...filter });
      const yes = (b: boolean) => (b ? t('common.yes') : t('common.no'));
      const body = await tableFile({
        format,
        sheet: t('registration.list.title'),
        header: [
          t('registration.field.name'),
          t('registration.field.email'),
          t('registration.field.institution'),
          t('registration.field.group'),
          t('registration.field.country'),
          t('registration.field.gender'),
          t('registration.field.accessibility'),
          t('registration.consent.photos'),
          t('registration.consent.streaming'),
          t('registration.consent.contact'),
          t('registration.list.status'),
          t('registration.ticketCode'),
          t('registration.list.sample'),
          ...questions.map((q) => (lang === 'en' ? (q.labelEn ?? q.labelEs) : q.labelEs)),
        ],
        rows: rows.map((r) => [
          r.name,
          r.email,
          r.institution ?? '',
          r.stakeholderGroup ? t(`network.group.${r.stakeholderGroup}`) : '',
          r.country ?? '',
          r.gender ? t(`network.gender.${r.gender}`) : '',
          r.accessibilityNeeds ?? '',
          yes(r.consentPhotos),
          yes(r.consentStreaming),
          yes(r.consentContact),
          t(`registration.status.${r.status}`),
          r.ticketCode,
          yes(r.sample),
          ...questions.map((q) => {
            const a = r.answers[q.id];
            const option = (i: string) => {
              const o = q.options[Number(i)];
              return o ? (lang === 'en' ? (o.en ?? o.es) : o.es) : i;
            };
            if (a === undefined) return '';
            if (Array.isArray(a)) return a.map(option).join('; ');
            return q.kind === 'single'
              ? option(a)
              : q.kind === 'yes_no'
                ? t(a === 'yes' ? 'common.yes' : 'common.no')
                : a;
          }),
        ]),
      });
      await audit(c, 'registrations.exported', {
        targetType: 'event',
        targetId: event.id,
        data: { format, count: rows.length, ...filter },
      });
      return tableDownload(c, { format, filename: `registrations.${format}`, body });
    },
  );
