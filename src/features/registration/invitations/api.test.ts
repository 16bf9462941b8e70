import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall } from '../../../../tests/support/api-call';
import { buildInitiative, buildMember } from '../../../../tests/support/factories';
import { buildEdition, buildEvent } from '../../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { User } from '../../../core/accounts/schema';
import type { TokenScope } from '../../../core/api-tokens/schema';

let t: TestApp;
let organiser: User;
let volunteer: User;
let path: string;
beforeAll(async () => {
  t = await createTestApp();
  const a = await buildInitiative(t.db);
  organiser = await buildMember(t.db, { initiative: a, role: 'organiser' });
  volunteer = await buildMember(t.db, { initiative: a, role: 'volunteer' });
  const edition = await buildEdition(t.db, { initiative: a });
  const event = await buildEvent(t.db, { edition, visibility: 'invitation' });
  path = `/api/v1/initiatives/${a.slug}/editions/${edition.slug}/events/${event.id}/invitations`;
});
afterAll(() => t.close());

const rw: TokenScope[] = ['registration:read', 'registration:write'];

describe('the invitations API', () => {
  it('invites by name and e-mail, lists the answers, reminds only once a day', async () => {
    const res = await apiCall(t, organiser, rw, path, 'POST', {
      invitees: [
        { name: 'Prensa Libre', email: 'redaccion@example.org', representing: 'Prensa Libre' },
      ],
      lang: 'es',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { invited: { status: string }[] };
    expect(body.invited.map((i) => i.status)).toEqual(['pending']);
    const again = (await (
      await apiCall(t, organiser, rw, path, 'POST', {
        invitees: [{ name: 'Prensa Libre', email: 'REDACCION@example.org' }],
      })
    ).json()) as { skipped: { reason: string }[] };
    expect(again.skipped.map((s) => s.reason)).toEqual(['already_invited']);
    const list = (await (await apiCall(t, organiser, rw, path)).json()) as {
      counts: { pending: number };
      items: { email: string }[];
    };
    expect(list.counts.pending).toBe(1);
    expect(list.items[0]!.email).toBe('redaccion@example.org');
    const first = (await (await apiCall(t, organiser, rw, `${path}/remind`, 'POST')).json()) as {
      sent: number;
    };
    expect(first.sent).toBe(1);
    const second = (await (await apiCall(t, organiser, rw, `${path}/remind`, 'POST')).json()) as {
      sent: number;
    };
    expect(second.sent).toBe(0);
  });

  it('needs the scope and a role that manages registrations', async () => {
    expect(
      (await apiCall(t, organiser, ['registration:read'], `${path}/remind`, 'POST')).status,
    ).toBe(403);
    expect((await apiCall(t, volunteer, rw, path)).status).toBe(403);
    const bad = await apiCall(t, organiser, rw, path, 'POST', {
      invitees: [{ name: 'X', email: 'nope' }],
    });
    expect(bad.status).toBe(422);
  });
});
