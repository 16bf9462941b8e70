import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatNumber, isoInZone } from '../../../lib/format';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { roomForm } from '../editing/edition-input';
import { saveRoom } from '../editing/save-room';
import { programmePermissions } from '../permissions';
import { venueRooms, venueRoomsWithAvailability } from '../queries';
import { listRoomAvailability } from '../reading/list-room-availability';
import type { Room } from '../schema';
import { localTitle } from '../../../views/local-title';
import { managedEvent, manageBase } from './manage-context';

const editors = () => access.initiative(programmePermissions.editProgramme);

const windowLine = (w: { startsAt: Date; endsAt: Date }, zone: string) => {
  const a = isoInZone(w.startsAt, zone);
  return `${a.slice(0, 10)} ${a.slice(11, 16)}-${isoInZone(w.endsAt, zone).slice(11, 16)}`;
};

async function roomsPage(
  c: Context<AppEnv>,
  o: { editing?: Room; values?: FormValues; errors?: FieldErrors } = {},
) {
  const page = pageOf(c);
  const { t, lang } = page;
  const { db } = c.var.deps;
  const { edition, event, venue } = await managedEvent(c);
  const base = `${manageBase(c, edition.slug)}/events/${event.id}`;
  const rooms = await venueRoomsWithAvailability(db, event.venueId);
  const title = o.editing ? t('manage.rooms.edit') : t('manage.rooms.title');
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{localTitle(page, event)}</a>
      </p>
      <h1>{o.editing ? o.editing.name : t('manage.rooms.title')}</h1>
      {!venue ? (
        <p>
          {t('manage.rooms.noVenue')} <a href={`${base}/edit`}>{t('manage.events.edit')}</a>
        </p>
      ) : (
        <>
          {!o.editing && (
            <>
              <p>{t('manage.rooms.lead')}</p>
              {rooms.length === 0 ? (
                <p>{t('manage.rooms.empty')}</p>
              ) : (
                <ul class="cards">
                  {rooms.map(({ room: r, windows: mine }) => {
                    return (
                      <li class="card">
                        <a href={`${base}/rooms/${r.id}/edit`}>
                          <strong>{r.name}</strong>
                        </a>
                        {r.capacity !== null && <> · {formatNumber(r.capacity, lang)}</>}
                        <br />
                        <small>
                          {mine.length
                            ? mine.map((w) => windowLine(w, event.timeZone)).join(' · ')
                            : t('manage.room.always')}
                        </small>
                      </li>
                    );
                  })}
                </ul>
              )}
              <h2>{t('manage.rooms.new')}</h2>
            </>
          )}
          <form
            method="post"
            action={o.editing ? `${base}/rooms/${o.editing.id}/edit` : `${base}/rooms`}
            class="stack"
            novalidate
          >
            <Csrf page={page} />
            <ErrorSummary page={page} errors={o.errors} />
            <Field
              name="name"
              label={t('manage.room.name')}
              required
              values={o.values}
              errors={o.errors}
            />
            <Field
              name="capacity"
              type="number"
              min="1"
              label={t('manage.room.capacity')}
              values={o.values}
              errors={o.errors}
            />
            <Field
              name="accessibility"
              label={t('manage.room.accessibility')}
              rows={2}
              values={o.values}
              errors={o.errors}
            />
            <Field
              name="streamUrl"
              type="url"
              label={t('manage.room.stream')}
              values={o.values}
              errors={o.errors}
            />
            <Field
              name="availability"
              label={t('manage.room.availability')}
              hint={t('manage.room.availabilityHint')}
              rows={3}
              values={o.values}
              errors={o.errors}
            />
            <button type="submit">{o.editing ? t('common.save') : t('manage.rooms.new')}</button>
          </form>
        </>
      )}
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function submitRoom(c: Context<AppEnv>, editing?: Room) {
  const { edition, event } = await managedEvent(c);
  if (!event.venueId) throw new AppError('not_found');
  const form = await readForm(c, roomForm(event.timeZone));
  if (!form.ok) return roomsPage(c, { editing, ...form });
  const venueId = event.venueId;
  const id = await audited(
    c,
    (tx) => saveRoom({ db: tx, venueId, roomId: editing?.id, input: form.data }),
    (id) =>
      id
        ? { action: editing ? 'room.updated' : 'room.created', targetType: 'room', targetId: id }
        : null,
  );
  if (!id) throw new AppError('not_found');
  setFlash(c, 'manage.rooms.saved');
  return c.redirect(`${manageBase(c, edition.slug)}/events/${event.id}/rooms`, 303);
}

async function managedRoom(c: Context<AppEnv>, venueId: string | null) {
  const room = (await venueRooms(c.var.deps.db, venueId)).find((r) => r.id === c.req.param('room'));
  if (!room) throw new AppError('not_found');
  return room;
}

/** The rooms of an event's venue: capacity, accessibility, stream and availability. */
export const manageRoomRoutes = new Hono<AppEnv>()
  .get('/i/:slug/editions/:edition/events/:event/rooms', editors(), (c) => roomsPage(c))
  .post('/i/:slug/editions/:edition/events/:event/rooms', editors(), (c) => submitRoom(c))
  .get('/i/:slug/editions/:edition/events/:event/rooms/:room/edit', editors(), async (c) => {
    const { event } = await managedEvent(c);
    const room = await managedRoom(c, event.venueId);
    const windows = await listRoomAvailability(c.var.deps.db, { roomId: room.id });
    return roomsPage(c, {
      editing: room,
      values: {
        name: room.name,
        capacity: room.capacity === null ? '' : String(room.capacity),
        accessibility: room.accessibility ?? '',
        streamUrl: room.streamUrl ?? '',
        availability: windows.map((w) => windowLine(w, event.timeZone)).join('\n'),
      },
    });
  })
  .post('/i/:slug/editions/:edition/events/:event/rooms/:room/edit', editors(), async (c) => {
    const { event } = await managedEvent(c);
    return submitRoom(c, await managedRoom(c, event.venueId));
  });
