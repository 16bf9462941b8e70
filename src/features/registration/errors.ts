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
  /** A session marked anew has no place left. */
  'session_full',
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

/**
 * The form field a refusal belongs beside; `whole` for refusals about the whole form.
 *
 * @example
 * registrationErrorField('session_full'); // 'sessionIds'
 */
export function registrationErrorField(code: RegistrationErrorCode, whole = '_form'): string {
  if (code === 'already_registered') return 'email';
  if (code === 'session_full' || code === 'unknown_session') return 'sessionIds';
  return whole;
}
