/**
 * Why an invitation step was refused, as a code the pages translate
 * (`invitation.error.<code>`).
 *
 * @example
 * throw new InvitationError('event_not_started');
 */
export const invitationErrorCodes = [
  /** The link does not lead to an invitation. */
  'not_found',
  /** Attendance is recorded once the event has begun. */
  'event_not_started',
  /** The event is not in this initiative (or does not exist). */
  'unknown_event',
] as const;
export type InvitationErrorCode = (typeof invitationErrorCodes)[number];

export class InvitationError extends Error {
  constructor(readonly code: InvitationErrorCode) {
    super(code);
    this.name = 'InvitationError';
  }
}
