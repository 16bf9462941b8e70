import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative } from '../tests/support/factories';
import { buildEdition } from '../tests/support/programme-factories';
import { openTestDatabase } from '../tests/support/test-database';
import type { Database } from '../src/db/client';
import { outcomes } from '../src/features/outcomes/schema';
import { listOutcomes } from '../src/features/outcomes/queries';
import { loadOutcomes } from './load-outcomes';

/**
 * The recommendations of the seed report (seeds/004, section 6), each under the report's heading
 * (null: "On the overall event"), typed here from the report so the demo file is checked against
 * it rather than against itself.
 */
const seedRecommendations: [topic: string | null, text: string][] = [
  [
    null,
    'It is important to continue developing internet governance at the country level, specially in the departments, not only in Guatemala City.',
  ],
  [null, 'We should continue using the electronic forums to raise awareness.'],
  [
    null,
    'We should emphasize on personal security aspects that must prevail in every interaction on the net',
  ],
  [
    null,
    'Disseminate the internet governance term, principles and consequences on a national level.',
  ],
  [
    'Electronic Payments and Documentation Assurance',
    'Educate technical and humanistic institutions on the advantages of blockchain y cryptocurrency so they can replace important and physical documents by intelligent documents capable of being altered or duplicated.',
  ],
  [
    'Electronic Payments and Documentation Assurance',
    'Usage of cryptocurrency is linked to a liberal belief, it indicates that money “is mine and using it is my responsibility”. Users must know the advantages and disadvantages of having their investments put into a digital environment compared to traditional banking systems.',
  ],
  [
    'Electronic Payments and Documentation Assurance',
    'There are many communities in Guatemala that are mentioned and are reachable to the public, so if a person wants to use them, they can be searched and be used.',
  ],
  [
    'Security for Internet Users',
    'It is key to support the Congress to achieve approval of Cybercrime Law, by specific recommendations, for a positive contribution to society.',
  ],
  [
    'Security for Internet Users',
    'Guatemalan society needs to massively be informed about all the available resources to be used with institutions such as MINGOB, MINDEF and MP when they suffer a cybercrime event.',
  ],
  [
    'Security for Internet Users',
    'Raise awareness in the public, look for alliances in the banking sector.',
  ],
  [
    'Network Neutrality Defense',
    'It is important to let everybody know the principles of network neutrality. The importance of strengthening and continuing with the network neutrality principles needs to be made known.',
  ],
  [
    'Network Neutrality Defense',
    'All traffic should be treated equally by every internet provider.',
  ],
  [
    'Network Neutrality Defense',
    'Society in general has to make sure that the principles of Net Neutrality are not violated by suppliers, neither by government sectors, nor private.',
  ],
  [
    "Children and Teenagers' Responsible and Safe usage of Internet",
    'Parents should be made aware of safe usage of technologies and educate children to use internet safely.',
  ],
  [
    "Children and Teenagers' Responsible and Safe usage of Internet",
    'We should teach children how to report criminal acts or offenses',
  ],
  [
    "Children and Teenagers' Responsible and Safe usage of Internet",
    'We should monitor time and contents that children go through on the internet',
  ],
  [
    'Sustainable Development of Guatemalan Bandwidth',
    'A collaborative effort must be done, where necessary and current resources are established, so a continuity plan can be set up to achieve a legal and regulatory framework.',
  ],
  [
    'Sustainable Development of Guatemalan Bandwidth',
    'Modify the LGT to update it based on current technologies',
  ],
  ['Sustainable Development of Guatemalan Bandwidth', 'We should have a strong regulator (entity)'],
  [
    'Sustainable Development of Guatemalan Bandwidth',
    'We should create public policies for the telecommunications and ICT sectors',
  ],
  [
    'Freedom of Expression in the Voting Process context',
    'Citizens should be conscious about the usage of social networks so they do not exceed on incitements to violence and hate speeches.',
  ],
  [
    'Freedom of Expression in the Voting Process context',
    'Users should be very critic of the information that is publish in social networks, not all information is true.',
  ],
  [
    'Freedom of Expression in the Voting Process context',
    'Users should not forward or replicate messages if they are not sure it is true.',
  ],
];

let database: Database & { drop(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
  const initiative = await buildInitiative(database.db);
  await buildEdition(database.db, { initiative, slug: 'igf-guatemala-2018' });
  await loadOutcomes(database.db);
});
afterAll(() => database.drop());

describe('the demo outcomes', () => {
  it('are every recommendation of the seed report, word for word under its heading, published, in English only', async () => {
    const rows = await database.db.select().from(outcomes);
    const recommendations = rows
      .filter((r) => r.kind === 'recommendation')
      .sort((x, y) => x.position - y.position)
      .map((r) => [r.topic, r.textEn]);
    expect(recommendations).toEqual(seedRecommendations);
    expect(
      rows.every((r) => r.status === 'published' && r.textEs === null && r.originalLang === 'en'),
    ).toBe(true);
    expect(rows.every((r) => r.publishedAt === null && r.createdBy === null)).toBe(true);
  });

  it('keep the report’s conclusions and its plans for the next edition as commitments', async () => {
    const [edition] = await database.db.select().from(outcomes).limit(1);
    const all = await listOutcomes(database.db, {
      editionId: edition!.editionId,
      publishedOnly: true,
    });
    const conclusions = all.filter((r) => r.kind === 'conclusion');
    expect(conclusions).toHaveLength(21);
    expect(conclusions[0]!.textEn).toBe(
      'A complete lack of legal frame in the country related to internet, was evidenced in the forum.',
    );
    expect(
      conclusions.filter((c) => c.topic === 'Security for Internet Users').map((c) => c.textEn),
    ).toEqual([
      'Guatemala is not ready to face cybercrime.',
      "There's a widespread fear into disclosing cybercrime events that affect institutions, organizations or companies. This should not occur, so protection and prevention measures can be applied, in accordance with established protocols.",
    ]);
    const commitments = all.filter((r) => r.kind === 'commitment');
    expect(commitments.map((c) => c.textEn?.slice(0, 30))).toEqual([
      'The Committee will continue ne',
      'We will start our fund raising',
      'We will raise awareness of all',
      'We should develop and aggressi',
      'We will form our own Special I',
    ]);
    expect(all.every((r) => r.editionId === edition!.editionId)).toBe(true);
    expect(
      await database.db.select().from(outcomes).where(eq(outcomes.kind, 'commitment')),
    ).toHaveLength(5);
  });
});
