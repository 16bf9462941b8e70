import { Hono } from 'hono';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm } from '../../../http/form';
import type { AppEnv } from '../../../http/types';
import { recordConsent } from '../edit-person';
import { peopleOfUser } from '../personal-data';
import { consentPurposes } from '../schema';

const withdrawSchema = z.object({ personId: z.uuid(), purpose: z.enum(consentPurposes) });

/** A person withdraws, from their data page, a consent recorded on one of their records. */
export const myConsentRoutes = new Hono<AppEnv>().post(
  '/account/data/consents',
  access.signedIn(),
  async (c) => {
    const form = await readForm(c, withdrawSchema);
    const { db } = c.var.deps;
    if (!form.ok || !(await peopleOfUser(db, c.var.user!)).includes(form.data.personId))
      throw new AppError('not_found');
    await audited(
      c,
      (tx) =>
        recordConsent(tx, {
          personId: form.data.personId,
          purpose: form.data.purpose,
          status: 'withdrawn',
          method: 'self-service',
          recordedBy: c.var.user!.id,
        }),
      {
        action: 'privacy.consent_withdrawn',
        targetType: 'person',
        targetId: form.data.personId,
        data: { purpose: form.data.purpose },
      },
    );
    setFlash(c, 'consent.withdrawn');
    return c.redirect('/account/data', 303);
  },
);
