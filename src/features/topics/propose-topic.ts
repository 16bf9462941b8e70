/**
 * Records a topic proposed by anyone while the edition's call is open (`origin: 'public'`), or
 * entered by a committee member at any time (`origin: 'committee'`). No e-mail or address is
 * kept; the name only if given, and public only when `namePublic`.
 *
 * @example
 * await proposeTopic(db, { editionId, origin: 'public', lang: 'es', input: { title: 'Neutralidad de la red', reason: '…', stakeholderGroup: 'civil_society', proposerName: null, namePublic: false } });
 */
import { InputError } from '../../http/input-error';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { StakeholderGroup } from '../network/schema';
import { callState } from './call-state';
import { topicCalls, topics, type TopicOrigin } from './schema';

export type ProposalInput = {
  title: string;
  reason: string | null;
  stakeholderGroup: StakeholderGroup | null;
  proposerName: string | null;
  namePublic: boolean;
};

export async function proposeTopic(
  db: Db,
  o: {
    editionId: string;
    origin: TopicOrigin;
    lang: string;
    input: ProposalInput;
    userId?: string | null;
    now?: Date;
  },
) {
  if (o.origin === 'public') {
    const [call] = await db.select().from(topicCalls).where(eq(topicCalls.editionId, o.editionId));
    if (!callState(call, o.now).open) throw new InputError({ _form: 'topics.call.notOpen' });
    if (!o.input.stakeholderGroup || !o.input.reason)
      throw new InputError({ stakeholderGroup: 'form.required' });
  }
  const [row] = await db
    .insert(topics)
    .values({
      editionId: o.editionId,
      origin: o.origin,
      title: o.input.title,
      reason: o.input.reason,
      stakeholderGroup: o.input.stakeholderGroup,
      lang: o.lang,
      proposerName: o.input.proposerName,
      namePublic: Boolean(o.input.proposerName) && o.input.namePublic,
      createdBy: o.userId ?? null,
    })
    .returning();
  return row!;
}
