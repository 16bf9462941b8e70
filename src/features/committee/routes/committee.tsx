import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { audit } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { countryName } from '../../../lib/format';
import { Csrf, ErrorSummary, Field, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { Select } from '../../../views/select';
import { listInstitutionChoices } from '../../network/index';
import { genderChoices } from '../../network/schema';
import { addCommitteeMember } from '../add-committee-member';
import { addWorkingGroup, addWorkingGroupMember } from '../add-working-group';
import { checkIgfRules } from '../check-igf-rules';
import { groupForm, groupMemberForm, memberForm, settingsForm } from '../committee-input';
import { listPeopleChoices, loadCommittee } from '../queries';
import { removeCommitteeMember } from '../remove-committee-member';
import { saveCommitteeSettings } from '../save-committee-settings';
import { ChoiceSelect } from '../views/options';
import { RuleCheck } from '../views/rule-check';
import { can, committeeBase, committeeErrors, managers, viewers } from './committee-context';

type Form = { values?: FormValues; errors?: FieldErrors };

/** `/i/{slug}/committee`: the IGF rule check, focal point, members, working groups, links. */
async function committeePage(c: Context<AppEnv>) {
  const { db } = c.var.deps;
  const committee = await loadCommittee(db, c.var.initiative.id);
  const check = checkIgfRules({ members: committee.members });
  const page = pageOf(c);
  const { t } = page;
  const base = committeeBase(c);
  const manage = can(c, 'manageCommittee');
  const title = t('committee.title', { name: c.var.initiative.name });
  return render(
    c,
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <ul class="inline-list">
        <li>
          <a href={`${base}/meetings`}>{t('committee.meetings.title')}</a>
        </li>
        <li>
          <a href={`${base}/tasks`}>{t('committee.tasks.title')}</a>
        </li>
        <li>
          <a href={`${base}/activities`}>{t('committee.activities.title')}</a>
        </li>
        <li>
          <a href={`${base}/calendar`}>{t('committee.calendar.title')}</a>
        </li>
      </ul>
      <p>
        <strong>{t('committee.focal')}:</strong>{' '}
        <span data-focal>{committee.focal?.name ?? t('committee.focal.none')}</span>
        {manage && (
          <>
            {' · '}
            <a href={`${base}/settings`}>{t('committee.settings.title')}</a>
          </>
        )}
      </p>
      {committee.source && (
        <p class="hint">{t('committee.source', { source: committee.source })}</p>
      )}
      <RuleCheck page={page} check={check} />
      <h2>{t('committee.members.title')}</h2>
      {manage && (
        <p>
          <a href={`${base}/members/new`}>{t('committee.members.add')}</a>
        </p>
      )}
      {committee.members.length === 0 ? (
        <p>{t('committee.members.empty')}</p>
      ) : (
        <TableWrap label={t('committee.members.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('committee.member.institution')}</th>
                <th scope="col">{t('committee.member.group')}</th>
                <th scope="col">{t('committee.member.country')}</th>
                <th scope="col">{t('committee.member.city')}</th>
                <th scope="col">{t('committee.member.representatives')}</th>
                {manage && (
                  <th scope="col">
                    <span class="visually-hidden">{t('committee.member.remove')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {committee.members.map((m) => (
                <tr data-member={m.acronym ?? m.name}>
                  <th scope="row">
                    {m.name}
                    {m.acronym && m.acronym !== m.name ? ` (${m.acronym})` : ''}
                  </th>
                  <td>{t(`network.group.${m.stakeholderGroup}`)}</td>
                  <td>{m.country ? countryName(m.country, page.lang) : t('committee.none')}</td>
                  <td>{m.city ?? t('committee.none')}</td>
                  <td>
                    {m.representatives.length === 0
                      ? t('committee.none')
                      : m.representatives.map((r, i) => (
                          <>
                            {i > 0 && ', '}
                            {r.name}
                            {manage && (
                              <form
                                method="post"
                                action={`${base}/members/${m.id}/remove`}
                                class="inline"
                              >
                                <Csrf page={page} />
                                <input type="hidden" name="personId" value={r.personId} />{' '}
                                <button type="submit" class="link">
                                  {t('committee.member.removeRep', { name: r.name })}
                                </button>
                              </form>
                            )}
                          </>
                        ))}
                  </td>
                  {manage && (
                    <td>
                      <form method="post" action={`${base}/members/${m.id}/remove`} class="inline">
                        <Csrf page={page} />
                        <button type="submit" class="link">
                          {t('committee.member.remove')}
                          <span class="visually-hidden"> {m.name}</span>
                        </button>
                      </form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {committee.members.some((m) => m.source) && (
        <p class="hint">
          {t('committee.source', {
            source: [...new Set(committee.members.map((m) => m.source).filter(Boolean))].join('; '),
          })}
        </p>
      )}
      <h2>{t('committee.groups.title')}</h2>
      {manage && (
        <p>
          <a href={`${base}/groups/new`}>{t('committee.groups.new')}</a>
        </p>
      )}
      {committee.groups.length === 0 ? (
        <p>{t('committee.groups.empty')}</p>
      ) : (
        <ul>
          {committee.groups.map((g) => (
            <li data-group={g.name}>
              <a href={`${base}/groups/${g.id}`}>{g.name}</a>
              {g.purpose && <> — {g.purpose}</>}
              {': '}
              {g.members.length
                ? g.members.map((p) => p.name).join(', ')
                : t('committee.group.noMembers')}
            </li>
          ))}
        </ul>
      )}
    </Layout>,
  );
}

async function settingsPage(c: Context<AppEnv>, o: Form = {}) {
  const { db } = c.var.deps;
  const committee = await loadCommittee(db, c.var.initiative.id);
  const choices = await listPeopleChoices(db, c.var.initiative.id);
  const page = pageOf(c);
  const { t } = page;
  const title = t('committee.settings.title');
  const values = o.values ?? {
    focalPersonId: committee.focal?.id ?? '',
    timeZone: committee.timeZone,
  };
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={committeeBase(c)}>{t('committee.title', { name: c.var.initiative.name })}</a>
      </p>
      <h1>{title}</h1>
      <form method="post" action={`${committeeBase(c)}/settings`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        <ChoiceSelect
          page={page}
          name="focalPersonId"
          label={t('committee.focal')}
          empty={t('committee.focal.none')}
          groups={[{ options: choices.map((p) => ({ value: p.id, label: p.name })) }]}
          values={values}
          errors={o.errors}
        />
        <Field
          name="timeZone"
          label={t('committee.zone')}
          hint={t('committee.zoneHint')}
          required
          values={values}
          errors={o.errors}
        />
        <button type="submit">{t('committee.settings.save')}</button>
      </form>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function memberPage(c: Context<AppEnv>, o: Form = {}) {
  const { db } = c.var.deps;
  const [institutions, choices] = await Promise.all([
    listInstitutionChoices(db),
    listPeopleChoices(db, c.var.initiative.id),
  ]);
  const page = pageOf(c);
  const { t } = page;
  const title = t('committee.members.add');
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={committeeBase(c)}>{t('committee.title', { name: c.var.initiative.name })}</a>
      </p>
      <h1>{title}</h1>
      <form method="post" action={`${committeeBase(c)}/members`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        <ChoiceSelect
          page={page}
          name="institutionId"
          label={t('committee.member.institution')}
          empty={t('committee.member.unknownInstitution')}
          groups={[
            {
              options: institutions.map((i) => ({
                value: i.id,
                label: i.acronym && i.acronym !== i.name ? `${i.name} (${i.acronym})` : i.name,
              })),
            },
          ]}
          values={o.values}
          errors={o.errors}
        />
        <Field
          name="city"
          label={t('committee.member.city')}
          hint={t('committee.member.cityHint')}
          values={o.values}
          errors={o.errors}
        />
        <ChoiceSelect
          page={page}
          name="personId"
          label={t('committee.member.representative')}
          empty={t('committee.choosePerson')}
          groups={[{ options: choices.map((p) => ({ value: p.id, label: p.name })) }]}
          values={o.values}
          errors={o.errors}
        />
        <fieldset class="stack">
          <legend>{t('committee.member.orNew')}</legend>
          <Field
            name="newName"
            label={t('committee.member.newName')}
            values={o.values}
            errors={o.errors}
          />
          <Field
            name="newEmail"
            type="email"
            label={t('committee.member.newEmail')}
            values={o.values}
            errors={o.errors}
          />
          <Select
            name="newGender"
            label={t('committee.member.newGender')}
            empty={t('committee.none')}
            options={genderChoices
              .filter((g) => g !== 'self_described')
              .map((g) => [g, t(`network.gender.${g}`)])}
            values={o.values}
            errors={o.errors}
          />
          <p class="hint">{t('committee.member.genderHint')}</p>
        </fieldset>
        <button type="submit">{title}</button>
      </form>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function groupNewPage(c: Context<AppEnv>, o: Form = {}) {
  const page = pageOf(c);
  const { t } = page;
  const title = t('committee.groups.new');
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={committeeBase(c)}>{t('committee.title', { name: c.var.initiative.name })}</a>
      </p>
      <h1>{title}</h1>
      <form method="post" action={`${committeeBase(c)}/groups`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        <Field
          name="name"
          label={t('committee.group.name')}
          required
          values={o.values}
          errors={o.errors}
        />
        <Field
          name="purpose"
          label={t('committee.group.purpose')}
          rows={2}
          values={o.values}
          errors={o.errors}
        />
        <button type="submit">{title}</button>
      </form>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function groupPage(c: Context<AppEnv>, o: Form = {}) {
  const { db } = c.var.deps;
  const committee = await loadCommittee(db, c.var.initiative.id);
  const group = committee.groups.find((g) => g.id === c.req.param('group'));
  if (!group) throw new AppError('not_found');
  const page = pageOf(c);
  const { t } = page;
  const choices = can(c, 'manageCommittee') ? await listPeopleChoices(db, c.var.initiative.id) : [];
  return render(
    c,
    <Layout page={page} title={group.name}>
      <p>
        <a href={committeeBase(c)}>{t('committee.title', { name: c.var.initiative.name })}</a>
      </p>
      <h1>{group.name}</h1>
      {group.purpose && <p>{group.purpose}</p>}
      {group.source && <p class="hint">{t('committee.source', { source: group.source })}</p>}
      <h2>{t('committee.group.members')}</h2>
      {group.members.length ? (
        <ul>
          {group.members.map((p) => (
            <li>{p.name}</li>
          ))}
        </ul>
      ) : (
        <p>{t('committee.group.noMembers')}</p>
      )}
      {can(c, 'manageCommittee') && (
        <form
          method="post"
          action={`${committeeBase(c)}/groups/${group.id}/members`}
          class="stack"
          novalidate
        >
          <Csrf page={page} />
          <ErrorSummary page={page} errors={o.errors} />
          <ChoiceSelect
            page={page}
            name="personId"
            label={t('committee.group.person')}
            empty={t('committee.choosePerson')}
            groups={[{ options: choices.map((p) => ({ value: p.id, label: p.name })) }]}
            values={o.values}
            errors={o.errors}
          />
          <button type="submit">{t('committee.group.addMember')}</button>
        </form>
      )}
    </Layout>,
    o.errors ? 422 : 200,
  );
}

const removeForm = z.object({
  personId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
});

/** The committee page and its composition forms (focal point, zone, members, working groups). */
export const committeeRoutes = new Hono<AppEnv>()
  .get('/i/:slug/committee', viewers(), committeePage)
  .get('/i/:slug/committee/settings', managers(), (c) => settingsPage(c))
  .post('/i/:slug/committee/settings', managers(), async (c) => {
    const form = await readForm(c, settingsForm);
    if (!form.ok) return settingsPage(c, form);
    try {
      await saveCommitteeSettings(c.var.deps.db, {
        initiativeId: c.var.initiative.id,
        input: form.data,
      });
    } catch (e) {
      return settingsPage(c, { values: form.values, errors: committeeErrors(c, e) });
    }
    await audit(c, 'committee.settings_saved', {
      targetType: 'initiative',
      targetId: c.var.initiative.id,
      data: form.data,
    });
    setFlash(c, 'committee.saved');
    return c.redirect(committeeBase(c), 303);
  })
  .get('/i/:slug/committee/members/new', managers(), (c) => memberPage(c))
  .post('/i/:slug/committee/members', managers(), async (c) => {
    const form = await readForm(c, memberForm);
    if (!form.ok) return memberPage(c, form);
    try {
      const added = await addCommitteeMember(c.var.deps.db, {
        initiative: c.var.initiative,
        input: form.data,
      });
      await audit(c, 'committee.member_added', {
        targetType: 'committee_member',
        targetId: added.memberId,
        data: { ...form.data, personId: added.personId },
      });
    } catch (e) {
      return memberPage(c, { values: form.values, errors: committeeErrors(c, e) });
    }
    setFlash(c, 'committee.saved');
    return c.redirect(committeeBase(c), 303);
  })
  .post('/i/:slug/committee/members/:member/remove', managers(), async (c) => {
    const form = await readForm(c, removeForm);
    if (!form.ok) throw new AppError('invalid');
    const done = await removeCommitteeMember(c.var.deps.db, {
      initiativeId: c.var.initiative.id,
      memberId: c.req.param('member'),
      personId: form.data.personId,
    });
    if (!done) throw new AppError('not_found');
    await audit(c, 'committee.member_removed', {
      targetType: 'committee_member',
      targetId: c.req.param('member'),
      data: form.data,
    });
    setFlash(c, 'committee.member.removed');
    return c.redirect(committeeBase(c), 303);
  })
  .get('/i/:slug/committee/groups/new', managers(), (c) => groupNewPage(c))
  .post('/i/:slug/committee/groups', managers(), async (c) => {
    const form = await readForm(c, groupForm);
    if (!form.ok) return groupNewPage(c, form);
    const group = await addWorkingGroup(c.var.deps.db, {
      initiativeId: c.var.initiative.id,
      input: form.data,
    });
    await audit(c, 'committee.group_added', {
      targetType: 'working_group',
      targetId: group.id,
      data: form.data,
    });
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/groups/${group.id}`, 303);
  })
  .get('/i/:slug/committee/groups/:group', viewers(), (c) => groupPage(c))
  .post('/i/:slug/committee/groups/:group/members', managers(), async (c) => {
    const form = await readForm(c, groupMemberForm);
    if (!form.ok) return groupPage(c, form);
    try {
      const ok = await addWorkingGroupMember(c.var.deps.db, {
        initiativeId: c.var.initiative.id,
        groupId: c.req.param('group'),
        personId: form.data.personId,
      });
      if (!ok) throw new AppError('not_found');
    } catch (e) {
      if (e instanceof AppError) throw e;
      return groupPage(c, { values: form.values, errors: committeeErrors(c, e) });
    }
    await audit(c, 'committee.group_member_added', {
      targetType: 'working_group',
      targetId: c.req.param('group'),
      data: form.data,
    });
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/groups/${c.req.param('group')}`, 303);
  });
