import { describe, expect, it } from 'vitest';
import { catalogs, fromAcceptLanguage, translator } from './index';

describe('catalogues', () => {
  it('have the same keys in Spanish and English', () => {
    const es = Object.keys(catalogs.es).sort();
    const en = Object.keys(catalogs.en).sort();
    expect(en.filter((k) => !es.includes(k))).toEqual([]);
    expect(es.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const key of Object.keys(catalogs.es) as (keyof typeof catalogs.es)[]) {
      expect(catalogs.es[key].trim(), key).not.toBe('');
      expect(catalogs.en[key].trim(), key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(catalogs.en[key]), key).toEqual(names(catalogs.es[key]));
    }
  });
});

describe('translator', () => {
  it('fills placeholders', () => {
    expect(translator('es')('home.welcomeBack', { name: 'Ana' })).toBe('Hola, Ana.');
    expect(translator('en')('home.welcomeBack', { name: 'Ana' })).toBe('Hello, Ana.');
  });
});

describe('fromAcceptLanguage', () => {
  it('picks the supported language with the highest weight', () => {
    expect(fromAcceptLanguage('en-GB,en;q=0.9,es;q=0.8')).toBe('en');
    expect(fromAcceptLanguage('fr-FR,es;q=0.5,en;q=0.4')).toBe('es');
    expect(fromAcceptLanguage('fr,de')).toBeUndefined();
    expect(fromAcceptLanguage(undefined)).toBeUndefined();
  });
});
