import type { MessageKey } from '../../i18n/index';

/**
 * Input that passed the form's shape checks but breaks a committee rule (a person already in the
 * network, an owner from another initiative, too many meetings…). Each field names a catalogue
 * key, so the form shows the message beside the field in the reader's language.
 *
 * @example
 * throw new CommitteeInputError({ email: { key: 'committee.member.emailInUse' } });
 */
export class CommitteeInputError extends Error {
  constructor(
    readonly fields: Record<string, { key: MessageKey; params?: Record<string, string | number> }>,
  ) {
    super('committee_input');
  }
}
