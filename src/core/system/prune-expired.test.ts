import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../tests/support/factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { issueEmailToken } from '../accounts/email-tokens';
import { emailTokens, sessions } from '../accounts/schema';
import { createSession } from '../accounts/sessions';
import { hitRateLimit } from '../../http/rate-limit/hit-rate-limit';
import { rateLimitHits } from '../../http/rate-limit/schema';
import { pruneExpired } from './prune-expired';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('pruneExpired', () => {
  it('removes expired sessions, links and old windows and keeps live ones', async () => {
    const user = await buildUser(t.db);
    const live = await createSession(t.db, { userId: user.id, ip: 'x', userAgent: 'x' });
    const dead = await createSession(t.db, { userId: user.id, ip: 'x', userAgent: 'x' });
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, dead.session.id));
    await issueEmailToken(t.db, { userId: user.id, purpose: 'verify_email', ttlMinutes: -1 });
    await issueEmailToken(t.db, { userId: user.id, purpose: 'reset_password', ttlMinutes: 60 });
    await hitRateLimit(t.db, {
      key: 'old',
      limit: 1,
      windowSeconds: 60,
      now: new Date(Date.now() - 3 * 86_400_000),
    });
    await hitRateLimit(t.db, { key: 'new', limit: 1, windowSeconds: 60 });

    const removed = await pruneExpired(t.db);

    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    const left = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(left.map((s) => s.id)).toEqual([live.session.id]);
    const tokens = await t.db.select().from(emailTokens).where(eq(emailTokens.userId, user.id));
    expect(tokens.map((x) => x.purpose)).toEqual(['reset_password']);
    const windows = await t.db.select().from(rateLimitHits);
    expect(windows.map((w) => w.key)).toContain('new');
    expect(windows.map((w) => w.key)).not.toContain('old');
  });
});
