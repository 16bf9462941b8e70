/**
 * The registration feature: public registration with capacity, waiting list and approval, the
 * registrant's private page and ticket, invitations and RSVPs, transport with seats, places per
 * session. Other features (check-in, the event day) use what is exported here.
 *
 * @example
 * import { registrationModule, registerForEvent } from './features/registration';
 */
import type { FeatureModule } from '../../core/module';
import { registerRegistrationApi } from './api';
import { countSessionInterest } from './count-session-interest';
import { findOpenRegistrations } from './find-open-registrations';
import { registerInvitationApi } from './invitations/api';
import { invitationEn, invitationEs } from './invitations/messages';
import { registrationEn, registrationEs } from './messages';
import { registrationPersonalData } from './personal-data';
import { manageInvitationRoutes } from './routes/manage-invitations';
import { manageRegistrationRoutes } from './routes/manage-registrations';
import { manageSessionPlacesRoutes } from './routes/manage-session-places';
import { manageTransportRoutes } from './routes/manage-transport';
import { myInvitationRoutes } from './routes/my-invitation';
import { myRegistrationRoutes } from './routes/my-registration';
import { publicRegisterRoutes } from './routes/public-register';
import { sweepOffers } from './sweep-offers';
import { registerTransportApi } from './transport/api';
import { transportEn, transportEs } from './transport/messages';

export { interestBySession } from './list-registrations';
export { ownedBy } from './personal-data';
export { registerForEvent } from './register-for-event';
export { notifyMoves } from './routes/notify';
export { sendRegistrationMail } from './send-registration-mail';
export { ticketQrPng } from './ticket';
export { listRoutes } from './transport/list-routes';

export const registrationModule: FeatureModule = {
  name: 'registration',
  routes: [
    publicRegisterRoutes,
    myRegistrationRoutes,
    manageRegistrationRoutes,
    manageInvitationRoutes,
    myInvitationRoutes,
    manageTransportRoutes,
    manageSessionPlacesRoutes,
  ],
  api: (api) => {
    registerRegistrationApi(api);
    registerInvitationApi(api);
    registerTransportApi(api);
  },
  scopes: ['registration:read', 'registration:write'],
  messages: {
    es: { ...registrationEs, ...invitationEs, ...transportEs },
    en: { ...registrationEn, ...invitationEn, ...transportEn },
  },
  // Seats offered from the waiting list and not claimed in time pass on within five minutes.
  jobs: [
    { name: 'registration.sweep-offers', everyMs: 5 * 60 * 1000, run: (deps) => sweepOffers(deps) },
  ],
  participationKinds: ['registrant', 'attendee', 'invitee'],
  personalData: registrationPersonalData,
  provides: { sessionInterest: countSessionInterest, openRegistrations: findOpenRegistrations },
  notPersonal: {
    transport_routes: 'a route’s name names a bus, not a person',
  },
};
