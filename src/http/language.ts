import type { MiddlewareHandler } from 'hono';
import { fromAcceptLanguage, isLang, translator, type Lang } from '../i18n/index';
import { readCookie, writeCookie } from './cookies';
import type { AppEnv } from './types';

const YEAR = 60 * 60 * 24 * 365;

/** Language from `?lang=`, then the cookie, then Accept-Language; Spanish by default. */
export const language = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const asked = c.req.query('lang');
  let lang: Lang;
  if (isLang(asked)) {
    lang = asked;
    writeCookie(c, 'lang', lang, { maxAge: YEAR });
  } else {
    const stored = readCookie(c, 'lang');
    lang = isLang(stored) ? stored : (fromAcceptLanguage(c.req.header('accept-language')) ?? 'es');
  }
  c.set('lang', lang);
  c.set('t', translator(lang));
  c.header('Content-Language', lang);
  c.header('Vary', 'Accept-Language, Cookie', { append: true });
  await next();
};
