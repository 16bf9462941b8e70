/**
 * Factories for the network of actors.
 *
 * @example
 * const inst = await buildInstitution(t.db, { name: 'Telefónica', stakeholderGroup: 'private_sector' });
 * const person = await buildPerson(t.db, { initiative, name: 'Sofía Benítez', email: 'sofia@example.org' });
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/client';
import type { Initiative } from '../../src/core/initiatives/schema';
import { createInstitution } from '../../src/features/network/institutions';
import { createPerson } from '../../src/features/network/people';
import type { InstitutionInput, PersonInput } from '../../src/features/network/validation';

export function buildInstitution(db: Db, overrides: Partial<InstitutionInput> = {}) {
  return createInstitution(db, {
    name: `Institution ${randomUUID().slice(0, 8)}`,
    stakeholderGroup: 'civil_society',
    publicListing: false,
    country: 'GT',
    ...overrides,
  });
}

export function buildPerson(db: Db, o: { initiative: Initiative } & Partial<PersonInput>) {
  const { initiative, ...overrides } = o;
  return createPerson(db, {
    initiativeId: initiative.id,
    year: 2018,
    label: initiative.name,
    input: {
      name: `Person ${randomUUID().slice(0, 8)}`,
      languages: [],
      genderSelfDescribed: undefined,
      ...overrides,
    },
  });
}
