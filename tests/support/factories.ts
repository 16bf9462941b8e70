/**
 * Small factories with overrides for building records in tests.
 *
 * @example
 * const user = await buildUser(t.db, { isAdmin: true });
 * const agent = await signedInAgent(t, user);
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/client';
import { createUser, type CreateUserOptions } from '../../src/core/accounts/create-user';
import type { User } from '../../src/core/accounts/schema';
import { createSession } from '../../src/core/accounts/sessions';
import { addMember, createInitiative } from '../../src/core/initiatives/queries';
import type { Initiative, MemberRole } from '../../src/core/initiatives/schema';
import { createAgent } from './agent';
import type { TestApp } from './test-app';

export const PASSWORD = 'correct horse battery staple';

export async function buildUser(db: Db, overrides: Partial<CreateUserOptions> = {}): Promise<User> {
  const id = randomUUID().slice(0, 8);
  return createUser(db, {
    email: `person-${id}@example.org`,
    name: `Person ${id}`,
    password: PASSWORD,
    verified: true,
    ...overrides,
  });
}

export async function buildInitiative(
  db: Db,
  overrides: Partial<{ slug: string; name: string }> = {},
): Promise<Initiative> {
  const id = randomUUID().slice(0, 8);
  return (await createInitiative(db, {
    slug: `initiative-${id}`,
    name: `Initiative ${id}`,
    ...overrides,
  }))!;
}

export async function buildMember(
  db: Db,
  o: { initiative: Initiative; role: MemberRole; user?: User; expiresAt?: Date | null },
): Promise<User> {
  const user = o.user ?? (await buildUser(db));
  await addMember(db, {
    initiativeId: o.initiative.id,
    userId: user.id,
    role: o.role,
    expiresAt: o.expiresAt ?? null,
  });
  return user;
}

/** An agent already signed in as `user` (session created directly, skipping the password hash). */
export async function signedInAgent(t: TestApp, user: User) {
  const agent = createAgent(t);
  const { token } = await createSession(t.db, { userId: user.id, ip: 'test', userAgent: 'test' });
  agent.jar.set('convoca_session', token);
  await agent.get('/');
  return agent;
}
