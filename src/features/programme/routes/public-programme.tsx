import { Hono } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { dayKey, formatDay, formatTime } from '../../../lib/format';
import { JsonLd } from '../../../views/json-ld';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { findEdition, type ProgrammeItem } from '../queries';
import { publishedProgramme } from '../publishing/published-programme';

/** Above this many sessions the page shows one day at a time. */
const LONG_PROGRAMME = 150;
/** A day with at least this many start times gets links to jump to each of them. */
const JUMP_FROM_SLOTS = 4;

/** The id of a time slot on the page, e.g. `t-2018-10-25-0930`. */
function slotAnchor(day: string, startsAt: Date, zone: string): string {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(startsAt);
  return `t-${day}-${local.replace(':', '')}`;
}
import { SessionCard } from '../views/session-card';
import { agendaFor, starredIds } from '../agenda';
import { agendaOwner } from './agenda';

/** Groups sessions into days, and each day into time slots (parallel sessions share a slot). */
function byDayAndSlot(items: ProgrammeItem[], dayOf: Map<ProgrammeItem, string>) {
  const days = new Map<string, Map<string, ProgrammeItem[]>>();
  for (const s of items) {
    const day = dayOf.get(s)!;
    const slots = days.get(day) ?? new Map<string, ProgrammeItem[]>();
    const slot = s.startsAt.toISOString();
    const list = slots.get(slot) ?? [];
    list.push(s);
    slots.set(slot, list);
    days.set(day, slots);
  }
  return [...days.entries()];
}

/** `/e/{slug}/programme`: by day, parallel rooms side by side on wide screens, a list on phones; no JavaScript. */
export const publicProgrammeRoutes = new Hono<AppEnv>().get(
  '/e/:slug/programme',
  access.anyone(),
  async (c) => {
    const { db } = c.var.deps;
    const edition = await findEdition(db, c.req.param('slug'));
    if (!edition) throw new AppError('not_found');
    const { items: all, zone } = await publishedProgramme(db, edition);
    const dayOf = new Map(all.map((s) => [s, dayKey(s.startsAt, zone)]));
    const days = [...new Set(dayOf.values())];
    // Big programmes open on their first day so a phone never loads all of them at once.
    const day =
      days.find((d) => d === c.req.query('day')) ??
      (all.length > LONG_PROGRAMME ? days[0] : undefined);
    const topics = [
      ...new Set(all.map((s) => s.topic).filter((x): x is string => Boolean(x))),
    ].sort();
    const roomNames = [
      ...new Set(all.map((s) => s.room?.name).filter((x): x is string => Boolean(x))),
    ].sort();
    const topic = topics.find((x) => x === c.req.query('topic'));
    const room = roomNames.find((x) => x === c.req.query('room'));
    const owner = agendaOwner(c, { create: false });
    const starred = await starredIds(
      db,
      owner ? (await agendaFor(db, owner, { create: false }))?.id : undefined,
    );
    const shown = all.filter(
      (s) =>
        (!topic || s.topic === topic) &&
        (!room || s.room?.name === room) &&
        (!day || dayOf.get(s) === day),
    );
    const query = (d?: string) =>
      `?${new URLSearchParams({ ...(d ? { day: d } : {}), ...(topic ? { topic } : {}), ...(room ? { room } : {}) })}`;
    const page = pageOf(c);
    const { t, lang } = page;
    return render(
      c,
      <Layout page={page} title={`${t('programme.title')} · ${edition.name}`}>
        <p>
          <a href={`/e/${edition.slug}`}>{edition.name}</a>
        </p>
        <h1>{t('programme.title')}</h1>
        <p class="hint">{t('programme.timesIn', { zone })}</p>
        {all.length > 0 && (
          <ul class="inline-list">
            <li>
              <a href={`/e/${edition.slug}/programme.ics`}>{t('programme.downloadIcs')}</a>
            </li>
            <li>
              <a href={`/e/${edition.slug}/schedule.json`}>{t('programme.downloadJson')}</a>
            </li>
            <li>
              <a href={`/e/${edition.slug}/agenda`}>{t('agenda.link')}</a>
            </li>
            <li>
              <a href={`/e/${edition.slug}/changes`}>{t('changes.title')}</a>
            </li>
          </ul>
        )}
        {all.length === 0 ? (
          <p>{t('programme.empty')}</p>
        ) : (
          <form method="get" action={`/e/${edition.slug}/programme`} class="filters">
            <div class="field">
              <label for="f-topic">{t('programme.topic')}</label>
              <select id="f-topic" name="topic">
                <option value="">{t('programme.allTopics')}</option>
                {topics.map((x) => (
                  <option value={x} selected={x === topic}>
                    {x}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="f-room">{t('programme.room')}</label>
              <select id="f-room" name="room">
                <option value="">{t('programme.allRooms')}</option>
                {roomNames.map((x) => (
                  <option value={x} selected={x === room}>
                    {x}
                  </option>
                ))}
              </select>
            </div>
            {day && <input type="hidden" name="day" value={day} />}
            <button type="submit">{t('programme.filter')}</button>
          </form>
        )}
        {days.length > 1 && (
          <nav aria-label={t('programme.days')}>
            <ul class="inline-list">
              {all.length <= LONG_PROGRAMME && (
                <li>
                  <a href={query()} aria-current={day ? undefined : 'page'}>
                    {t('programme.allDays')}
                  </a>
                </li>
              )}
              {days.map((d) => (
                <li>
                  <a href={query(d)} aria-current={d === day ? 'page' : undefined}>
                    {formatDay(new Date(`${d}T12:00:00Z`), lang, 'UTC')}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {all.length > 0 && shown.length === 0 && <p>{t('programme.noMatch')}</p>}
        {byDayAndSlot(shown, dayOf).map(([dayId, slots]) => (
          <section>
            <h2>{formatDay([...slots.values()][0]![0]!.startsAt, lang, zone)}</h2>
            {slots.size >= JUMP_FROM_SLOTS && (
              <nav
                aria-label={`${t('programme.jumpToTime')} · ${formatDay([...slots.values()][0]![0]!.startsAt, lang, zone)}`}
              >
                <ul class="inline-list">
                  {[...slots.values()].map((items) => (
                    <li>
                      <a href={`#${slotAnchor(dayId, items[0]!.startsAt, zone)}`}>
                        {formatTime(items[0]!.startsAt, lang, zone)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            {[...slots.values()].map((items) => (
              <div
                class={items.length > 1 ? 'slot parallel' : 'slot'}
                id={slotAnchor(dayId, items[0]!.startsAt, zone)}
              >
                {items.map((s) => (
                  <SessionCard
                    page={page}
                    item={s}
                    timeZone={zone}
                    href={`/e/${edition.slug}/sessions/${s.id}`}
                    star={{
                      starred: starred.has(s.id),
                      action: `/e/${edition.slug}/sessions/${s.id}/star`,
                      next: `/e/${edition.slug}/programme${query(day)}`,
                    }}
                  />
                ))}
              </div>
            ))}
          </section>
        ))}
        {/* Light on a list: where each session is; its page carries the full Event. */}
        <JsonLd
          page={page}
          data={{
            '@context': 'https://schema.org',
            '@type': 'ItemList',
            itemListElement: shown.map((s, i) => ({
              '@type': 'ListItem',
              position: i + 1,
              url: `${c.var.deps.env.publicUrl}/e/${edition.slug}/sessions/${s.id}`,
            })),
          }}
        />
      </Layout>,
    );
  },
);
