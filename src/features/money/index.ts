/**
 * The money feature: budget lines, cash and in-kind contributions with their ledger, restricted
 * funds, expenses and the sponsors shown on the public edition page.
 *
 * @example
 * import { moneyModule } from './features/money';
 */
import type { FeatureModule } from '../../core/module';
import { registerMoneyApi } from './api/index';
import { moneyEn, moneyEs } from './messages';
import { moneyPermissions } from './permissions';
import { listSponsors } from './queries';
import { moneyContributionRoutes } from './routes/money-contribution';
import { moneyExpenseRoutes } from './routes/money-expenses';
import { moneyIndexRoutes } from './routes/money-index';
import { moneyOverviewRoutes } from './routes/money-overview';
import { moneyRecordRoutes } from './routes/money-record';
import { moneyReportRoutes } from './routes/money-reports';
import { Sponsors } from './views/sponsors';

export const moneyModule: FeatureModule = {
  name: 'money',
  routes: [
    moneyIndexRoutes,
    moneyOverviewRoutes,
    moneyRecordRoutes,
    moneyContributionRoutes,
    moneyExpenseRoutes,
    moneyReportRoutes,
  ],
  api: registerMoneyApi,
  scopes: ['money:read', 'money:write'],
  messages: { es: moneyEs, en: moneyEn },
  navigation: {
    initiative: (m) =>
      m.can(moneyPermissions.viewMoney)
        ? { href: `/i/${m.slug}/money`, label: 'money.index.title', params: { name: m.name } }
        : null,
    edition: (o) =>
      o.can(moneyPermissions.viewMoney)
        ? [
            {
              href: `/i/${o.initiativeSlug}/editions/${o.editionSlug}/money`,
              label: 'money.title',
              params: { edition: o.editionName },
            },
          ]
        : [],
  },
  sections: {
    publicEdition: async ({ db, page, edition }) =>
      Sponsors({ page, groups: await listSponsors(db, edition.id) }),
  },
  notPersonal: {
    budget_lines: 'budget lines name activities, not people',
    receipt_files: 'receipts are kept for the accounts; their file name is not about a person',
    contribution_entries:
      'a ledger entry’s note explains an amount received or corrected, for the accounts; its author link is set to null with the account',
  },
};
