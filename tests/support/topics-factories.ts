/**
 * Factories for an edition's call for topics and its topics, through the same functions the
 * pages use.
 *
 * @example
 * await openTopicCall(t.db, { edition });
 * const topic = await buildTopic(t.db, { edition, title: 'Neutralidad de la red' });
 * const track = await buildTopic(t.db, { edition, status: 'selected', trackName: 'Eje 1' });
 */
import type { Db } from '../../src/db/client';
import type { Edition } from '../../src/features/programme/schema';
import { proposeTopic, type ProposalInput } from '../../src/features/topics/propose-topic';
import { saveTopicCall } from '../../src/features/topics/save-topic-call';
import type { TopicOrigin } from '../../src/features/topics/schema';
import { selectTopic } from '../../src/features/topics/select-topic';
import { shortlistTopic } from '../../src/features/topics/shortlist-topic';
import { TRACK_NAME_MAX } from '../../src/features/topics/topic-input';

const HOUR = 3_600_000;

/** Opens the edition's call for topics from an hour ago to an hour from now. */
export function openTopicCall(db: Db, o: { edition: Pick<Edition, 'id'> }) {
  return saveTopicCall(db, {
    editionId: o.edition.id,
    input: {
      opensAt: new Date(Date.now() - HOUR),
      closesAt: new Date(Date.now() + HOUR),
      noteEs: null,
      noteEn: null,
    },
  });
}

/** A proposal a member of the public would send (any field may be overridden). */
export const topicProposal = (o: Partial<ProposalInput> = {}): ProposalInput => ({
  title: 'Neutralidad de la red',
  reason: 'Los proveedores priorizan tráfico sin reglas claras.',
  stakeholderGroup: 'civil_society',
  proposerName: 'Ana Pérez',
  namePublic: false,
  ...o,
});

/**
 * A topic of the edition, proposed (by the public unless `origin` says otherwise; a public
 * proposal needs an open call) and taken to `status`: shortlisted, or selected as the track
 * `trackName` (the title by default).
 */
export async function buildTopic(
  db: Db,
  o: {
    edition: Pick<Edition, 'id'>;
    origin?: TopicOrigin;
    status?: 'proposed' | 'shortlisted' | 'selected';
    trackName?: string;
  } & Partial<ProposalInput>,
) {
  const { edition, origin, status, trackName, ...input } = o;
  const topic = await proposeTopic(db, {
    editionId: edition.id,
    origin: origin ?? 'public',
    lang: 'es',
    input: topicProposal(input),
  });
  const ref = { editionId: edition.id, topicId: topic.id };
  if (status === 'shortlisted' || status === 'selected') await shortlistTopic(db, ref);
  if (status === 'selected')
    await selectTopic(db, { ...ref, trackName: trackName ?? topic.title.slice(0, TRACK_NAME_MAX) });
  return topic;
}
