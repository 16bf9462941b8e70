/**
 * The secret of an invitation's private link (`/i-rsvp/{token}`), derived from the installation's
 * secret and the invitation id so every e-mail (invitation, reminder, thanks) carries the same
 * link; only its SHA-256 is stored (decision 0010).
 *
 * @example
 * const token = invitationToken(deps.secret, invitation.id);
 * const url = `${deps.env.publicUrl}${invitationPath(token)}`;
 */
import { hmac } from '../../../lib/crypto';

export function invitationToken(secret: string, invitationId: string): string {
  return hmac(secret, `invitation-link:${invitationId}`);
}

/** The invitee's private page. Not under `/i/` (initiatives' pages) nor `/r/` (registrations). */
export function invitationPath(token: string): string {
  return `/i-rsvp/${token}`;
}
