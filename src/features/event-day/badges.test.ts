import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../tests/support/agent';
import { buildInitiative, buildMember, signedInAgent } from '../../../tests/support/factories';
import { buildPerson } from '../../../tests/support/network-factories';
import { buildEdition, buildEvent } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { auditLog } from '../../core/audit/schema';
import { consents } from '../network/schema';
import { wrapText } from './badges-pdf';
import { insertRegistration } from './event-day-fixtures';

let t: TestApp;
let organiser: Agent;
let path: string;
let agreedId: string;

async function pdfText(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: false });
  return { totalPages, pages: text };
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await buildInitiative(t.db);
  const edition = await buildEdition(t.db, { initiative: a });
  const event = await buildEvent(t.db, { edition });
  organiser = await signedInAgent(t, await buildMember(t.db, { initiative: a, role: 'organiser' }));
  path = `/i/${a.slug}/editions/${edition.slug}/events/${event.id}`;
  const agreed = await buildPerson(t.db, { initiative: a, name: 'Sofía Benítez' });
  const refused = await buildPerson(t.db, { initiative: a, name: 'Íñigo Núñez' });
  await t.db.insert(consents).values([
    {
      personId: agreed.id,
      purpose: 'directory_listing',
      status: 'given',
      method: 'test',
      at: new Date('2021-01-01'),
    },
    {
      personId: refused.id,
      purpose: 'directory_listing',
      status: 'given',
      method: 'test',
      at: new Date('2020-01-01'),
    },
    {
      personId: refused.id,
      purpose: 'directory_listing',
      status: 'withdrawn',
      method: 'test',
      at: new Date('2022-01-01'),
    },
  ]);
  agreedId = (
    await insertRegistration(t.db, {
      eventId: event.id,
      name: 'Sofía Benítez',
      institution: 'Universidad del Istmo',
      stakeholderGroup: 'academia',
      personId: agreed.id,
    })
  ).id;
  await insertRegistration(t.db, {
    eventId: event.id,
    name: 'Íñigo Núñez',
    institution: 'Cámara de Comercio',
    stakeholderGroup: 'private_sector',
    personId: refused.id,
  });
  for (let i = 1; i <= 7; i++)
    await insertRegistration(t.db, {
      eventId: event.id,
      name: `Participante ${i}`,
      institution: i % 2 ? 'USAC' : 'UNIS',
      stakeholderGroup: 'academia',
    });
  await insertRegistration(t.db, { eventId: event.id, name: 'En espera', status: 'waiting' });
});
afterAll(() => t.close());

describe('badge PDFs', () => {
  it('puts the confirmed registrants eight to an A4 page, with accents, institution and ticket code', async () => {
    const res = await organiser.get(`${path}/badges/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(2);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    const { totalPages, pages } = await pdfText(bytes);
    expect(totalPages).toBe(2);
    const all = pages.join('\n');
    expect(all).toContain('Sofía Benítez');
    expect(all).toContain('Íñigo Núñez');
    expect(all).toContain('Cámara de Comercio');
    expect(all).not.toContain('En espera');
    expect(pages[0]).toContain('Participante 7');
    expect(pages[0]).toContain('Íñigo Núñez');
    expect(pages[1]).toContain('Sofía Benítez');
    const logged = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'event_day.badges_printed'));
    expect(logged.length).toBeGreaterThan(0);
  });

  it('prints the stakeholder group only for whoever agreed to be in the directory', async () => {
    const res = await organiser.get(`${path}/badges/pdf?q=benitez`);
    const { pages } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(pages[0]).toContain('Academia');
    const other = await organiser.get(`${path}/badges/pdf?q=nunez`);
    const text = (await pdfText(new Uint8Array(await other.arrayBuffer()))).pages.join('\n');
    expect(text).toContain('Íñigo Núñez');
    expect(text).not.toContain('Sector privado');
  });

  it('filters by status, group and institution, and prints one badge at a time', async () => {
    const unis = await organiser.get(`${path}/badges/pdf?institution=unis&group=academia`);
    const text = (await pdfText(new Uint8Array(await unis.arrayBuffer()))).pages.join('\n');
    expect(text.match(/Participante \d/g)?.sort()).toEqual([
      'Participante 2',
      'Participante 4',
      'Participante 6',
    ]);
    const waiting = await organiser.get(`${path}/badges/pdf?status=waiting`);
    expect((await pdfText(new Uint8Array(await waiting.arrayBuffer()))).pages[0]).toContain(
      'En espera',
    );
    const one = await organiser.get(`${path}/badges/${agreedId}/pdf`);
    const single = await pdfText(new Uint8Array(await one.arrayBuffer()));
    expect(single.totalPages).toBe(1);
    expect(single.pages[0]).toContain('Sofía Benítez');
    expect(single.pages[0]).not.toContain('Participante');
  });

  it('lists the filtered badges on the page with the download link keeping the filters', async () => {
    const html = await (await organiser.get(`${path}/badges?group=academia&q=participante`)).text();
    expect(html).toContain('Gafetes: 7');
    expect(html).toContain('/badges/pdf?group=academia&amp;q=participante');
  });

  it('wraps long names and cuts what does not fit with an ellipsis', () => {
    const font = { widthOfTextAtSize: (s: string, size: number) => s.length * size * 0.5 };
    expect(wrapText('María José de los Ángeles', font, 10, 60, 2)).toEqual([
      'María José',
      'de los Ánge…',
    ]);
    expect(wrapText('Ana', font, 10, 60, 2)).toEqual(['Ana']);
  });
});
