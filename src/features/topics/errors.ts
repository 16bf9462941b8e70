import type { MessageKey } from '../../i18n/index';

/**
 * Input that passed the form's shape checks but breaks a topic rule (the call is closed, a topic
 * not shortlisted cannot be selected, a track name already used…). Each field names a catalogue
 * key, so the form shows the message beside the field in the reader's language.
 *
 * @example
 * throw new TopicInputError({ trackName: 'topics.select.trackTaken' });
 */
export class TopicInputError extends Error {
  constructor(readonly fields: Record<string, MessageKey>) {
    super('topic_input');
  }
}
