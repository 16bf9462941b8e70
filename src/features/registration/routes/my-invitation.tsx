import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { readCookie } from '../../../http/cookies';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm } from '../../../http/form';
import { InputError } from '../../../http/input-error';
import { rateLimit } from '../../../http/rate-limit/rate-limit';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { isLang, translator, type Lang } from '../../../i18n/index';
import { formatDateTime, formatDay } from '../../../lib/format';
import { Csrf } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { localTitle } from '../../../views/local-title';
import { answerInvitation } from '../invitations/answer-invitation';
import { findInvitationByToken } from '../invitations/find-invitation';
import { answerForm } from '../invitations/invitation-input';
import { invitationPath } from '../invitations/invitation-token';

const limit = () => rateLimit({ name: 'invitation-link', limit: 30, windowSeconds: 600 });

/**
 * Loads the invitation of the link and speaks the invitee's language: the one they chose here
 * (`?lang=` or the language cookie), else the invitation's own.
 */
async function load(c: Context<AppEnv>) {
  const found = await findInvitationByToken(c.var.deps.db, c.req.param('token') ?? '');
  if (!found) throw new AppError('not_found');
  const asked = c.req.query('lang') ?? readCookie(c, 'lang');
  const lang: Lang = isLang(asked) ? asked : found.invitation.lang === 'en' ? 'en' : 'es';
  c.set('lang', lang);
  c.set('t', translator(lang));
  c.header('Content-Language', lang);
  c.header('Cache-Control', 'private, no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return found;
}

/** `/i-rsvp/{token}`: an invitee's private page — the event, their answer, accept or decline. */
export const myInvitationRoutes = new Hono<AppEnv>()
  .get('/i-rsvp/:token', access.anyone(), async (c) => {
    const { invitation: inv, event, venue } = await load(c);
    const page = pageOf(c);
    const { t, lang } = page;
    const token = c.req.param('token');
    const when = event.timesKnown
      ? formatDateTime(event.startsAt, lang, event.timeZone)
      : formatDay(event.startsAt, lang, event.timeZone);
    return render(
      c,
      <Layout page={page} title={t('invitation.mine.title')}>
        <h1>{localTitle(page, event)}</h1>
        <p>{t('invitation.mine.for', { name: inv.name })}</p>
        <dl>
          <dt>{t('registration.mail.when')}</dt>
          <dd>{when}</dd>
          {venue && (
            <>
              <dt>{t('registration.mail.where')}</dt>
              <dd>{[venue.name, venue.address].filter(Boolean).join(', ')}</dd>
            </>
          )}
          {inv.representing && (
            <>
              <dt>{t('invitation.representing')}</dt>
              <dd>{inv.representing}</dd>
            </>
          )}
        </dl>
        <h2>{t('invitation.mine.question')}</h2>
        <p role="status">
          <strong>{t(`invitation.mine.${inv.status}`)}</strong>
          {inv.status !== 'pending' && <> {t('invitation.mine.change')}</>}
        </p>
        <form method="post" action={invitationPath(token)} class="stack">
          <Csrf page={page} />
          <button type="submit" name="answer" value="accepted">
            {t('invitation.mine.accept')}
          </button>
          <button type="submit" name="answer" value="declined" class="secondary">
            {t('invitation.mine.decline')}
          </button>
        </form>
        <p class="hint">{t('invitation.mine.private')}</p>
      </Layout>,
    );
  })
  .post('/i-rsvp/:token', access.anyone(), limit(), async (c) => {
    await load(c);
    const token = c.req.param('token');
    const form = await readForm(c, answerForm);
    if (!form.ok) throw new AppError('invalid');
    try {
      const { invitation } = await answerInvitation(c.var.deps, {
        token,
        answer: form.data.answer,
      });
      setFlash(
        c,
        invitation.status === 'accepted'
          ? 'invitation.mine.thanksAccepted'
          : 'invitation.mine.thanksDeclined',
      );
    } catch (error) {
      if (error instanceof InputError && error.fields._form?.key === 'invitation.error.not_found')
        throw new AppError('not_found');
      throw error;
    }
    return c.redirect(invitationPath(token), 303);
  });
