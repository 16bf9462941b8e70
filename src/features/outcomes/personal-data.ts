/**
 * The outcomes feature's part of a person's data: the conclusions and recommendations they
 * entered or published. The texts are the committee's published record of the forum, so erasure
 * keeps them and removes only the link to the person.
 *
 * @example
 * const part = await outcomesPersonalData.collect(db, subject);
 * await outcomesPersonalData.erase(tx, subject);
 */
import { eq, or } from 'drizzle-orm';
import type { PersonalDataPart } from '../../core/module';
import { editions } from '../programme/schema';
import { outcomes } from './schema';

export const outcomesPersonalData: PersonalDataPart = {
  label: 'outcomes.privacyPart',
  tables: ['outcomes'],
  collect: async (db, subject) => ({
    outcomes: await db
      .select({
        edition: editions.name,
        kind: outcomes.kind,
        topic: outcomes.topic,
        textEs: outcomes.textEs,
        textEn: outcomes.textEn,
        status: outcomes.status,
        enteredAt: outcomes.createdAt,
        publishedAt: outcomes.publishedAt,
      })
      .from(outcomes)
      .innerJoin(editions, eq(editions.id, outcomes.editionId))
      .where(or(eq(outcomes.createdBy, subject.user.id), eq(outcomes.publishedBy, subject.user.id)))
      .orderBy(outcomes.createdAt),
  }),
  erase: async (tx, subject) => {
    await tx
      .update(outcomes)
      .set({ createdBy: null })
      .where(eq(outcomes.createdBy, subject.user.id));
    await tx
      .update(outcomes)
      .set({ publishedBy: null })
      .where(eq(outcomes.publishedBy, subject.user.id));
  },
};
