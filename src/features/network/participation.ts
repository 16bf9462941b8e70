/**
 * The participation history every module writes to, and reads back by year.
 *
 * @example
 * await recordParticipation(db, { personId, initiativeId, kind: 'speaker', year: 2018, label: 'Panel: neutralidad de red', sourceType: 'session', sourceId: '…' });
 */
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { participations, type ParticipationKind } from './schema';

export type ParticipationInput = {
  personId?: string | null;
  institutionId?: string | null;
  initiativeId?: string | null;
  kind: ParticipationKind;
  year: number;
  label: string;
  sourceType?: string;
  sourceId?: string;
  occurredOn?: string;
};

export async function recordParticipation(db: Db, p: ParticipationInput): Promise<void> {
  await db.insert(participations).values({
    personId: p.personId ?? null,
    institutionId: p.institutionId ?? null,
    initiativeId: p.initiativeId ?? null,
    kind: p.kind,
    year: p.year,
    label: p.label,
    sourceType: p.sourceType ?? null,
    sourceId: p.sourceId ?? null,
    occurredOn: p.occurredOn ?? null,
  });
}

/** An institution's history, newest year first. */
export function institutionHistory(db: Db, institutionId: string) {
  const where: SQL = eq(participations.institutionId, institutionId);
  return db
    .select()
    .from(participations)
    .where(and(where))
    .orderBy(desc(participations.year), asc(participations.label));
}

/** Groups rows by year, newest first, for display. */
export function byYear<T extends { year: number }>(rows: T[]): [number, T[]][] {
  const map = new Map<number, T[]>();
  for (const r of rows) map.set(r.year, [...(map.get(r.year) ?? []), r]);
  return [...map.entries()].sort((a, b) => b[0] - a[0]);
}
