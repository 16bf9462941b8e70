import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../../tests/support/agent';
import { buildInitiative, buildMember, signedInAgent } from '../../../../tests/support/factories';
import { buildInstitution, buildPerson } from '../../../../tests/support/network-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { Initiative } from '../../../core/initiatives/schema';
import { affiliations, institutions, participations, people, personEmails } from '../schema';
import { parsePeopleFile } from './parse-file';
import { peopleImports } from './schema';

let t: TestApp;
let a: Initiative;
let agent: Agent;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  agent = await signedInAgent(t, await buildMember(t.db, { initiative: a, role: 'organiser' }));
});
afterAll(() => t.close());

async function upload(name: string, content: string | Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.set('_csrf', agent.csrfToken());
  form.set('file', new File([content], name));
  return agent.request(`/i/${a.slug}/people/import`, { method: 'POST', body: form });
}

async function waitUntilDone(id: string) {
  for (let i = 0; i < 200; i++) {
    const [row] = await t.db.select().from(peopleImports).where(eq(peopleImports.id, id));
    if (row && row.status !== 'importing') return row;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

describe('people import', () => {
  it('maps, reports errors and duplicates, lets the organiser fix rows, and writes nothing until confirmed', async () => {
    const unis = await buildInstitution(t.db, {
      name: 'Universidad del Istmo',
      acronym: 'UNIS',
      stakeholderGroup: 'academia',
    });
    const existing = await buildPerson(t.db, {
      initiative: a,
      name: 'Estuardo Sandoval',
      email: `estuardo-${a.slug}@example.org`,
      institutionId: unis.id,
    });
    const csv = [
      'Nombre;Correo electrónico;País;Institución;Sector;Género',
      `Ana Pérez;ana-${a.slug}@example.org;Guatemala;UNIS;;Mujer`,
      `Beto Gómez;no-es-correo;Atlántida;;;`,
      `Estuardo Sandoval;estuardo-${a.slug}@example.org;GT;;;`,
      `ESTUARDO SANDOVAL;;GT;Universidad del Istmo;;`,
      `Carla Ruiz;carla-${a.slug}@example.org;Honduras;Instituto Nuevo;Sociedad civil;`,
      `Dora;ana-${a.slug}@example.org;SV;;;`,
    ].join('\n');
    const res = await upload('contactos.csv', csv);
    expect(res.status).toBe(303);
    const id = res.headers.get('location')!.split('/').pop()!;

    const mapping = await (await agent.get(`/i/${a.slug}/imports/${id}`)).text();
    expect(mapping).toContain('Relacionar columnas');
    const [imp] = await t.db.select().from(peopleImports).where(eq(peopleImports.id, id));
    expect(imp!.mapping).toEqual({
      name: 0,
      email: 1,
      country: 2,
      institution: 3,
      group: 4,
      gender: 5,
    });
    expect(
      (
        await agent.post(`/i/${a.slug}/imports/${id}/mapping`, {
          name: '0',
          email: '1',
          country: '2',
          institution: '3',
          group: '4',
          gender: '5',
        })
      ).status,
    ).toBe(303);

    const review = await (await agent.get(`/i/${a.slug}/imports/${id}`)).text();
    expect(review).toContain('6 filas: 2 listas, 2 con errores, 2 ya están en la red.');
    expect(review).toContain('Escribe una dirección de correo válida');
    expect(review).toContain('Escribe el código de país de dos letras');
    expect(review).toContain('Este correo ya aparece en la fila 2 del archivo.');
    expect(review).toContain('Ya está en la red: Estuardo Sandoval (mismo correo).');
    expect(review).toContain('Ya está en la red: Estuardo Sandoval (mismo nombre e institución).');
    expect(review).toContain('Se creará la institución «Instituto Nuevo»');
    expect(await t.db.select().from(people).where(eq(people.name, 'Ana Pérez'))).toHaveLength(0);

    const english = await (await agent.get(`/i/${a.slug}/imports/${id}?lang=en`)).text();
    expect(english).toContain('Enter a valid e-mail address');
    await agent.get('/?lang=es');

    // Fix row 3 (Beto) through the report; leave Dora's repeated e-mail out.
    expect(
      (
        await agent.post(`/i/${a.slug}/imports/${id}/rows/1`, {
          name: 'Beto Gómez',
          email: `beto-${a.slug}@example.org`,
          country: 'HN',
          institution: '',
          group: '',
          gender: '',
        })
      ).status,
    ).toBe(303);
    const fixed = await (await agent.get(`/i/${a.slug}/imports/${id}`)).text();
    expect(fixed).toContain('6 filas: 3 listas, 1 con errores, 2 ya están en la red.');

    expect((await agent.post(`/i/${a.slug}/imports/${id}/confirm`)).status).toBe(303);
    const done = await waitUntilDone(id);
    expect(done).toMatchObject({ status: 'done', created: 3, linked: 2, skipped: 1 });
    const page = await (await agent.get(`/i/${a.slug}/imports/${id}`)).text();
    expect(page).toContain(
      '3 personas nuevas, 2 unidas a personas existentes, 1 filas sin importar.',
    );

    const [ana] = await t.db.select().from(people).where(eq(people.name, 'Ana Pérez'));
    expect(ana).toMatchObject({ country: 'GT', genderChoice: 'woman' });
    expect(
      await t.db
        .select()
        .from(affiliations)
        .where(and(eq(affiliations.personId, ana!.id), eq(affiliations.institutionId, unis.id))),
    ).toHaveLength(1);
    const [nuevo] = await t.db
      .select()
      .from(institutions)
      .where(eq(institutions.name, 'Instituto Nuevo'));
    expect(nuevo!.stakeholderGroup).toBe('civil_society');
    expect(
      await t.db.select().from(people).where(eq(people.nameKey, 'estuardo sandoval')),
    ).toHaveLength(1);
    expect(
      await t.db.select().from(personEmails).where(eq(personEmails.personId, existing.id)),
    ).toHaveLength(1);
  });

  it('refuses files that are not CSV or XLSX, next to the field', async () => {
    const res = await upload('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Ese tipo de archivo no se puede leer');
    const fake = await upload('fake.xlsx', 'name,email\nA,b@c.org');
    expect(fake.status).toBe(422);
  });

  it('reads XLSX files', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Personas');
    sheet.addRow(['Name', 'E-mail', 'Country']);
    sheet.addRow(['Karen Revolorio', 'karen@example.org', 'GT']);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const parsed = await parsePeopleFile({ name: 'people.xlsx', bytes });
    expect(parsed).toEqual({
      headers: ['Name', 'E-mail', 'Country'],
      rows: [['Karen Revolorio', 'karen@example.org', 'GT']],
    });
  });

  it('round-trips: an export can be imported back with its columns recognised', async () => {
    await buildPerson(t.db, {
      initiative: a,
      name: 'Vivian Rodríguez',
      email: `vivian-${a.slug}@example.org`,
      genderChoice: 'woman',
      country: 'GT',
    });
    const csv = await (await agent.get(`/i/${a.slug}/people/export/csv`)).text();
    expect(csv.split('\n')[0]).toBe(
      'Nombre,Correo electrónico,Teléfono,País,Idiomas,Género,Institución,Sector,Cargo,Notas',
    );
    expect(csv).toContain(`Vivian Rodríguez,vivian-${a.slug}@example.org,,GT,,Mujer`);
    const res = await upload('export.csv', csv);
    const id = res.headers.get('location')!.split('/').pop()!;
    const [imp] = await t.db.select().from(peopleImports).where(eq(peopleImports.id, id));
    expect(Object.keys(imp!.mapping).sort()).toEqual([
      'country',
      'email',
      'gender',
      'group',
      'institution',
      'languages',
      'name',
      'notes',
      'phone',
      'title',
    ]);
    const xlsx = await agent.get(`/i/${a.slug}/people/export/xlsx`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('imports large files in the background in chunks, showing progress', async () => {
    const lines = ['name,email,country'];
    for (let i = 0; i < 1200; i++) lines.push(`Persona ${i},p${i}-${a.slug}@example.org,GT`);
    const res = await upload('big.csv', lines.join('\n'));
    const id = res.headers.get('location')!.split('/').pop()!;
    await agent.post(`/i/${a.slug}/imports/${id}/mapping`, { name: '0', email: '1', country: '2' });
    await agent.post(`/i/${a.slug}/imports/${id}/confirm`);
    const progress = await (await agent.get(`/i/${a.slug}/imports/${id}`)).text();
    expect(progress).toMatch(/http-equiv="refresh"|1200 personas nuevas/);
    const done = await waitUntilDone(id);
    expect(done).toMatchObject({ status: 'done', created: 1200, done: 1200 });
    const [count] = await t.db
      .select({ n: participations.id })
      .from(participations)
      .where(eq(participations.initiativeId, a.id))
      .limit(1);
    expect(count).toBeDefined();
  }, 120_000);
});
