/**
 * What someone types on an event's registration form, for tests: a name and an e-mail of their
 * own (so each call is a new registrant), nothing optional filled in, no consent given, no
 * answers, no sessions and no bus. Overrides replace any field.
 *
 * @example
 * await registerForEvent({ db, secret, eventId, input: registrationInput({ name: 'Ana' }) });
 * registrationInput({ email: 'rider-1@example.org', transportRouteId: busId });
 */
import { randomUUID } from 'node:crypto';
import type { RegistrationInput } from '../../src/features/registration/registration-input';

export function registrationInput(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  const id = randomUUID().slice(0, 8);
  return {
    name: `Registrant ${id}`,
    email: `registrant-${id}@example.org`,
    institution: null,
    stakeholderGroup: null,
    country: null,
    gender: null,
    accessibilityNeeds: null,
    consentPhotos: false,
    consentStreaming: false,
    consentContact: false,
    lang: 'es',
    answers: {},
    sessionIds: [],
    ...overrides,
  };
}
