/**
 * Turns spreadsheet text into network values: column names into fields, country names into
 * ISO codes, gender and sector words (Spanish or English) into Convoca's categories.
 *
 * @example
 * guessMapping(['Nombre', 'Correo electrónico', 'País']); // { name: 0, email: 1, country: 2 }
 * countryCode('Guatemala'); // 'GT'
 * genderOf('Mujer'); // { choice: 'woman' }
 */
import { searchKey } from '../../../lib/search-key';
import {
  genderChoices,
  stakeholderGroups,
  type GenderChoice,
  type StakeholderGroup,
} from '../schema';
import { catalogs } from '../../../i18n/index';
import type { ImportTarget } from './schema';

const synonyms: Record<ImportTarget, string[]> = {
  name: ['name', 'nombre', 'nombre completo', 'full name', 'nombres', 'persona'],
  email: ['email', 'e-mail', 'correo', 'correo electronico', 'mail', 'email address'],
  phone: ['phone', 'telefono', 'celular', 'movil', 'mobile', 'tel'],
  country: ['country', 'pais'],
  languages: ['languages', 'language', 'idiomas', 'idioma'],
  gender: ['gender', 'genero', 'sexo'],
  institution: [
    'institution',
    'institucion',
    'organizacion',
    'organization',
    'organisation',
    'empresa',
    'entidad',
  ],
  group: ['stakeholder group', 'sector', 'grupo', 'grupo de interes'],
  title: ['title', 'cargo', 'puesto', 'role', 'position'],
  notes: ['notes', 'notas', 'observaciones', 'comments', 'comentarios'],
};

export function guessMapping(headers: string[]): Partial<Record<ImportTarget, number>> {
  const keys = headers.map((h) => searchKey(h));
  const mapping: Partial<Record<ImportTarget, number>> = {};
  for (const [target, words] of Object.entries(synonyms) as [ImportTarget, string[]][]) {
    const index = keys.findIndex((k) => words.includes(k));
    if (index >= 0) mapping[target] = index;
  }
  return mapping;
}

let countries: Map<string, string> | undefined;
/** ISO code from a code or a country name in Spanish or English; undefined when unknown. */
export function countryCode(text: string): string | undefined {
  if (!countries) {
    countries = new Map();
    const names = ['es', 'en'].map(
      (l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }),
    );
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        for (const n of names) {
          const name = n.of(code);
          if (name && code !== 'ZZ') {
            countries.set(searchKey(name), code);
            countries.set(code.toLowerCase(), code);
          }
        }
      }
    }
  }
  return countries.get(searchKey(text));
}

const genderWords: Record<string, GenderChoice> = {
  mujer: 'woman',
  woman: 'woman',
  f: 'woman',
  femenino: 'woman',
  female: 'woman',
  hombre: 'man',
  man: 'man',
  m: 'man',
  masculino: 'man',
  male: 'man',
  'no binario': 'non_binary',
  'no binaria': 'non_binary',
  'non-binary': 'non_binary',
  'non binary': 'non_binary',
  nonbinary: 'non_binary',
  'prefiero no decirlo': 'prefer_not_to_say',
  'prefer not to say': 'prefer_not_to_say',
};
for (const g of genderChoices) genderWords[g] = g;

/** A gender category from a word; any other text is the person's own description. */
export function genderOf(text: string): { choice?: GenderChoice; self?: string } {
  const key = searchKey(text);
  if (!key) return {};
  const choice = genderWords[key];
  return choice ? { choice } : { choice: 'self_described', self: text.trim().slice(0, 100) };
}

/** A stakeholder group from its key or its Spanish or English name. */
export function groupOf(text: string): StakeholderGroup | undefined {
  const key = searchKey(text).replace(/\s+/g, '_');
  const direct = stakeholderGroups.find((g) => g === key);
  if (direct) return direct;
  const spoken = searchKey(text);
  return stakeholderGroups.find(
    (g) =>
      searchKey(catalogs.es[`network.group.${g}`]) === spoken ||
      searchKey(catalogs.en[`network.group.${g}`]) === spoken,
  );
}
