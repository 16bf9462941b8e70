import { inputErrorsOrThrow } from '../../../http/input-error';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { listInstitutionChoices } from '../../network/index';
import { addCommitteeMember } from '../add-committee-member';
import { addWorkingGroup, addWorkingGroupMember } from '../add-working-group';
import { checkIgfRules } from '../check-igf-rules';
import { groupForm, groupMemberForm, memberForm, settingsForm } from '../committee-input';
import { listPeopleChoices, loadCommittee } from '../queries';
import { removeCommitteeMember } from '../remove-committee-member';
import { saveCommitteeSettings } from '../save-committee-settings';
import { ChoiceSelect } from '../views/options';
import { CommitteeView, MemberFormView } from '../views/committee-view';
import { can, committeeBase, managers, viewers } from './committee-context';

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
    <CommitteeView
      page={page}
      title={title}
      base={base}
      manage={manage}
      committee={committee}
      check={check}
    />,
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
  const base = committeeBase(c);
  const initiativeName = c.var.initiative.name;
  return render(
    c,
    <MemberFormView
      page={page}
      title={title}
      base={base}
      initiativeName={initiativeName}
      institutions={institutions}
      choices={choices}
      values={o.values}
      errors={o.errors}
    />,
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
      await audited(
        c,
        (tx) => saveCommitteeSettings(tx, { initiativeId: c.var.initiative.id, input: form.data }),
        {
          action: 'committee.settings_saved',
          targetType: 'initiative',
          targetId: c.var.initiative.id,
          data: form.data,
        },
      );
    } catch (e) {
      return settingsPage(c, { values: form.values, errors: inputErrorsOrThrow(c, e) });
    }
    setFlash(c, 'committee.saved');
    return c.redirect(committeeBase(c), 303);
  })
  .get('/i/:slug/committee/members/new', managers(), (c) => memberPage(c))
  .post('/i/:slug/committee/members', managers(), async (c) => {
    const form = await readForm(c, memberForm);
    if (!form.ok) return memberPage(c, form);
    try {
      await audited(
        c,
        (tx) => addCommitteeMember(tx, { initiative: c.var.initiative, input: form.data }),
        (added) => ({
          action: 'committee.member_added',
          targetType: 'committee_member',
          targetId: added.memberId,
          data: { ...form.data, personId: added.personId },
        }),
      );
    } catch (e) {
      return memberPage(c, { values: form.values, errors: inputErrorsOrThrow(c, e) });
    }
    setFlash(c, 'committee.saved');
    return c.redirect(committeeBase(c), 303);
  })
  .post('/i/:slug/committee/members/:member/remove', managers(), async (c) => {
    const form = await readForm(c, removeForm);
    if (!form.ok) throw new AppError('invalid');
    const done = await audited(
      c,
      (tx) =>
        removeCommitteeMember(tx, {
          initiativeId: c.var.initiative.id,
          memberId: c.req.param('member'),
          personId: form.data.personId,
        }),
      (done) =>
        done
          ? {
              action: 'committee.member_removed',
              targetType: 'committee_member',
              targetId: c.req.param('member'),
              data: form.data,
            }
          : null,
    );
    if (!done) throw new AppError('not_found');
    setFlash(c, 'committee.member.removed');
    return c.redirect(committeeBase(c), 303);
  })
  .get('/i/:slug/committee/groups/new', managers(), (c) => groupNewPage(c))
  .post('/i/:slug/committee/groups', managers(), async (c) => {
    const form = await readForm(c, groupForm);
    if (!form.ok) return groupNewPage(c, form);
    const group = await audited(
      c,
      (tx) => addWorkingGroup(tx, { initiativeId: c.var.initiative.id, input: form.data }),
      (group) => ({
        action: 'committee.group_added',
        targetType: 'working_group',
        targetId: group.id,
        data: form.data,
      }),
    );
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/groups/${group.id}`, 303);
  })
  .get('/i/:slug/committee/groups/:group', viewers(), (c) => groupPage(c))
  .post('/i/:slug/committee/groups/:group/members', managers(), async (c) => {
    const form = await readForm(c, groupMemberForm);
    if (!form.ok) return groupPage(c, form);
    try {
      const ok = await audited(
        c,
        (tx) =>
          addWorkingGroupMember(tx, {
            initiativeId: c.var.initiative.id,
            groupId: c.req.param('group'),
            personId: form.data.personId,
          }),
        (ok) =>
          ok
            ? {
                action: 'committee.group_member_added',
                targetType: 'working_group',
                targetId: c.req.param('group'),
                data: form.data,
              }
            : null,
      );
      if (!ok) throw new AppError('not_found');
    } catch (e) {
      if (e instanceof AppError) throw e;
      return groupPage(c, { values: form.values, errors: inputErrorsOrThrow(c, e) });
    }
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/groups/${c.req.param('group')}`, 303);
  });
