import { InputError } from '../../../http/input-error';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildInitiative } from '../../../../tests/support/factories';
import { buildCommitteeMember, buildMeeting } from '../../../../tests/support/committee-factories';
import { buildInstitution } from '../../../../tests/support/network-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { outbox } from '../../../core/mail/schema';
import { approveMinutes } from './approve-minutes';
import { loadMeeting } from './queries';
import { recordMeeting } from './record-meeting';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('approves once when two approvals race, and mails each member once in their language', async () => {
  const initiative = await buildInitiative(t.db);
  const inst = await buildInstitution(t.db);
  for (const [name, email, languages] of [
    ['Ana', 'ana-race@example.org', ['es']],
    ['Ann', 'ann-race@example.org', ['en']],
  ] as const) {
    await buildCommitteeMember(t.db, {
      initiative,
      institutionId: inst.id,
      name,
      email,
      languages: [...languages],
    });
  }
  const ref = {
    initiativeId: initiative.id,
    meetingId: (await buildMeeting(t.db, { initiative })).id,
  };
  const empty = (await loadMeeting(t.db, ref))!;
  await expect(approveMinutes(t.deps, { meeting: empty, userId: null, url: 'u' })).rejects.toThrow(
    InputError,
  );
  await recordMeeting(t.db, {
    meeting: empty,
    input: { agenda: [], attended: [], minutes: 'Acta', decisions: ['Seis temas'] },
  });
  const meeting = (await loadMeeting(t.db, ref))!;
  const results = await Promise.allSettled([
    approveMinutes(t.deps, { meeting, userId: null, url: 'u' }),
    approveMinutes(t.deps, { meeting, userId: null, url: 'u' }),
  ]);
  expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  const mails = await t.db.select().from(outbox);
  const ann = mails.filter((m) => m.to === 'ann-race@example.org');
  expect(ann).toHaveLength(1);
  expect(ann[0]!.subject).toMatch(/^Minutes approved: Comité/);
  expect(ann[0]!.text).toContain('Decision: Seis temas');
  expect(mails.filter((m) => m.to === 'ana-race@example.org')[0]!.locale).toBe('es');
  expect(
    (await t.db.select().from(outbox).where(eq(outbox.to, 'ana-race@example.org'))).length,
  ).toBe(1);
});
