/**
 * The programme feature: editions, events, venues and rooms, sessions with their people, warnings,
 * publishing in numbered versions, the public programme with its exports, personal agendas and
 * the import of frab and c3voc schedules. Other features use what is exported here.
 *
 * @example
 * import { programmeModule, managedEvent } from './features/programme';
 */
import type { FeatureModule } from '../../core/module';
import { registerProgrammeApi } from './api/index';
import { programmeEn, programmeEs } from './messages';
import { programmePermissions } from './permissions';
import { programmePersonalData } from './personal-data';
import { agendaRoutes } from './routes/agenda';
import { exportRoutes } from './routes/exports';
import { manageEditionRoutes } from './routes/manage-editions';
import { manageEventRoutes } from './routes/manage-events';
import { manageImportRoutes } from './routes/manage-import';
import { manageRoomRoutes } from './routes/manage-rooms';
import { manageSessionRoutes } from './routes/manage-sessions';
import { publicChangesRoutes } from './routes/public-changes';
import { publicEditionRoutes } from './routes/public-edition';
import { publicPersonRoutes } from './routes/public-person';
import { publicProgrammeRoutes } from './routes/public-programme';
import { publicSessionRoutes } from './routes/public-session';

export { findEdition, listEditions, type ProgrammeItem } from './queries';
export { managedEdition, managedEvent, manageBase } from './routes/manage-context';
export { publishedProgrammeOf } from './publishing/published-programme';
export { programmePermissions } from './permissions';

export const programmeModule: FeatureModule = {
  name: 'programme',
  routes: [
    publicEditionRoutes,
    publicProgrammeRoutes,
    publicSessionRoutes,
    exportRoutes,
    agendaRoutes,
    publicChangesRoutes,
    publicPersonRoutes,
    manageEditionRoutes,
    manageEventRoutes,
    manageRoomRoutes,
    manageSessionRoutes,
    manageImportRoutes,
  ],
  api: registerProgrammeApi,
  scopes: ['programme:read', 'programme:write'],
  messages: { es: programmeEs, en: programmeEn },
  navigation: {
    initiative: (m) =>
      m.can(programmePermissions.editProgramme)
        ? { href: `/i/${m.slug}/editions`, label: 'manage.editions.title' }
        : null,
  },
  participationKinds: ['speaker', 'moderator', 'rapporteur', 'master_of_ceremonies', 'organiser'],
  personalData: programmePersonalData,
  notPersonal: {
    editions: 'an edition’s name names a forum, not a person',
    venues: 'a venue’s name and address are a place’s',
    rooms: 'a room’s name is a place’s',
    programme_sessions:
      'a session’s texts are published programme content; `responsible_note` names a collective role (e.g. "Attendees") where no person record exists — people on a session are in session_people',
  },
};
