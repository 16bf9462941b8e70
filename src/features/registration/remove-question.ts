/**
 * Removes a question from an event's registration form (nothing happens when the question
 * belongs to another event).
 *
 * @example
 * await removeQuestion({ db, eventId: event.id, questionId });
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registrationQuestions } from './schema';

export async function removeQuestion(o: {
  db: Db;
  eventId: string;
  questionId: string;
}): Promise<void> {
  await o.db
    .delete(registrationQuestions)
    .where(
      and(eq(registrationQuestions.id, o.questionId), eq(registrationQuestions.eventId, o.eventId)),
    );
}
