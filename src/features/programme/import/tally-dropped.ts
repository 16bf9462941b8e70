/**
 * What a schedule file holds that an import will not keep, counted by the file's own field name,
 * so the preview can say "biography × 699, conference.venue × 1" instead of "0 problems". The
 * parsers pass the raw parsed file (before validation) and the fields Convoca keeps at each level;
 * anything else that carries a value is counted. Event types that map to no session kind are
 * counted too (`type: keynote-ish → other`).
 *
 * @example
 * tallyDropped([{ where: 'conference', fields: raw.conference, kept: CONFERENCE_KEPT }]);
 * // [{ kind: 'conference.venue', count: 1 }, …]
 */
import { sessionKindOf, type DroppedPart } from './types';

/** Whether a raw value says anything (not empty text, an empty list or an empty element). */
function carries(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(carries);
  if (typeof value === 'object') return Object.values(value).some(carries);
  return true;
}

/** Counts, under `where.field`, each field of `objects` that is not in `kept` and holds a value. */
export function tallyDropped(
  groups: { where: string; objects: unknown[]; kept: readonly string[] }[],
  types: (string | undefined)[] = [],
): DroppedPart[] {
  const counts = new Map<string, number>();
  const add = (kind: string) => counts.set(kind, (counts.get(kind) ?? 0) + 1);
  for (const g of groups)
    for (const object of g.objects) {
      if (typeof object !== 'object' || object === null || Array.isArray(object)) continue;
      for (const [key, value] of Object.entries(object)) {
        if (g.kept.includes(key) || !carries(value)) continue;
        // A repeated element or a list counts each of its items.
        const times = Array.isArray(value) ? value.filter(carries).length : 1;
        for (let i = 0; i < times; i++) add(`${g.where}.${key.replace(/^@/, '')}`);
      }
    }
  for (const type of types)
    if (type?.trim() && sessionKindOf(type) === 'other' && type.trim().toLowerCase() !== 'other')
      add(`type: ${type.trim().slice(0, 60)} → other`);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}
