/**
 * An invitee accepts or declines through their private link, without an account; they may change
 * their answer later. A new answer is recorded with its time and thanked by e-mail (in the
 * invitation's language); giving the same answer again changes nothing and sends nothing.
 *
 * @example
 * const { invitation, changed } = await answerInvitation(deps, { token, answer: 'declined' });
 * invitation.status; // 'declined'
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../../http/types';
import { invitations, type Invitation } from '../schema';
import { InputError } from '../../../http/input-error';
import { findInvitationByToken } from './find-invitation';
import { answers, type Answer } from './invitation-input';
import { sendInvitationMail } from './send-invitation-mail';

type Deps = Pick<AppDeps, 'db' | 'mailer' | 'log' | 'env' | 'secret'>;

const input = z.object({ token: z.string().min(1).max(100), answer: z.enum(answers) });

export async function answerInvitation(
  deps: Deps,
  o: { token: string; answer: Answer; now?: Date },
): Promise<{ invitation: Invitation; changed: boolean }> {
  const { token, answer } = input.parse(o);
  const found = await findInvitationByToken(deps.db, token);
  if (!found) throw new InputError({ _form: 'invitation.error.not_found' });
  if (found.invitation.status === answer) return { invitation: found.invitation, changed: false };
  const [invitation] = await deps.db
    .update(invitations)
    .set({ status: answer, respondedAt: o.now ?? new Date() })
    .where(eq(invitations.id, found.invitation.id))
    .returning();
  await sendInvitationMail(deps, { invitationId: invitation!.id, state: answer });
  return { invitation: invitation!, changed: true };
}
