/**
 * Loads demo/network.json: the institutions and people the IGF Guatemala 2018 seed names, their
 * affiliations, and what each took part in (into the participation history).
 *
 * @example
 * await loadNetwork(tx, { initiativeId });
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../src/db/client';
import { searchKey } from '../src/lib/search-key';
import {
  affiliations,
  institutionKinds,
  institutions,
  participationKinds,
  people,
  stakeholderGroups,
} from '../src/features/network/schema';
import { recordParticipation } from '../src/features/network/participation';

const SOURCE = 'IGF Guatemala 2018 report (shared/seeds/004)';
const ASSIGNED_NOTE =
  'Sector asignado por el equipo de Convoca: el documento fuente no lo indica. / Stakeholder group assigned by the Convoca team: the source document does not state it.';

const file = z.object({
  institutions: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      acronym: z.string().optional(),
      group: z.enum(stakeholderGroups),
      kind: z.enum(institutionKinds),
      country: z.string().length(2).nullable(),
      parent: z.string().optional(),
      publicListing: z.boolean().optional(),
      groupAssigned: z.boolean().optional(),
    }),
  ),
  people: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      institution: z.string().optional(),
      title: z.string().optional(),
    }),
  ),
  participations: z.array(
    z.object({
      kind: z.enum(participationKinds),
      label: z.string(),
      occurredOn: z.string().optional(),
      institutions: z.array(z.string()).optional(),
      people: z.array(z.string()).optional(),
    }),
  ),
});

export function readNetworkFile() {
  return file.parse(JSON.parse(readFileSync(new URL('./network.json', import.meta.url), 'utf8')));
}

export async function loadNetwork(db: Db, o: { initiativeId: string }) {
  const data = readNetworkFile();
  const inst = new Map<string, string>();
  for (const i of data.institutions) {
    const [row] = await db
      .insert(institutions)
      .values({
        name: i.name,
        acronym: i.acronym ?? null,
        stakeholderGroup: i.group,
        kind: i.kind,
        country: i.country,
        publicListing: i.publicListing ?? false,
        notes: i.groupAssigned ? ASSIGNED_NOTE : null,
        searchText: searchKey(i.name, i.acronym),
        source: SOURCE,
      })
      .returning({ id: institutions.id });
    inst.set(i.key, row!.id);
  }
  for (const i of data.institutions.filter((x) => x.parent)) {
    await db
      .update(institutions)
      .set({ parentId: inst.get(i.parent!)! })
      .where(eq(institutions.id, inst.get(i.key)!));
  }
  const person = new Map<string, string>();
  for (const p of data.people) {
    const [row] = await db
      .insert(people)
      .values({
        name: p.name,
        searchText: searchKey(p.name),
        nameKey: searchKey(p.name),
        source: SOURCE,
      })
      .returning({ id: people.id });
    person.set(p.key, row!.id);
    if (p.institution) {
      await db.insert(affiliations).values({
        personId: row!.id,
        institutionId: inst.get(p.institution)!,
        title: p.title ?? null,
      });
    } else if (p.title) {
      await db.update(people).set({ notes: p.title }).where(eq(people.id, row!.id));
    }
  }
  for (const part of data.participations) {
    for (const key of part.institutions ?? []) {
      await recordParticipation(db, {
        institutionId: inst.get(key)!,
        initiativeId: o.initiativeId,
        kind: part.kind,
        year: 2018,
        label: part.label,
        occurredOn: part.occurredOn,
      });
    }
    for (const key of part.people ?? []) {
      await recordParticipation(db, {
        personId: person.get(key)!,
        initiativeId: o.initiativeId,
        kind: part.kind,
        year: 2018,
        label: part.label,
        occurredOn: part.occurredOn,
      });
    }
  }
  return { institutions: inst.size, people: person.size };
}
