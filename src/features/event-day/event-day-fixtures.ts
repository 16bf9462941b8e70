/**
 * Test and demo helpers for the event day: a registration row written directly (status, ticket
 * code, optional person), for badge and attendance tests.
 *
 * @example
 * const r = await insertRegistration(db, { eventId, name: 'Sofía Benítez', institution: 'ISOC' });
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { StakeholderGroup } from '../network/schema';
import { registrations, type RegistrationStatus } from '../registration/schema';

export async function insertRegistration(
  db: Db,
  o: {
    eventId: string;
    name: string;
    institution?: string | null;
    stakeholderGroup?: StakeholderGroup | null;
    status?: RegistrationStatus;
    personId?: string | null;
    email?: string;
  },
) {
  const id = randomUUID();
  const [row] = await db
    .insert(registrations)
    .values({
      eventId: o.eventId,
      name: o.name,
      email: o.email ?? `${id.slice(0, 8)}@example.org`,
      institution: o.institution ?? null,
      stakeholderGroup: o.stakeholderGroup ?? null,
      status: o.status ?? 'confirmed',
      personId: o.personId ?? null,
      tokenHash: id,
      ticketCode: id.replace(/-/g, '').slice(0, 10).toUpperCase(),
    })
    .returning();
  return row!;
}
