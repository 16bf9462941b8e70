/**
 * The cast of the permission tests: not signed in, an account with no role, an administrator,
 * each role of `initiative`, a volunteer of it whose membership expired yesterday, and the
 * coordinator of the `other` initiative — one agent each, signed in (but `anonymous`), and the
 * users behind them.
 *
 * @example
 * const { agents, users } = await roleAgents(t, { initiative: a, other: b });
 * const res = await agents.get('moderator')!.get(`/i/${a.slug}/committee`);
 * const coordinatorId = users.get('coordinator')!.id;
 */
import type { User } from '../../src/core/accounts/schema';
import type { Initiative, MemberRole } from '../../src/core/initiatives/schema';
import { createAgent, type Agent } from './agent';
import { buildMember, buildUser, signedInAgent } from './factories';
import type { TestApp } from './test-app';

export type BaseRole =
  'anonymous' | 'user' | 'admin' | MemberRole | 'expiredVolunteer' | 'otherCoordinator';

export const baseRoles: BaseRole[] = [
  'anonymous',
  'user',
  'admin',
  'coordinator',
  'organiser',
  'moderator',
  'volunteer',
  'finance',
  'expiredVolunteer',
  'otherCoordinator',
];

export async function roleAgents(t: TestApp, o: { initiative: Initiative; other: Initiative }) {
  const agents = new Map<BaseRole, Agent>([['anonymous', createAgent(t)]]);
  const users = new Map<BaseRole, User>();
  const add = async (role: BaseRole, user: User) => {
    users.set(role, user);
    agents.set(role, await signedInAgent(t, user));
  };
  await add('user', await buildUser(t.db));
  await add('admin', await buildUser(t.db, { isAdmin: true }));
  for (const role of ['coordinator', 'organiser', 'moderator', 'volunteer', 'finance'] as const)
    await add(role, await buildMember(t.db, { initiative: o.initiative, role }));
  await add(
    'expiredVolunteer',
    await buildMember(t.db, {
      initiative: o.initiative,
      role: 'volunteer',
      expiresAt: new Date(Date.now() - 86_400_000),
    }),
  );
  await add(
    'otherCoordinator',
    await buildMember(t.db, { initiative: o.other, role: 'coordinator' }),
  );
  return { agents, users };
}
