import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildInitiative,
  buildMember,
  buildUser,
  signedInAgent,
} from '../../../../tests/support/factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { AuditAction } from '../../audit/actions';
import { auditLog } from '../../audit/schema';
import { listMembers } from '../queries';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const entries = (action: AuditAction) =>
  t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.at));

describe('team and token changes are recorded with their audit entries', () => {
  it('creates an initiative once; a taken slug is refused and records nothing', async () => {
    const admin = await buildUser(t.db, { isAdmin: true });
    const agent = await signedInAgent(t, admin);
    const form = { slug: 'foro-audit', name: 'Foro de prueba' };
    expect((await agent.post('/admin/initiatives', form)).status).toBe(303);
    const [entry] = await entries('initiative.created');
    expect(entry).toMatchObject({ actorUserId: admin.id, data: { slug: 'foro-audit' } });
    expect((await agent.post('/admin/initiatives', form)).status).toBe(422);
    expect(await entries('initiative.created')).toHaveLength(1);
  });

  it('adds and removes a member; removing one that is gone records nothing', async () => {
    const initiative = await buildInitiative(t.db);
    const coordinator = await buildMember(t.db, { initiative, role: 'coordinator' });
    const agent = await signedInAgent(t, coordinator);
    const newcomer = await buildUser(t.db);
    const path = `/i/${initiative.slug}/members`;
    const added = await agent.post(path, { email: newcomer.email, role: 'organiser' });
    expect(added.status).toBe(303);
    expect((await entries('initiative.member_added'))[0]).toMatchObject({
      actorUserId: coordinator.id,
      targetId: initiative.id,
      data: { userId: newcomer.id, role: 'organiser' },
    });
    const membership = (await listMembers(t.db, initiative.id)).find(
      (m) => m.userId === newcomer.id,
    )!;
    expect((await agent.post(`${path}/${membership.id}/remove`)).status).toBe(303);
    expect((await entries('initiative.member_removed'))[0]).toMatchObject({
      targetId: initiative.id,
      data: { userId: newcomer.id, role: 'organiser' },
    });
    expect((await agent.post(`${path}/${membership.id}/remove`)).status).toBe(404);
    expect(await entries('initiative.member_removed')).toHaveLength(1);
  });

  it('creates and revokes a token; revoking it again records nothing', async () => {
    const user = await buildUser(t.db);
    const agent = await signedInAgent(t, user);
    const created = await agent.post('/account/tokens', {
      name: 'hoja',
      scopes: 'profile:read',
      days: '30',
    });
    expect(created.status).toBe(201);
    const [entry] = await entries('api_token.created');
    expect(entry).toMatchObject({ actorUserId: user.id, data: { scopes: ['profile:read'] } });
    const path = `/account/tokens/${entry!.targetId}/revoke`;
    expect((await agent.post(path)).status).toBe(303);
    expect((await entries('api_token.revoked'))[0]).toMatchObject({ targetId: entry!.targetId });
    await agent.post(path);
    expect(await entries('api_token.revoked')).toHaveLength(1);
  });
});
