/**
 * The network of institutions: two institutions are tied when they took part in the same thing
 * (a committee, a panel, an event, a training), directly or through their people's current
 * affiliations. Also the indicators the seed project reports: new actors and new cross-sector
 * ties per year.
 *
 * @example
 * const graph = await buildGraph(db, { country: 'GT' });
 * graph.nodes.length; graph.edges[0]; // { source, target, weight, firstYear, crossSector }
 */
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import {
  affiliations,
  institutions,
  participations,
  type ParticipationKind,
  type StakeholderGroup,
} from '../schema';

/** Kinds that mean taking part together; contact records and money do not tie institutions. */
export const tyingKinds: ParticipationKind[] = [
  'committee_member',
  'speaker',
  'moderator',
  'rapporteur',
  'master_of_ceremonies',
  'organiser',
  'attendee',
  'invitee',
  'volunteer',
  'trainer',
  'trainee',
  'media',
];

export type GraphNode = {
  id: string;
  name: string;
  acronym: string | null;
  group: StakeholderGroup;
  country: string | null;
  degree: number;
};
export type GraphEdge = {
  source: string;
  target: string;
  weight: number;
  firstYear: number;
  crossSector: boolean;
};
export type YearIndicator = {
  year: number;
  newInstitutions: number;
  newPeople: number;
  newCrossSectorTies: number;
};

export async function buildGraph(db: Db, f: { country?: string; group?: StakeholderGroup } = {}) {
  const direct = await db
    .select({
      institutionId: participations.institutionId,
      initiativeId: participations.initiativeId,
      year: participations.year,
      label: participations.label,
      kind: participations.kind,
    })
    .from(participations)
    .where(
      and(
        inArray(participations.kind, tyingKinds),
        sql`${participations.institutionId} is not null`,
      ),
    );
  const viaPeople = await db
    .select({
      institutionId: affiliations.institutionId,
      initiativeId: participations.initiativeId,
      year: participations.year,
      label: participations.label,
      kind: participations.kind,
    })
    .from(participations)
    .innerJoin(affiliations, eq(affiliations.personId, participations.personId))
    .where(and(inArray(participations.kind, tyingKinds), isNull(affiliations.endedOn)));

  const conditions: SQL[] = [];
  if (f.country) conditions.push(eq(institutions.country, f.country));
  if (f.group) conditions.push(eq(institutions.stakeholderGroup, f.group));
  const nodeRows = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      acronym: institutions.acronym,
      group: institutions.stakeholderGroup,
      country: institutions.country,
    })
    .from(institutions)
    .where(conditions.length ? and(...conditions) : undefined);
  const nodesById = new Map(nodeRows.map((n) => [n.id, { ...n, degree: 0 }]));

  // Contexts: one shared activity, and the institutions in it.
  const contexts = new Map<string, { year: number; members: Set<string> }>();
  for (const p of [...direct, ...viaPeople]) {
    if (!p.institutionId || !nodesById.has(p.institutionId)) continue;
    const key = `${p.initiativeId}|${p.year}|${p.label}`;
    const ctx = contexts.get(key) ?? { year: p.year, members: new Set<string>() };
    ctx.members.add(p.institutionId);
    contexts.set(key, ctx);
  }
  const edges = new Map<string, GraphEdge>();
  for (const ctx of contexts.values()) {
    const members = [...ctx.members].sort();
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const key = `${members[i]}|${members[j]}`;
        const edge = edges.get(key);
        if (edge) {
          edge.weight++;
          edge.firstYear = Math.min(edge.firstYear, ctx.year);
        } else {
          const a = nodesById.get(members[i]!)!;
          const b = nodesById.get(members[j]!)!;
          edges.set(key, {
            source: a.id,
            target: b.id,
            weight: 1,
            firstYear: ctx.year,
            crossSector: a.group !== b.group,
          });
        }
      }
    }
  }
  for (const e of edges.values()) {
    nodesById.get(e.source)!.degree++;
    nodesById.get(e.target)!.degree++;
  }
  const nodes = [...nodesById.values()].filter((n) => n.degree > 0);
  return {
    nodes,
    edges: [...edges.values()].sort((a, b) => b.weight - a.weight),
    indicators: await indicators(db, [...edges.values()]),
  };
}

/** New institutions and people (by their first participation year) and new cross-sector ties. */
async function indicators(db: Db, edges: GraphEdge[]): Promise<YearIndicator[]> {
  const firstYears = await db
    .select({
      who: sql<string>`case when ${participations.institutionId} is not null then 'i' else 'p' end`,
      id: sql<string>`coalesce(${participations.institutionId}, ${participations.personId})`,
      year: sql<number>`min(${participations.year})`,
    })
    .from(participations)
    .where(
      or(
        sql`${participations.institutionId} is not null`,
        sql`${participations.personId} is not null`,
      ),
    )
    .groupBy(sql`1`, sql`2`);
  const byYear = new Map<number, YearIndicator>();
  const at = (year: number) => {
    const row = byYear.get(year) ?? {
      year,
      newInstitutions: 0,
      newPeople: 0,
      newCrossSectorTies: 0,
    };
    byYear.set(year, row);
    return row;
  };
  for (const r of firstYears) {
    if (r.who === 'i') at(Number(r.year)).newInstitutions++;
    else at(Number(r.year)).newPeople++;
  }
  for (const e of edges) if (e.crossSector) at(e.firstYear).newCrossSectorTies++;
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
