/**
 * The network feature: institutions and people, affiliations, stakeholder groups, consent,
 * participation history, de-duplication, import and export, the network map, and the person's
 * own data page. Other features use what is exported here.
 *
 * @example
 * import { networkModule, recordParticipation } from './features/network';
 */
import type { FeatureModule } from '../../core/module';
import { registerNetworkApi } from './api';
import { networkEn, networkEs } from './messages';
import { networkPermissions } from './permissions';
import { networkPersonalData } from './personal-data';
import { importReviewRoutes } from './routes/import-review';
import { importRowRoutes } from './routes/import-row';
import { importUploadRoutes } from './routes/import-upload';
import { institutionRoutes } from './routes/institutions';
import { myConsentRoutes } from './routes/my-consents';
import { myRecordsSection } from './views/my-records';
import { networkMapRoutes } from './routes/network-map';
import { peopleRoutes } from './routes/people';
import { peopleToolRoutes } from './routes/people-tools';
import { personEditRoutes } from './routes/person-edit';
import { publicDirectoryRoutes } from './routes/public-directory';
import { publicInstitutionRoutes } from './routes/public-institution';

export { listInstitutionChoices } from './institutions';
export { recordParticipation } from './participation';
export { createPeople, createPerson, emailInUse, listPeople, type NewPerson } from './people';
export { peopleOfUser } from './personal-data';
export { blankToUndefined, countryField, type PersonInput } from './validation';
export { networkPermissions } from './permissions';

export const networkModule: FeatureModule = {
  name: 'network',
  routes: [
    institutionRoutes,
    networkMapRoutes,
    importUploadRoutes,
    importReviewRoutes,
    importRowRoutes,
    peopleToolRoutes,
    personEditRoutes,
    peopleRoutes,
    publicInstitutionRoutes,
    publicDirectoryRoutes,
    myConsentRoutes,
  ],
  api: registerNetworkApi,
  scopes: ['network:read', 'network:write'],
  messages: { es: networkEs, en: networkEn },
  navigation: {
    initiative: (m) =>
      m.can(networkPermissions.viewPeople)
        ? { href: `/i/${m.slug}/people`, label: 'network.people.title', params: { name: m.name } }
        : null,
    account: ({ can }) =>
      can(networkPermissions.useDirectory)
        ? [{ href: '/network/institutions', label: 'network.institutions.title' }]
        : [],
    admin: [{ href: '/network/institutions', label: 'network.institutions.title' }],
  },
  participationKinds: ['contact'],
  personalData: networkPersonalData,
  sections: {
    accountData: myRecordsSection,
  },
  notPersonal: {
    institutions: 'institutions are organisations; their notes describe the organisation',
  },
};
