/**
 * The outcomes feature (issue 15, first part): an edition's conclusions, recommendations and
 * commitments, per topic or for the whole event, entered and published by the committee and
 * listed on a public page. Follow-up, policy instruments and assessments are still to come.
 *
 * @example
 * import { outcomesModule } from './features/outcomes';
 */
import type { FeatureModule } from '../../core/module';
import { outcomesEn, outcomesEs } from './messages';
import { outcomePermissions } from './permissions';
import { outcomesPersonalData } from './personal-data';
import { hasPublishedOutcomes } from './queries';
import { manageOutcomeRoutes } from './routes/manage-outcomes';
import { outcomeActionRoutes } from './routes/outcome-actions';
import { publicOutcomeRoutes } from './routes/public-outcomes';
import { OutcomesLink } from './views/outcomes-link';

export { outcomePermissions } from './permissions';

export const outcomesModule: FeatureModule = {
  name: 'outcomes',
  routes: [publicOutcomeRoutes, manageOutcomeRoutes, outcomeActionRoutes],
  messages: { es: outcomesEs, en: outcomesEn },
  navigation: {
    edition: (o) =>
      o.can(outcomePermissions.manageOutcomes)
        ? [
            {
              href: `/i/${o.initiativeSlug}/editions/${o.editionSlug}/outcomes`,
              label: 'outcomes.manage.title',
              params: { edition: o.editionName },
            },
          ]
        : [],
  },
  sections: {
    publicEdition: async ({ db, page, edition }) =>
      (await hasPublishedOutcomes(db, edition.id)) ? OutcomesLink({ page, edition }) : null,
  },
  personalData: outcomesPersonalData,
};
