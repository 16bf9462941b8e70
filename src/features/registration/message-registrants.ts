/**
 * An organiser writes to a filtered group of an event's registrants (sample rows excluded), each
 * in their language when the organiser wrote both versions, with their private link below.
 *
 * @example
 * const { sent } = await messageRegistrants(deps, { eventId, filter: { status: 'confirmed' }, message });
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../http/types';
import { sendMail } from '../../core/mail/send-mail';
import { events } from '../programme/schema';
import { allRegistrations, type RegistrationFilter } from './list-registrations';
import { registrationToken } from './register-for-event';

export type RegistrantMessage = {
  subjectEs: string;
  bodyEs: string;
  subjectEn: string | null;
  bodyEn: string | null;
};

export async function messageRegistrants(
  deps: Pick<AppDeps, 'db' | 'mailer' | 'log' | 'env' | 'secret'>,
  o: { eventId: string; filter: Omit<RegistrationFilter, 'eventId'>; message: RegistrantMessage },
): Promise<{ sent: number }> {
  const [event] = await deps.db.select().from(events).where(eq(events.id, o.eventId));
  if (!event) return { sent: 0 };
  const rows = (await allRegistrations(deps.db, { eventId: o.eventId, ...o.filter })).filter(
    (r) => !r.sample,
  );
  const m = o.message;
  for (const r of rows) {
    const en = r.lang === 'en' && m.subjectEn && m.bodyEn;
    await sendMail(deps, {
      to: r.email,
      lang: en ? 'en' : 'es',
      template: {
        kind: 'message',
        name: r.name,
        event: en ? (event.titleEn ?? event.titleEs) : event.titleEs,
        subject: en ? m.subjectEn! : m.subjectEs,
        body: en ? m.bodyEn! : m.bodyEs,
        url: `${deps.env.publicUrl}/r/${registrationToken(deps.secret, r.id)}`,
      },
    });
  }
  return { sent: rows.length };
}
