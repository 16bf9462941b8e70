/**
 * The programme's part of a person's data: the sessions they are on (speaker, moderator…), their
 * personal agenda, and their name in published versions. Erasure deletes the agenda and removes
 * the person from every published snapshot and changelog; the sessions stay.
 *
 * @example
 * await programmePersonalData.erase(tx, subject);
 */
import { eq, inArray } from 'drizzle-orm';
import type { PersonalDataPart } from '../../core/module';
import { forgetPeopleInVersions } from './publishing/published-programme';
import { agendaItems, agendas, programmeSessions, sessionPeople } from './schema';

export const programmePersonalData: PersonalDataPart = {
  label: 'programme.privacyPart',
  tables: ['session_people', 'agendas', 'programme_versions', 'programme_imports'],
  collect: async (db, subject) => {
    const roles = subject.personIds.length
      ? await db
          .select({
            sessionId: sessionPeople.sessionId,
            title: programmeSessions.titleEs,
            role: sessionPeople.role,
          })
          .from(sessionPeople)
          .innerJoin(programmeSessions, eq(programmeSessions.id, sessionPeople.sessionId))
          .where(inArray(sessionPeople.personId, subject.personIds))
      : [];
    const agenda = await db
      .select({ sessionId: agendaItems.sessionId, title: programmeSessions.titleEs })
      .from(agendas)
      .innerJoin(agendaItems, eq(agendaItems.agendaId, agendas.id))
      .innerJoin(programmeSessions, eq(programmeSessions.id, agendaItems.sessionId))
      .where(eq(agendas.userId, subject.user.id));
    return { sessionRoles: roles, agenda };
  },
  erase: async (tx, subject) => {
    await tx.delete(agendas).where(eq(agendas.userId, subject.user.id));
    await forgetPeopleInVersions(tx, subject.personIds);
  },
};
