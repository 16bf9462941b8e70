/**
 * Adds a question to an event's registration form, after the questions it already has.
 *
 * @example
 * await addQuestion({
 *   db,
 *   eventId: event.id,
 *   question: { kind: 'text', labelEs: '¿Alergias?', labelEn: 'Allergies?', options: [], required: false },
 * });
 */
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registrationQuestions, type RegistrationQuestion } from './schema';

export type QuestionInput = Pick<
  RegistrationQuestion,
  'kind' | 'labelEs' | 'labelEn' | 'options' | 'required'
>;

export async function addQuestion(o: {
  db: Db;
  eventId: string;
  question: QuestionInput;
}): Promise<void> {
  const [last] = await o.db
    .select({ n: count() })
    .from(registrationQuestions)
    .where(eq(registrationQuestions.eventId, o.eventId));
  await o.db
    .insert(registrationQuestions)
    .values({ ...o.question, eventId: o.eventId, position: last?.n ?? 0 });
}
