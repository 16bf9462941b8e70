/**
 * The action-item and activity forms' shapes. An owner is chosen from one list that holds people
 * (`person:<id>`) and institutions (`institution:<id>`).
 *
 * @example
 * const form = await readForm(c, actionForm);
 */
import { z } from 'zod';
import { fields } from '../../../lib/fields';
import { blankToUndefined } from '../../network/index';
import { actionStatuses, activityStatuses } from '../schema';

export type Owner = { personId: string | null; institutionId: string | null };

const ownerField = z
  .string({ error: 'form.required' })
  .regex(/^(person|institution):[0-9a-f-]{36}$/i, 'committee.action.chooseOwner')
  .transform((v): Owner => {
    const [kind, id] = v.split(':') as [string, string];
    return kind === 'person'
      ? { personId: id, institutionId: null }
      : { personId: null, institutionId: id };
  });

const optionalDay = z.preprocess(blankToUndefined, z.iso.date('form.invalidDate').optional());
const optionalId = z.preprocess(blankToUndefined, z.uuid('form.invalid').optional());

export const actionForm = z.object({
  title: fields.text({ max: 300 }),
  owner: ownerField,
  dueOn: optionalDay,
  meetingId: optionalId,
  activityId: optionalId,
});
export type ActionInput = z.output<typeof actionForm>;

export const actionUpdateForm = z.object({
  status: z.enum(actionStatuses, { error: 'form.required' }),
  owner: ownerField,
  dueOn: optionalDay,
});
export type ActionUpdateInput = z.output<typeof actionUpdateForm>;

export const statusForm = z.object({ status: z.enum(actionStatuses, { error: 'form.required' }) });

export const commentForm = z.object({ body: fields.text({ max: 4000 }) });

export const activityForm = z
  .object({
    title: fields.text({ max: 300 }),
    startsOn: optionalDay,
    endsOn: optionalDay,
    status: z.enum(activityStatuses, { error: 'form.required' }),
    editionId: optionalId,
  })
  .refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
    path: ['endsOn'],
    message: 'committee.meeting.endBeforeStart',
  });
export type ActivityInput = z.output<typeof activityForm>;
