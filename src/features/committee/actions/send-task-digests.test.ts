import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative } from '../../../../tests/support/factories';
import { buildCommitteeMember, buildTask } from '../../../../tests/support/committee-factories';
import { buildInstitution, buildPerson } from '../../../../tests/support/network-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { Initiative } from '../../../core/initiatives/schema';
import { outbox } from '../../../core/mail/schema';
import { actionItems } from '../schema';
import { sendTaskDigests, weekOf } from './send-task-digests';

let t: TestApp;
let initiative: Initiative;
const now = new Date('2030-03-06T12:00:00Z'); // a Wednesday
const inDays = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
});
afterAll(() => t.close());

describe('weekOf', () => {
  it('is the Monday of the week', () => {
    expect(weekOf(new Date('2030-03-06T12:00:00Z'))).toBe('2030-03-04');
    expect(weekOf(new Date('2030-03-10T23:00:00Z'))).toBe('2030-03-04');
    expect(weekOf(new Date('2030-03-11T00:00:00Z'))).toBe('2030-03-11');
  });
});

describe('sendTaskDigests', () => {
  it('sends overdue and next-7-days tasks, in the person’s language, to owners and to the representatives of owning institutions', async () => {
    const inst = await buildInstitution(t.db, { name: 'CETEL' });
    await buildCommitteeMember(t.db, {
      initiative,
      institutionId: inst.id,
      name: 'Sofía',
      email: 'sofia@example.org',
      languages: ['en', 'es'],
    });
    const ana = await buildPerson(t.db, { initiative, name: 'Ana', email: 'ana@example.org' });
    const noMail = await buildPerson(t.db, { initiative, name: 'Sin correo' });
    const task = (
      title: string,
      dueOn: string | undefined,
      owner: { personId?: string; institutionId?: string },
    ) => buildTask(t.db, { initiative, title, dueOn, owner });
    await task('Venció', inDays(-2), { personId: ana.id });
    await task('Pronto', inDays(6), { personId: ana.id });
    await task('Lejos', inDays(8), { personId: ana.id });
    await task('Sin fecha', undefined, { personId: ana.id });
    const done = await task('Hecha', inDays(1), { personId: ana.id });
    await t.db.update(actionItems).set({ status: 'done' }).where(eq(actionItems.id, done.id));
    await task('Of the institution', inDays(3), { institutionId: inst.id });
    await task('Nobody to tell', inDays(3), { personId: noMail.id });

    expect(await sendTaskDigests(t.deps, now)).toEqual({ sent: 2 });
    const mails = await t.db.select().from(outbox);
    const toAna = mails.find((m) => m.to === 'ana@example.org')!;
    expect(toAna.locale).toBe('es');
    expect(toAna.text).toContain('Venció — venció el');
    expect(toAna.text).toContain('Pronto — vence el');
    expect(toAna.text).not.toMatch(/Lejos|Sin fecha|Hecha/);
    const toSofia = mails.find((m) => m.to === 'sofia@example.org')!;
    expect(toSofia.locale).toBe('en');
    expect(toSofia.subject).toBe('Your tasks this week (1)');
    expect(toSofia.text).toContain('Of the institution — due on');
    expect(await sendTaskDigests(t.deps, new Date(now.getTime() + 3 * 86_400_000))).toEqual({
      sent: 0,
    });
  });
});
