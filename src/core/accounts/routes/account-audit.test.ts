import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../../../tests/support/agent';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { auditLog } from '../../audit/schema';
import { outbox } from '../../mail/schema';
import { findUserByEmail } from '../find-user';
import { sessions } from '../schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const EMAIL = 'lucia@example.org';
const FIRST = 'first password, long enough';
const SECOND = 'second password, long enough';
const THIRD = 'third password, long enough';

async function entries(action: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action as never))
    .orderBy(desc(auditLog.at));
}

/** The token of the link to `path` in the last message sent to `to` that has one. */
async function linkTo(to: string, path: string) {
  const mails = await t.db
    .select({ text: outbox.text })
    .from(outbox)
    .where(eq(outbox.to, to))
    .orderBy(desc(outbox.createdAt));
  const pattern = new RegExp(`${path}\\?token=([\\w-]+)`);
  const token = mails.map((m) => pattern.exec(m.text)?.[1]).find(Boolean);
  expect(token).toBeTruthy();
  return `${path}?token=${token}`;
}

describe('the account journey records each change with its actor', () => {
  it('signs up, verifies, signs in, changes the password, signs out, resets it', async () => {
    const agent = createAgent(t);
    expect(
      (await agent.post('/sign-up', { name: 'Lucía', email: EMAIL, password: FIRST })).status,
    ).toBe(200);
    const user = (await findUserByEmail(t.db, EMAIL))!;
    expect((await entries('account.created'))[0]).toMatchObject({ targetId: user.id });

    // Signing up again with the same address changes nothing and records nothing.
    await createAgent(t).post('/sign-up', { name: 'Other', email: EMAIL, password: SECOND });
    expect(await entries('account.created')).toHaveLength(1);

    expect((await agent.get(await linkTo(EMAIL, '/verify-email'))).status).toBe(303);
    expect((await entries('account.email_verified'))[0]).toMatchObject({ targetId: user.id });

    expect((await agent.post('/sign-in', { email: EMAIL, password: FIRST })).status).toBe(303);
    expect((await entries('auth.sign_in'))[0]).toMatchObject({
      actorUserId: user.id,
      targetId: user.id,
    });

    const changed = await agent.post('/account/password', {
      current: FIRST,
      password: SECOND,
      confirm: SECOND,
    });
    expect(changed.status).toBe(303);
    expect((await entries('account.password_changed'))[0]).toMatchObject({
      actorUserId: user.id,
      targetId: user.id,
    });

    expect((await agent.post('/sign-out')).status).toBe(303);
    expect((await entries('auth.sign_out'))[0]).toMatchObject({ actorUserId: user.id });

    expect((await agent.post('/forgot-password', { email: EMAIL })).status).toBe(200);
    expect((await entries('auth.password_reset_requested'))[0]).toMatchObject({
      targetId: user.id,
    });
    const reset = (await linkTo(EMAIL, '/reset-password')).split('token=')[1]!;
    const done = await agent.post('/reset-password', {
      token: reset,
      password: THIRD,
      confirm: THIRD,
    });
    expect(done.status).toBe(303);
    expect((await entries('auth.password_reset'))[0]).toMatchObject({ targetId: user.id });

    // The token is spent: a second use is refused and records nothing.
    const again = await agent.post('/reset-password', {
      token: reset,
      password: FIRST,
      confirm: FIRST,
    });
    expect(again.status).toBe(400);
    expect(await entries('auth.password_reset')).toHaveLength(1);

    expect((await agent.post('/sign-in', { email: EMAIL, password: THIRD })).status).toBe(303);
    const other = createAgent(t);
    expect((await other.post('/sign-in', { email: EMAIL, password: THIRD })).status).toBe(303);
    const [newest] = await t.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, user.id))
      .orderBy(desc(sessions.createdAt))
      .limit(1);
    expect((await agent.post(`/account/sessions/${newest!.id}/revoke`)).status).toBe(303);
    expect((await entries('account.session_revoked'))[0]).toMatchObject({
      actorUserId: user.id,
      targetId: newest!.id,
    });
    // A session that is not there (any more) records nothing.
    await agent.post(`/account/sessions/${newest!.id}/revoke`);
    expect(await entries('account.session_revoked')).toHaveLength(1);

    await createAgent(t).post('/sign-in', { email: EMAIL, password: THIRD });
    expect((await agent.post('/account/sessions/revoke-others')).status).toBe(303);
    expect((await entries('account.sessions_revoked'))[0]).toMatchObject({
      actorUserId: user.id,
      data: { count: 1 },
    });
  });
});
