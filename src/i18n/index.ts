/**
 * Typed translations. Spanish is the reference catalogue and the default language.
 *
 * @example
 * const t = translator('en');
 * t('home.welcomeBack', { name: 'Ana' }); // "Hello, Ana."
 */
import { en as coreEn } from './en';
import { es as coreEs } from './es';

/**
 * The keys each feature adds. A feature's `messages.ts` augments this interface with its own
 * keys (`declare module`), and its module hands the texts to `registerMessages`, so this core
 * file never imports a feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeatureMessages {}

export type MessageKey = keyof typeof coreEs | keyof FeatureMessages;

const es: Record<string, string> = { ...coreEs };
const en: Record<string, string> = { ...coreEn };

/**
 * Adds features' catalogues (the module list does it once, at start).
 *
 * @example
 * registerMessages([{ es: moneyEs, en: moneyEn }]);
 */
export function registerMessages(
  list: readonly { es: Record<string, string>; en: Record<string, string> }[],
) {
  for (const m of list) {
    Object.assign(es, m.es);
    Object.assign(en, m.en);
  }
}

export const langs = ['es', 'en'] as const;
export type Lang = (typeof langs)[number];
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Every catalogue: the core one plus each registered feature's own messages. */
export const catalogs = { es, en } as Record<Lang, Record<MessageKey, string>>;

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
