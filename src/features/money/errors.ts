import type { MessageKey } from '../../i18n/index';

/**
 * Input that passed the form's shape checks but breaks a money rule (restricted funds, a pledge
 * already received, another currency…). Each field names a catalogue key and its parameters, so
 * the form shows the message beside the field in the reader's language.
 *
 * @example
 * throw new MoneyInputError({ contributionId: { key: 'money.expense.notReceived' } });
 */
export class MoneyInputError extends Error {
  constructor(
    readonly fields: Record<string, { key: MessageKey; params?: Record<string, string | number> }>,
  ) {
    super('money_input');
  }
}
