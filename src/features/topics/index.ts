/**
 * The topics feature: the public call for topics, the committee's shortlist, votes and the
 * tracks chosen for an edition.
 *
 * @example
 * import { topicsModule } from './features/topics';
 */
import type { FeatureModule } from '../../core/module';
import { topicsPersonalData } from './personal-data';
import { registerTopicsApi } from './api';
import { topicsEn, topicsEs } from './messages';
import { listTracks } from './queries';
import { manageTopicRoutes } from './routes/manage-topics';
import { publicTopicRoutes } from './routes/public-topics';
import { TopicsLink } from './views/topics-link';

export const topicsModule: FeatureModule = {
  name: 'topics',
  routes: [publicTopicRoutes, manageTopicRoutes],
  api: registerTopicsApi,
  scopes: ['topics:read', 'topics:write'],
  messages: { es: topicsEs, en: topicsEn },
  navigation: {
    edition: (o) => [
      {
        href: `/i/${o.initiativeSlug}/editions/${o.editionSlug}/topics`,
        label: 'topics.manage.title',
        params: { edition: o.editionName },
      },
    ],
  },
  sections: { publicEdition: async ({ page, edition }) => TopicsLink({ page, edition }) },
  provides: { editionTracks: listTracks },
  personalData: topicsPersonalData,
  notPersonal: {
    topic_calls: 'the call’s note is the committee’s public text on how topics are chosen',
  },
};
