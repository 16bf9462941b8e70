import type { MessageKey } from '../../i18n/index';

/**
 * Input that passed the form's shape checks but breaks an event-day rule (no account for that
 * e-mail, a shift outside the event, a session of another event…). Each field names a catalogue
 * key, so the form shows the message beside the field in the reader's language.
 *
 * @example
 * throw new EventDayInputError({ email: { key: 'eventDay.access.noAccount' } });
 */
export class EventDayInputError extends Error {
  constructor(
    readonly fields: Record<string, { key: MessageKey; params?: Record<string, string | number> }>,
  ) {
    super('event_day_input');
  }
}
