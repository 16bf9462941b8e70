import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audit, audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import { deskContext } from '../desk-context';
import { parsePlace } from '../places';
import { deskRoster, deskState } from '../queries';
import { recordCheckins, type CheckinItem } from '../record-checkins';
import { undoCheckin } from '../undo-checkin';
import { deskAccess, EVENT } from './desk-access';

/** The service worker that keeps the desk pages loading offline (served from the root, scope /i/). */
const serviceWorker = readFileSync(new URL('../../../../public/checkin-sw.js', import.meta.url));

/**
 * The QR decoder for browsers without BarcodeDetector: jsQR's own browser build, served from the
 * installed package (so it is always the version package.json names, never a copy that drifts).
 */
const jsqr = readFileSync(createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js'));

const item = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('checkin'),
    id: z.uuid(),
    registrationId: z.uuid(),
    place: z.string().max(80),
    stop: z.string().max(200).nullable().default(null),
    deskName: z.string().trim().min(1).max(60),
    at: z.iso.datetime({ offset: true }),
  }),
  z.object({ op: z.literal('undo'), id: z.uuid() }),
]);

/**
 * What a desk sends: its queued check-ins and undos, in the order they were made. Each item is
 * checked on its own, so one malformed item is answered `rejected` instead of blocking the queue.
 */
export const syncBody = z.object({ items: z.array(z.unknown()).max(500) });
const itemRef = z.object({ id: z.string().max(100), op: z.enum(['checkin', 'undo']) });

const placeQuery = z.object({ place: z.string().max(80) });

/**
 * The desk script's data: the registrants it keeps on the device, the live state of a place, and
 * the batch of check-ins and undos it sends when the network is there.
 */
export const deskDataRoutes = new Hono<AppEnv>()
  .get('/checkin-sw.js', access.anyone(), (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(serviceWorker);
  })
  .get('/static/vendor/jsqr.js', access.anyone(), (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(jsqr);
  })
  .get(`${EVENT}/desk/roster.json`, deskAccess(), async (c) => {
    const { event } = await deskContext(c);
    const routeId = z.uuid().optional().catch(undefined).parse(c.req.query('route'));
    const registrants = await deskRoster(c.var.deps.db, { eventId: event.id, routeId });
    await audit(c, 'checkin.roster_downloaded', {
      targetType: 'event',
      targetId: event.id,
      data: { count: registrants.length, route: routeId ?? null },
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ fetchedAt: new Date().toISOString(), registrants });
  })
  .get(`${EVENT}/desk/state.json`, deskAccess(), async (c) => {
    const { event } = await deskContext(c);
    const query = placeQuery.safeParse(c.req.query());
    const place = query.success ? parsePlace(query.data.place) : null;
    if (!query.success || !place) throw new AppError('not_found');
    const state = await deskState(c.var.deps.db, {
      eventId: event.id,
      place: query.data.place.toLowerCase(),
      routeId: place.kind === 'bus' ? place.routeId : undefined,
    });
    c.header('Cache-Control', 'no-store');
    return c.json(state);
  })
  .post(`${EVENT}/desk/sync`, deskAccess(), async (c) => {
    const { event } = await deskContext(c);
    const parsed = syncBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) throw new AppError('invalid');
    const userId = c.var.user?.id ?? null;
    const results = await audited(
      c,
      async (db) => {
        const results: { id: string; op: 'checkin' | 'undo'; result: string }[] = [];
        // In order: an undo may follow its own check-in in the same batch.
        let run: CheckinItem[] = [];
        const flush = async () => {
          if (run.length === 0) return;
          const done = await recordCheckins({ db, eventId: event.id, userId, items: run });
          for (const r of done) results.push({ id: r.id, op: 'checkin', result: r.result });
          run = [];
        };
        for (const raw of parsed.data.items) {
          const checked = item.safeParse(raw);
          if (!checked.success) {
            await flush();
            const ref = itemRef.safeParse(raw);
            results.push({
              id: ref.success ? ref.data.id : '',
              op: ref.success ? ref.data.op : 'checkin',
              result: 'rejected',
            });
            continue;
          }
          const x = checked.data;
          if (x.op === 'checkin') {
            run.push({ ...x, at: new Date(x.at) });
            continue;
          }
          await flush();
          const undone = await undoCheckin({ db, eventId: event.id, id: x.id, userId });
          results.push({ id: x.id, op: 'undo', result: undone.result });
        }
        await flush();
        return results;
      },
      (results) => {
        const tally: Record<string, number> = {};
        for (const r of results)
          tally[`${r.op}_${r.result}`] = (tally[`${r.op}_${r.result}`] ?? 0) + 1;
        return { action: 'checkin.synced', targetType: 'event', targetId: event.id, data: tally };
      },
    );
    return c.json({ results });
  });
