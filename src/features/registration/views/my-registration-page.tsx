/**
 * A registrant's private page (`/r/{token}`): the event, their status and place on the waiting
 * list, the offer to claim, the ticket with its QR code, and, while the registration is active,
 * the form to change it and the link to cancel.
 *
 * @example
 * <MyRegistrationPage page={page} registration={r} event={event} edition={edition} token={token}
 *   questions={questions} sessions={sessions} ahead={0} qr={null} form={null} />
 */
import { raw } from 'hono/html';
import type { FieldErrors, FormValues } from '../../../http/form';
import { formatDateTime, formatDay } from '../../../lib/format';
import { Csrf, ErrorSummary } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { localTitle } from '../../../views/local-title';
import type { Page } from '../../../views/page';
import type { Registration, RegistrationQuestion } from '../schema';
import { RegistrationFields } from './registration-fields';

type FieldsProps = Parameters<typeof RegistrationFields>[0];

export function MyRegistrationPage(props: {
  page: Page;
  registration: Registration;
  event: {
    id: string;
    titleEs: string;
    titleEn: string | null;
    startsAt: Date;
    timeZone: string;
    timesKnown: boolean;
  };
  edition: { slug: string; name: string };
  token: string;
  questions: RegistrationQuestion[];
  sessions: FieldsProps['sessions'];
  /** How many people are ahead on the waiting list. */
  ahead: number;
  /** The ticket's QR code as SVG, when the registration is confirmed. */
  qr: string | null;
  /** The change form, while the registration is active (not cancelled, declined or expired). */
  form: {
    values: FormValues;
    errors?: FieldErrors;
    routes: FieldsProps['routes'];
    places: FieldsProps['places'];
  } | null;
}) {
  const {
    page,
    registration: r,
    event,
    edition,
    token,
    questions,
    sessions,
    ahead,
    qr,
    form,
  } = props;
  const { t, lang } = page;
  const when = event.timesKnown
    ? formatDateTime(event.startsAt, lang, event.timeZone)
    : formatDay(event.startsAt, lang, event.timeZone);
  return (
    <Layout page={page} title={t('registration.mine.title')}>
      <p>
        <a href={`/e/${edition.slug}`}>{edition.name}</a>
      </p>
      <h1>{localTitle(page, event)}</h1>
      <p>{when}</p>
      <p class="hint">{t('registration.mine.private')}</p>
      <h2>{t(`registration.status.${r.status}`)}</h2>
      <p>
        <strong>{r.name}</strong> · {r.email}
      </p>
      {r.status === 'waiting' && <p>{t('registration.mine.position', { position: ahead + 1 })}</p>}
      {r.status === 'offered' && (
        <form method="post" action={`/r/${token}/claim`} class="stack">
          <Csrf page={page} />
          {r.offerExpiresAt && (
            <p>
              {t('registration.mine.offerUntil', {
                date: formatDateTime(r.offerExpiresAt, lang, event.timeZone),
              })}
            </p>
          )}
          <button type="submit">{t('registration.mine.claim')}</button>
        </form>
      )}
      {qr && (
        <section class="ticket">
          <h2>{t('registration.mine.ticket')}</h2>
          {raw(qr)}
          <p>
            {t('registration.ticketCode')}: <strong class="code">{r.ticketCode}</strong>
          </p>
          <p class="hint">{t('registration.mine.print')}</p>
        </section>
      )}
      {form ? (
        <>
          <h2>{t('registration.mine.change')}</h2>
          <form method="post" action={`/r/${token}`} class="stack" novalidate>
            <Csrf page={page} />
            <ErrorSummary page={page} errors={form.errors} />
            <RegistrationFields
              page={page}
              questions={questions}
              sessions={sessions}
              values={form.values}
              errors={form.errors}
              withEmail={false}
              routes={form.routes}
              heldRouteId={r.transportRouteId}
              timeZone={event.timeZone}
              places={form.places}
            />
            <button type="submit">{t('common.save')}</button>
          </form>
          <p>
            <a href={`/r/${token}/cancel`}>{t('registration.mine.cancel')}</a>
          </p>
        </>
      ) : (
        <p>
          <a href={`/e/${edition.slug}/events/${event.id}/register`}>
            {t('registration.mine.again')}
          </a>
        </p>
      )}
    </Layout>
  );
}
