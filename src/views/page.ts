import type { Context } from 'hono';
import type { User } from '../core/accounts/schema';
import type { Lang, Translate } from '../i18n/index';
import { takeFlash, type Flash } from '../http/flash';
import type { AppEnv } from '../http/types';

/** What every view needs from the request; views never query the database. */
export type Page = {
  t: Translate;
  lang: Lang;
  user: User | null;
  csrfToken: string;
  nonce: string | undefined;
  path: string;
  /** The current URL with `lang` switched, for the language link. */
  otherLangHref: string;
  flash: Flash | undefined;
};

export function pageOf(c: Context<AppEnv>): Page {
  const url = new URL(c.req.url);
  const other: Lang = c.var.lang === 'es' ? 'en' : 'es';
  url.searchParams.set('lang', other);
  return {
    t: c.var.t,
    lang: c.var.lang,
    user: c.var.user,
    csrfToken: c.var.csrfToken,
    nonce: c.var.secureHeadersNonce,
    path: c.req.path,
    // From the path alone, with one leading slash: `//evil.example/x` must stay on this site.
    otherLangHref: '/' + url.pathname.replace(/^[/\\]+/, '') + url.search,
    flash: c.req.method === 'GET' ? takeFlash(c) : undefined,
  };
}
