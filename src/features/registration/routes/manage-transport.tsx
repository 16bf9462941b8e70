import { isUuid } from '../../../lib/uuid';
import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audit, audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { inputErrorsOrThrow } from '../../../http/input-error';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import { tableDownload } from '../../../http/table-download';
import type { AppEnv } from '../../../http/types';
import { translator } from '../../../i18n/index';
import { formatDateTime, formatNumber, isoInZone } from '../../../lib/format';
import { tableFile } from '../../../lib/table-file';
import { Csrf, ErrorSummary, Field, Notice, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { managedEvent, manageBase } from '../../programme/index';
import { localTitle } from '../../../views/local-title';
import { registrationPermissions } from '../permissions';
import { listManifest } from '../transport/list-manifest';
import { listRoutes, type RouteWithSeats } from '../transport/list-routes';
import { routeForm, stopsText } from '../transport/route-input';
import { deleteRoute } from '../transport/delete-route';
import { saveRoute } from '../transport/save-route';

const EVENT = '/i/:slug/editions/:edition/events/:event';

/** Print rules of the passenger list (CSP allows only our own style sheets, so it is served). */
const MANIFEST_CSS = `@media print {
  .manifest-tools, .site-header, .site-footer, .skip, form { display: none !important; }
  main { max-width: none; padding: 0; }
  .manifest table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
  .manifest th, .manifest td { border: 1px solid #000; padding: 0.25rem 0.4rem; text-align: left; }
  .manifest thead { display: table-header-group; }
  .manifest tr { break-inside: avoid; }
  .manifest .box { width: 3rem; }
  .table-wrap { overflow: visible !important; }
}
.manifest .box { width: 3rem; }
`;

async function base(c: Context<AppEnv>) {
  const found = await managedEvent(c);
  const path = `${manageBase(c, found.edition.slug)}/events/${found.event.id}`;
  return { ...found, path, transport: `${path}/transport` };
}

async function routeOf(c: Context<AppEnv>, eventId: string): Promise<RouteWithSeats> {
  const id = c.req.param('route') ?? '';
  if (!isUuid(id)) throw new AppError('not_found');
  const route = (await listRoutes(c.var.deps.db, eventId)).find((r) => r.id === id);
  if (!route) throw new AppError('not_found');
  return route;
}

const times = (page: Page, r: RouteWithSeats, zone: string) =>
  [
    r.departsAt &&
      page.t('transport.departs', { date: formatDateTime(r.departsAt, page.lang, zone) }),
    r.returnsAt &&
      page.t('transport.returns', { date: formatDateTime(r.returnsAt, page.lang, zone) }),
  ]
    .filter(Boolean)
    .join(' · ');

function RouteFields(props: {
  page: Page;
  zone: string;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { t } = props.page;
  const f = { values: props.values, errors: props.errors };
  return (
    <>
      <Field
        name="name"
        label={t('transport.field.name')}
        hint={t('transport.field.nameHint')}
        required
        {...f}
      />
      <Field
        name="stops"
        label={t('transport.field.stops')}
        hint={t('transport.field.stopsHint')}
        rows={4}
        required
        {...f}
      />
      <p class="hint">
        {t('transport.dateHint')} ({props.zone})
      </p>
      <Field name="departsAt" type="datetime-local" label={t('transport.field.departsAt')} {...f} />
      <Field name="returnsAt" type="datetime-local" label={t('transport.field.returnsAt')} {...f} />
      <Field
        name="seats"
        type="number"
        min="1"
        max="1000"
        label={t('transport.field.seats')}
        required
        {...f}
      />
    </>
  );
}

async function listPage(c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors } = {}) {
  const page = pageOf(c);
  const { t, lang } = page;
  const { event, path, transport } = await base(c);
  const routes = await listRoutes(c.var.deps.db, event.id);
  return render(
    c,
    <Layout page={page} title={`${t('transport.title')} · ${localTitle(page, event)}`}>
      <p>
        <a href={path}>{localTitle(page, event)}</a> ·{' '}
        <a href={`${path}/registrations`}>{t('registration.list.title')}</a>
      </p>
      <h1>{t('transport.title')}</h1>
      <p>{t('transport.lead')}</p>
      {routes.length === 0 ? (
        <p>{t('transport.empty')}</p>
      ) : (
        <>
          <TableWrap label={t('transport.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('transport.col.route')}</th>
                  <th scope="col">{t('transport.col.stops')}</th>
                  <th scope="col">{t('transport.col.times')}</th>
                  <th scope="col">{t('transport.col.seats')}</th>
                  <th scope="col">{t('transport.col.held')}</th>
                  <th scope="col">{t('transport.col.left')}</th>
                </tr>
              </thead>
              <tbody>
                {routes.map((r) => (
                  <tr>
                    <td>
                      <strong>{r.name}</strong>
                      <br />
                      <a href={`${transport}/${r.id}/edit`}>{t('transport.edit')}</a> ·{' '}
                      <a href={`${transport}/${r.id}/manifest`}>{t('transport.manifest')}</a>
                    </td>
                    <td>
                      <ol>
                        {r.stops.map((s) => (
                          <li>{s.time ? `${s.time} ${s.name}` : s.name}</li>
                        ))}
                      </ol>
                    </td>
                    <td>{times(page, r, event.timeZone)}</td>
                    <td>{formatNumber(r.seats, lang)}</td>
                    <td>{formatNumber(r.held, lang)}</td>
                    <td>{formatNumber(r.left, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p class="hint">{t('transport.heldHint')}</p>
        </>
      )}
      <h2>{t('transport.new')}</h2>
      <form method="post" action={transport} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        <RouteFields page={page} zone={event.timeZone} values={o.values} errors={o.errors} />
        <button type="submit">{t('transport.create')}</button>
      </form>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function editPage(c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors } = {}) {
  const page = pageOf(c);
  const { t } = page;
  const { event, transport } = await base(c);
  const route = await routeOf(c, event.id);
  const local = (d: Date | null) => (d ? isoInZone(d, event.timeZone).slice(0, 16) : '');
  const values = o.values ?? {
    name: route.name,
    stops: stopsText(route.stops),
    departsAt: local(route.departsAt),
    returnsAt: local(route.returnsAt),
    seats: String(route.seats),
  };
  return render(
    c,
    <Layout page={page} title={`${t('transport.edit')} · ${route.name}`}>
      <p>
        <a href={transport}>{t('transport.title')}</a>
      </p>
      <h1>{t('transport.edit')}</h1>
      <form method="post" action={`${transport}/${route.id}/edit`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        <RouteFields page={page} zone={event.timeZone} values={values} errors={o.errors} />
        <button type="submit">{t('common.save')}</button>
      </form>
      <p>
        <a href={`${transport}/${route.id}/delete`}>{t('transport.delete')}</a>
      </p>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function deletePage(c: Context<AppEnv>, error?: string) {
  const page = pageOf(c);
  const { t } = page;
  const { event, transport } = await base(c);
  const route = await routeOf(c, event.id);
  return render(
    c,
    <Layout page={page} title={`${t('transport.delete')} · ${route.name}`}>
      <h1>{t('transport.delete')}</h1>
      {error ? (
        <Notice kind="error">{error}</Notice>
      ) : (
        <p>{t('transport.deleteConfirm', { name: route.name })}</p>
      )}
      {!error && (
        <form method="post" action={`${transport}/${route.id}/delete`} class="stack">
          <Csrf page={page} />
          <button type="submit" class="danger">
            {t('transport.delete')}
          </button>
        </form>
      )}
      <p>
        <a href={`${transport}/${route.id}/edit`}>{t('common.cancel')}</a>
      </p>
    </Layout>,
    error ? 409 : 200,
  );
}

/** Organisers' transport pages of an event: routes, their seats, passenger lists and exports. */
export const manageTransportRoutes = new Hono<AppEnv>()
  .get('/transport/manifest.css', access.anyone(), (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(MANIFEST_CSS);
  })
  .get(`${EVENT}/transport`, access.initiative(registrationPermissions.manageRegistrations), (c) =>
    listPage(c),
  )
  .post(
    `${EVENT}/transport`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event, transport } = await base(c);
      const form = await readForm(c, routeForm(event.timeZone));
      if (!form.ok) return listPage(c, form);
      await audited(
        c,
        (tx) => saveRoute({ db: tx, eventId: event.id, input: form.data }),
        (id) => ({
          action: 'transport.route_created',
          targetType: 'transport_route',
          targetId: id,
          data: { name: form.data.name, seats: form.data.seats },
        }),
      );
      setFlash(c, 'transport.created');
      return c.redirect(transport, 303);
    },
  )
  .get(
    `${EVENT}/transport/:route/edit`,
    access.initiative(registrationPermissions.manageRegistrations),
    (c) => editPage(c),
  )
  .post(
    `${EVENT}/transport/:route/edit`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event, transport } = await base(c);
      const route = await routeOf(c, event.id);
      const form = await readForm(c, routeForm(event.timeZone));
      if (!form.ok) return editPage(c, form);
      try {
        await audited(
          c,
          (tx) => saveRoute({ db: tx, eventId: event.id, routeId: route.id, input: form.data }),
          {
            action: 'transport.route_changed',
            targetType: 'transport_route',
            targetId: route.id,
            data: { name: form.data.name, seats: form.data.seats },
          },
        );
      } catch (error) {
        return editPage(c, { values: form.values, errors: inputErrorsOrThrow(c, error) });
      }
      setFlash(c, 'transport.saved');
      return c.redirect(transport, 303);
    },
  )
  .get(
    `${EVENT}/transport/:route/delete`,
    access.initiative(registrationPermissions.manageRegistrations),
    (c) => deletePage(c),
  )
  .post(
    `${EVENT}/transport/:route/delete`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event, transport } = await base(c);
      const route = await routeOf(c, event.id);
      try {
        await audited(c, (tx) => deleteRoute({ db: tx, eventId: event.id, routeId: route.id }), {
          action: 'transport.route_deleted',
          targetType: 'transport_route',
          targetId: route.id,
          data: { name: route.name },
        });
      } catch (error) {
        return deletePage(c, inputErrorsOrThrow(c, error)._form);
      }
      setFlash(c, 'transport.deleted', { name: route.name });
      return c.redirect(transport, 303);
    },
  )
  .get(
    `${EVENT}/transport/:route/manifest`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const page = pageOf(c);
      const { t, lang } = page;
      const { event, transport } = await base(c);
      const route = await routeOf(c, event.id);
      const riders = await listManifest(c.var.deps.db, { eventId: event.id, routeId: route.id });
      const when = times(page, route, event.timeZone);
      return render(
        c,
        <Layout page={page} title={`${t('transport.manifest')} · ${route.name}`}>
          <link rel="stylesheet" href="/transport/manifest.css" />
          <div class="manifest">
            <p class="manifest-tools">
              <a href={transport}>{t('transport.title')}</a>
            </p>
            <h1>
              {t('transport.manifest')}: {route.name}
            </h1>
            <p>
              {localTitle(page, event)}
              {when && ` · ${when}`}
            </p>
            <p>{route.stops.map((s) => (s.time ? `${s.time} ${s.name}` : s.name)).join(' → ')}</p>
            <p>{t('transport.manifest.lead', { count: formatNumber(riders.length, lang) })}</p>
            <ul class="inline-list manifest-tools">
              <li>{t('transport.manifest.print')}</li>
              <li>
                <a href={`${transport}/${route.id}/manifest/export/csv`}>
                  {t('transport.manifest.exportCsv')}
                </a>
              </li>
              <li>
                <a href={`${transport}/${route.id}/manifest/export/xlsx`}>
                  {t('transport.manifest.exportXlsx')}
                </a>
              </li>
            </ul>
            {riders.length === 0 ? (
              <p>{t('transport.manifest.empty')}</p>
            ) : (
              <TableWrap label={t('transport.manifest')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('transport.manifest.number')}</th>
                      <th scope="col">{t('registration.field.name')}</th>
                      <th scope="col">{t('registration.field.institution')}</th>
                      <th scope="col">{t('registration.list.status')}</th>
                      <th scope="col" class="box">
                        {t('transport.manifest.boarded')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {riders.map((r, i) => (
                      <tr>
                        <td>{formatNumber(i + 1, lang)}</td>
                        <td>
                          {r.name}
                          {r.sample && <> ({t('registration.list.sample')})</>}
                        </td>
                        <td>{r.institution ?? ''}</td>
                        <td>{t(`registration.status.${r.status}`)}</td>
                        <td class="box" />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </div>
        </Layout>,
      );
    },
  )
  .get(
    `${EVENT}/transport/:route/manifest/export/:format{csv|xlsx}`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event } = await base(c);
      const route = await routeOf(c, event.id);
      const format = c.req.param('format') as 'csv' | 'xlsx';
      const t = translator(c.var.lang);
      const riders = await listManifest(c.var.deps.db, { eventId: event.id, routeId: route.id });
      const body = await tableFile({
        format,
        sheet: route.name.replace(/[:\\/?*[\]]/g, ' '),
        header: [
          t('transport.manifest.number'),
          t('registration.field.name'),
          t('registration.field.institution'),
          t('registration.list.status'),
          t('registration.ticketCode'),
          t('transport.manifest.boarded'),
        ],
        rows: riders.map((r, i) => [
          i + 1,
          r.name,
          r.institution ?? '',
          t(`registration.status.${r.status}`),
          r.ticketCode,
          '',
        ]),
      });
      await audit(c, 'transport.manifest_exported', {
        targetType: 'transport_route',
        targetId: route.id,
        data: { format, count: riders.length },
      });
      return tableDownload(c, {
        format,
        filename: `manifest-${route.position + 1}.${format}`,
        body,
      });
    },
  );
