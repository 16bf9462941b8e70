import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative } from '../../../tests/support/factories';
import { buildEdition, buildEvent } from '../../../tests/support/programme-factories';
import { registrationInput } from '../../../tests/support/registration-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { outbox } from '../../core/mail/schema';
import { registerForEvent } from './register-for-event';
import { saveRegistrationSettings } from './save-settings';
import { sendReminders } from './send-reminders';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('reminders before the event', () => {
  it('reach each confirmed registrant once, even when two timers run at the same time', async () => {
    const edition = await buildEdition(t.db, { initiative: await buildInitiative(t.db) });
    const event = await buildEvent(t.db, { edition, day: '2030-05-10' });
    await saveRegistrationSettings({
      db: t.db,
      eventId: event.id,
      input: {
        capacity: 2,
        requiresApproval: false,
        offerHours: 48,
        opensAt: null,
        closesAt: null,
      },
    });
    for (const n of [1, 2, 3])
      await registerForEvent({
        db: t.db,
        secret: t.deps.secret,
        eventId: event.id,
        now: new Date('2030-04-01T00:00:00Z'),
        input: registrationInput({ name: `Recordar ${n}`, email: `remind-${n}@example.org` }),
      });
    const tooEarly = await sendReminders(t.deps, new Date('2030-05-01T00:00:00Z'));
    expect(tooEarly.sent).toBe(0);
    const dayBefore = new Date('2030-05-09T12:00:00Z');
    const [a, b] = await Promise.all([
      sendReminders(t.deps, dayBefore),
      sendReminders(t.deps, dayBefore),
    ]);
    expect(a!.sent + b!.sent).toBe(2);
    expect((await sendReminders(t.deps, dayBefore)).sent).toBe(0);
    const mails = await t.db.select().from(outbox).where(like(outbox.subject, 'Recordatorio:%'));
    expect(mails.map((m) => m.to).sort()).toEqual(['remind-1@example.org', 'remind-2@example.org']);
    expect(mails[0]!.attachments.map((x) => x.filename).sort()).toEqual([
      'event.ics',
      'ticket.png',
    ]);
  });
});
