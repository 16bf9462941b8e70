/**
 * The frab/pentabarf `schedule.xml`, written from the same schedule object as the c3voc JSON so
 * both exports always agree.
 *
 * @example
 * const xml = frabXml(await buildC3vocSchedule(db, { edition, baseUrl }));
 */
import { create } from 'xmlbuilder2';
import { stripControlsDeep } from '../../../lib/strip-controls';
import type { C3vocSchedule } from './c3voc';

export function frabXml(json: C3vocSchedule): string {
  const { schedule } = stripControlsDeep(json);
  const c = schedule.conference;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('schedule');
  root.ele('generator', { name: json.generator.name, version: json.generator.version });
  root.ele('version').txt(schedule.version);
  const conference = root.ele('conference');
  conference.ele('acronym').txt(c.acronym);
  conference.ele('title').txt(c.title);
  conference.ele('start').txt(c.start);
  conference.ele('end').txt(c.end);
  conference.ele('days').txt(String(c.daysCount));
  conference.ele('timeslot_duration').txt(c.timeslot_duration);
  conference.ele('base_url').txt(schedule.base_url);
  conference.ele('url').txt(c.url);
  conference.ele('time_zone_name').txt(c.time_zone_name);
  for (const day of c.days) {
    const d = root.ele('day', {
      index: day.index,
      date: day.date,
      start: day.day_start,
      end: day.day_end,
    });
    for (const [name, events] of Object.entries(day.rooms)) {
      const room = d.ele('room', { name, guid: c.rooms.find((r) => r.name === name)?.guid });
      for (const e of events) {
        const ev = room.ele('event', { id: e.id, guid: e.guid });
        ev.ele('date').txt(e.date);
        ev.ele('start').txt(e.start);
        ev.ele('duration').txt(e.duration);
        ev.ele('room').txt(e.room);
        ev.ele('slug').txt(e.slug);
        ev.ele('url').txt(e.url);
        ev.ele('title').txt(e.title);
        ev.ele('subtitle').txt(e.subtitle ?? '');
        ev.ele('track').txt(e.track ?? '');
        ev.ele('type').txt(e.type);
        ev.ele('language').txt(e.language);
        ev.ele('abstract').txt(e.abstract ?? '');
        ev.ele('description').txt(e.description ?? '');
        const persons = ev.ele('persons');
        for (const p of e.persons) persons.ele('person', { guid: p.guid }).txt(p.name);
        ev.ele('links');
      }
    }
  }
  return root.end({ prettyPrint: true });
}
