/**
 * Why a check-in step was refused, as a code the pages and the API translate
 * (`checkin.error.{code}`).
 *
 * @example
 * throw new CheckinError('unknown_route');
 */
export const checkinErrorCodes = ['unknown_route', 'unknown_stop', 'unknown_checkin'] as const;
export type CheckinErrorCode = (typeof checkinErrorCodes)[number];

export class CheckinError extends Error {
  constructor(readonly code: CheckinErrorCode) {
    super(code);
    this.name = 'CheckinError';
  }
}
