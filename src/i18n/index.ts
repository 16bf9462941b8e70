/**
 * Typed translations. Spanish is the reference catalogue and the default language.
 *
 * @example
 * const t = translator('en');
 * t('home.welcomeBack', { name: 'Ana' }); // "Hello, Ana."
 */
import { moneyEn, moneyEs } from '../features/money/messages';
import { committeeEn, committeeEs } from '../features/committee/messages';
import { checkinEn, checkinEs } from '../features/checkin/messages';
import { topicsEn, topicsEs } from '../features/topics/messages';
import { eventDayEn, eventDayEs } from '../features/event-day/messages';
import { networkEn, networkEs } from '../features/network/messages';
import { programmeEn, programmeEs } from '../features/programme/messages';
import { registrationEn, registrationEs } from '../features/registration/messages';
import { invitationEn, invitationEs } from '../features/registration/invitations/messages';
import { transportEn, transportEs } from '../features/registration/transport/messages';
import { en as coreEn } from './en';
import { es as coreEs } from './es';

/** Every catalogue: the core one plus each feature's own messages. */
const es = {
  ...coreEs,
  ...networkEs,
  ...programmeEs,
  ...registrationEs,
  ...transportEs,
  ...invitationEs,
  ...moneyEs,
  ...committeeEs,
  ...checkinEs,
  ...topicsEs,
  ...eventDayEs,
};
const en: Record<keyof typeof es, string> = {
  ...coreEn,
  ...networkEn,
  ...programmeEn,
  ...registrationEn,
  ...transportEn,
  ...invitationEn,
  ...moneyEn,
  ...committeeEn,
  ...checkinEn,
  ...topicsEn,
  ...eventDayEn,
};

export const langs = ['es', 'en'] as const;
export type Lang = (typeof langs)[number];
export type MessageKey = keyof typeof es;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const catalogs: Record<Lang, Record<MessageKey, string>> = { es, en };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (langs as readonly string[]).includes(value);
}

export function translator(lang: Lang): Translate {
  const catalog = catalogs[lang];
  return (key, params) => {
    const text = catalog[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

/**
 * Picks the best supported language from an Accept-Language header, or undefined.
 *
 * @example
 * fromAcceptLanguage('en-GB,en;q=0.9,es;q=0.8'); // 'en'
 */
export function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { base: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.find((x) => isLang(x.base))?.base as Lang | undefined;
}
