/**
 * The committee feature: focal point, member institutions and representatives, working groups,
 * meetings with minutes, action items, the weekly task digest and the IGF rule check.
 *
 * @example
 * import { committeeModule } from './features/committee';
 */
import type { FeatureModule } from '../../core/module';
import { committeePersonalData } from './personal-data';
import { sendTaskDigests } from './actions/send-task-digests';
import { registerCommitteeApi } from './api';
import { committeeEn, committeeEs } from './messages';
import { committeePermissions } from './permissions';
import { calendarRoutes } from './routes/calendar';
import { committeeRoutes } from './routes/committee';
import { meetingRoutes } from './routes/meetings';
import { myTaskRoutes } from './routes/my-tasks';
import { taskRoutes } from './routes/tasks';

export const committeeModule: FeatureModule = {
  name: 'committee',
  routes: [committeeRoutes, meetingRoutes, taskRoutes, myTaskRoutes, calendarRoutes],
  api: registerCommitteeApi,
  scopes: ['committee:read', 'committee:write'],
  messages: { es: committeeEs, en: committeeEn },
  navigation: {
    initiative: (m) =>
      m.can(committeePermissions.viewCommittee)
        ? { href: `/i/${m.slug}/committee`, label: 'committee.title', params: { name: m.name } }
        : null,
    account: () => [{ href: '/account/tasks', label: 'committee.my.title' }],
  },
  // Weekly digests: checked hourly; each person gets one a week (claimed in task_digests).
  jobs: [{ name: 'committee.task-digests', everyMs: 60 * 60 * 1000, run: sendTaskDigests }],
  personalData: committeePersonalData,
  notPersonal: {
    working_groups:
      'a working group’s name and purpose describe the group; its members are in working_group_members',
    meetings:
      'minutes are the committee’s record of a meeting, approved by the committee and kept as its history; the approver link is set to null with the account, attendance is in meeting_attendance',
  },
};
