/**
 * Why a registration step was refused, as a code the pages and the API translate.
 *
 * @example
 * throw new RegistrationError('registration_closed');
 */
export const registrationErrorCodes = [
  'registration_closed',
  'registration_not_open_yet',
  'already_registered',
  'unknown_session',
  'offer_expired',
  'not_offered',
  'not_pending',
] as const;
export type RegistrationErrorCode = (typeof registrationErrorCodes)[number];

export class RegistrationError extends Error {
  constructor(readonly code: RegistrationErrorCode) {
    super(code);
    this.name = 'RegistrationError';
  }
}
