import type { FieldErrors, FormValues } from '../../../http/form';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import type { Page } from '../../../views/page';
import type { ownerChoices } from '../actions/queries';
import { ChoiceSelect } from './options';

export type Owners = Awaited<ReturnType<typeof ownerChoices>>;

/** The owner select: people first, then institutions (committee members first). */
export function OwnerSelect(props: {
  page: Page;
  owners: Owners;
  values?: FormValues | Record<string, string | undefined>;
  errors?: FieldErrors;
}) {
  const { t } = props.page;
  return (
    <ChoiceSelect
      page={props.page}
      name="owner"
      label={t('committee.action.owner')}
      empty={t('committee.action.chooseOwner')}
      groups={[
        { label: t('committee.action.ownerPeople'), options: props.owners.people },
        { label: t('committee.action.ownerInstitutions'), options: props.owners.institutions },
      ]}
      values={props.values}
      errors={props.errors}
    />
  );
}

/** A new task: title, owner, due date; hidden meeting or a chosen activity. */
export function ActionForm(props: {
  page: Page;
  action: string;
  owners: Owners;
  meetingId?: string;
  activities?: { id: string; title: string }[];
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { page } = props;
  const { t } = page;
  return (
    <form method="post" action={props.action} class="stack" novalidate>
      <Csrf page={page} />
      <ErrorSummary page={page} errors={props.errors} />
      {props.meetingId && <input type="hidden" name="meetingId" value={props.meetingId} />}
      <Field
        name="title"
        label={t('committee.action.title')}
        required
        values={props.values}
        errors={props.errors}
      />
      <OwnerSelect page={page} owners={props.owners} values={props.values} errors={props.errors} />
      <Field
        name="dueOn"
        type="date"
        label={t('committee.action.due')}
        values={props.values}
        errors={props.errors}
      />
      {props.activities && (
        <ChoiceSelect
          page={page}
          name="activityId"
          label={t('committee.action.activity')}
          empty={t('committee.action.noActivity')}
          groups={[{ options: props.activities.map((a) => ({ value: a.id, label: a.title })) }]}
          values={props.values}
          errors={props.errors}
        />
      )}
      <button type="submit">{t('committee.tasks.add')}</button>
    </form>
  );
}
