import type { AuditAction } from '../../../core/audit/actions';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import type { Db } from '../../../db/client';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm } from '../../../http/form';
import { editPage } from '../views/person-edit-page';
import type { AppEnv } from '../../../http/types';
import { fields } from '../../../lib/fields';
import {
  addAffiliation,
  addPersonEmail,
  addPersonPhone,
  endAffiliation,
  recordConsent,
  updatePersonDetails,
} from '../edit-person';
import { getPersonRecord, personInInitiative, type PersonRecord } from '../people';
import { networkPermissions } from '../permissions';
import { consentPurposes, genderChoices, stakeholderGroups } from '../schema';
import { blankToUndefined, countryField, languagesField, optionalText } from '../validation';

const manage = () => access.initiative(networkPermissions.managePeople);
const isoDate = z.preprocess(blankToUndefined, z.iso.date('form.invalid').optional());

const detailsSchema = z.object({
  name: fields.text({ max: 200 }),
  country: countryField,
  languages: languagesField,
  genderChoice: z.preprocess(blankToUndefined, z.enum(genderChoices).optional()),
  genderSelfDescribed: optionalText(100),
  stakeholderGroup: z.preprocess(blankToUndefined, z.enum(stakeholderGroups).optional()),
  notes: optionalText(2000),
});
const emailSchema = z.object({ email: fields.email() });
const phoneSchema = z.object({ phone: fields.text({ max: 40 }) });
const affiliationSchema = z.object({
  institutionId: z.uuid('form.required'),
  title: optionalText(200),
  startedOn: isoDate,
  endedOn: isoDate,
});
const consentSchema = z.object({
  purpose: z.enum(consentPurposes, { error: 'form.required' }),
  status: z.enum(['given', 'withdrawn'], { error: 'form.required' }),
  method: fields.text({ max: 200 }),
});

async function loadPerson(c: Context<AppEnv>): Promise<PersonRecord> {
  const id = c.req.param('id') ?? '';
  if (!(await personInInitiative(c.var.deps.db, id, c.var.initiative.id)))
    throw new AppError('not_found');
  const person = await getPersonRecord(c.var.deps.db, id);
  if (!person || person.erasedAt) throw new AppError('not_found');
  return person;
}

/**
 * Runs a change to the person with its audit entry in the same transaction; a change that
 * answers `false` (nothing done) records nothing.
 */
function changePerson<T>(
  c: Context<AppEnv>,
  person: PersonRecord,
  action: AuditAction,
  change: (tx: Db) => Promise<T>,
): Promise<T> {
  return audited(c, change, (result) =>
    result === false
      ? null
      : {
          action,
          targetType: 'person',
          targetId: person.id,
          data: { initiative: c.var.initiative.slug },
        },
  );
}

function done(c: Context<AppEnv>, person: PersonRecord) {
  setFlash(c, 'network.people.saved');
  return c.redirect(`/i/${c.var.initiative.slug}/people/${person.id}/edit`, 303);
}

export const personEditRoutes = new Hono<AppEnv>()
  .get('/i/:slug/people/:id/edit', manage(), async (c) => editPage(c, await loadPerson(c)))
  .post('/i/:slug/people/:id/edit', manage(), async (c) => {
    const person = await loadPerson(c);
    const form = await readForm(c, detailsSchema);
    if (!form.ok) return editPage(c, person, 'details', form.values, form.errors);
    await changePerson(c, person, 'person.updated', (tx) =>
      updatePersonDetails(tx, person.id, form.data),
    );
    return done(c, person);
  })
  .post('/i/:slug/people/:id/emails', manage(), async (c) => {
    const person = await loadPerson(c);
    const form = await readForm(c, emailSchema);
    if (!form.ok) return editPage(c, person, 'email', form.values, form.errors);
    const added = await changePerson(c, person, 'person.updated', (tx) =>
      addPersonEmail(tx, { personId: person.id, email: form.data.email }),
    );
    if (!added) {
      return editPage(c, person, 'email', form.values, { email: c.var.t('network.emailTaken') });
    }
    return done(c, person);
  })
  .post('/i/:slug/people/:id/phones', manage(), async (c) => {
    const person = await loadPerson(c);
    const form = await readForm(c, phoneSchema);
    if (!form.ok) return editPage(c, person, 'phone', form.values, form.errors);
    await changePerson(c, person, 'person.updated', (tx) =>
      addPersonPhone(tx, { personId: person.id, phone: form.data.phone }),
    );
    return done(c, person);
  })
  .post('/i/:slug/people/:id/affiliations', manage(), async (c) => {
    const person = await loadPerson(c);
    const form = await readForm(c, affiliationSchema);
    if (!form.ok) return editPage(c, person, 'affiliation', form.values, form.errors);
    await changePerson(c, person, 'person.updated', (tx) =>
      addAffiliation(tx, { personId: person.id, ...form.data }),
    );
    return done(c, person);
  })
  .post('/i/:slug/people/:id/affiliations/:aid/end', manage(), async (c) => {
    const person = await loadPerson(c);
    const ok = await changePerson(c, person, 'person.updated', (tx) =>
      endAffiliation(tx, {
        personId: person.id,
        affiliationId: c.req.param('aid'),
        on: new Date().toISOString().slice(0, 10),
      }),
    );
    if (!ok) throw new AppError('not_found');
    return done(c, person);
  })
  .post('/i/:slug/people/:id/consents', manage(), async (c) => {
    const person = await loadPerson(c);
    const form = await readForm(c, consentSchema);
    if (!form.ok) return editPage(c, person, 'consent', form.values, form.errors);
    await changePerson(c, person, 'person.consent_recorded', (tx) =>
      recordConsent(tx, { personId: person.id, ...form.data, recordedBy: c.var.user!.id }),
    );
    return done(c, person);
  });
