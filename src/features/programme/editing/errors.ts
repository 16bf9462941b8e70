import type { MessageKey } from '../../../i18n/index';

/**
 * Input that passed the form's shape checks but not the database's: an unknown room or person, a
 * session outside its event. `fields` names each field with a catalogue key, so forms show the
 * message beside the field and the API answers 422 in the caller's language.
 *
 * @example
 * throw new ProgrammeInputError({ roomId: 'programme.form.unknownRoom' });
 */
export class ProgrammeInputError extends Error {
  constructor(readonly fields: Record<string, MessageKey>) {
    super('programme_input');
  }
}
