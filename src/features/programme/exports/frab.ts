/**
 * The frab/pentabarf `schedule.xml`, written from the same schedule object as the c3voc JSON so
 * both exports always agree.
 *
 * Text is written so that any XML reader gets back exactly what is stored: the writer library
 * leaves entity-looking text such as `&lt;` untouched (it assumes it is already escaped), so every
 * `&` is escaped here first; carriage returns and, in attributes, tabs and newlines are written as
 * character references, which readers do not normalise; and the few characters XML 1.0 cannot
 * carry at all (most control characters, lone surrogates, U+FFFE/U+FFFF) are left out.
 *
 * @example
 * const xml = frabXml(await buildC3vocSchedule(db, { edition, baseUrl }));
 */
import { create } from 'xmlbuilder2';
import { stripControlsDeep } from '../../../lib/strip-controls';
import type { C3vocSchedule } from './c3voc';

/** Characters that may not appear in an XML 1.0 document, even as references. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for an element: read back unchanged by any XML reader (see the module's note). */
export function xmlText(text: string | null | undefined): string {
  return (text ?? '').replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/\r/g, '&#13;');
}

/** Text for an attribute: as `xmlText`, and tabs and newlines kept from normalisation. */
export function xmlAttribute(text: string | number | null | undefined): string {
  return xmlText(text === null || text === undefined ? '' : String(text))
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

export function frabXml(json: C3vocSchedule): string {
  const { schedule } = stripControlsDeep(json);
  const c = schedule.conference;
  const t = xmlText;
  const a = xmlAttribute;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('schedule');
  root.ele('generator', { name: a(json.generator.name), version: a(json.generator.version) });
  root.ele('version').txt(t(schedule.version));
  const conference = root.ele('conference');
  conference.ele('acronym').txt(t(c.acronym));
  conference.ele('title').txt(t(c.title));
  conference.ele('start').txt(c.start);
  conference.ele('end').txt(c.end);
  conference.ele('days').txt(String(c.daysCount));
  conference.ele('timeslot_duration').txt(c.timeslot_duration);
  conference.ele('base_url').txt(t(schedule.base_url));
  conference.ele('url').txt(t(c.url));
  conference.ele('time_zone_name').txt(t(c.time_zone_name));
  for (const day of c.days) {
    const d = root.ele('day', {
      index: day.index,
      date: day.date,
      start: day.day_start,
      end: day.day_end,
    });
    for (const [name, events] of Object.entries(day.rooms)) {
      const guid = c.rooms.find((r) => r.name === name)?.guid;
      const room = d.ele('room', { name: a(name), ...(guid ? { guid: a(guid) } : {}) });
      for (const e of events) {
        const ev = room.ele('event', { id: e.id, guid: a(e.guid) });
        ev.ele('date').txt(e.date);
        ev.ele('start').txt(e.start);
        ev.ele('duration').txt(e.duration);
        ev.ele('room').txt(t(e.room));
        ev.ele('slug').txt(t(e.slug));
        ev.ele('url').txt(t(e.url));
        ev.ele('title').txt(t(e.title));
        ev.ele('subtitle').txt(t(e.subtitle));
        ev.ele('track').txt(t(e.track));
        ev.ele('type').txt(t(e.type));
        ev.ele('language').txt(t(e.language));
        ev.ele('abstract').txt(t(e.abstract));
        ev.ele('description').txt(t(e.description));
        const persons = ev.ele('persons');
        for (const p of e.persons) persons.ele('person', { guid: a(p.guid) }).txt(t(p.name));
        const links = ev.ele('links');
        for (const l of e.links) links.ele('link', { href: a(l.url) }).txt(t(l.title));
        if (e.attachments.length) {
          const attachments = ev.ele('attachments');
          for (const l of e.attachments)
            attachments.ele('attachment', { href: a(l.url) }).txt(t(l.title));
        }
        if (e.feedback_url) ev.ele('feedback_url').txt(t(e.feedback_url));
      }
    }
  }
  return root.end({ prettyPrint: true });
}
