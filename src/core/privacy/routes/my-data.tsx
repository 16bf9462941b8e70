import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audit } from '../../../http/audit';
import { readForm } from '../../../http/form';
import { setFlash } from '../../../http/flash';
import { rateLimit } from '../../../http/rate-limit/rate-limit';
import { render } from '../../../http/render';
import { endSession } from '../../../http/session';
import type { AppEnv } from '../../../http/types';
import { pageOf } from '../../../views/page';
import { verifyPassword } from '../../accounts/password';
import {
  collectParts,
  collectPersonalData,
  dataSubjectOf,
  erasePersonalData,
  personalDataCsv,
} from '../personal-data';
import { ErasePage } from '../views/erase-page';
import { MyDataPage } from '../views/my-data-page';

const eraseSchema = z.object({ password: z.string().min(1, 'form.required') });

async function exportData(c: Context<AppEnv>, format: 'json' | 'csv') {
  const data = await collectPersonalData(c.var.deps.db, c.var.modules, c.var.user!);
  await audit(c, 'privacy.exported', {
    targetType: 'user',
    targetId: c.var.user!.id,
    data: { format },
  });
  const day = new Date().toISOString().slice(0, 10);
  c.header('Content-Disposition', `attachment; filename="convoca-my-data-${day}.${format}"`);
  c.header('Cache-Control', 'no-store');
  if (format === 'json') return c.json(data);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  return c.body(personalDataCsv(data));
}

/**
 * A signed-in person's data: seen on one page (every module's part), downloaded as JSON or CSV,
 * and erased after confirming with their password.
 */
export const myDataRoutes = new Hono<AppEnv>()
  .get('/account/data', access.signedIn(), async (c) => {
    const { db } = c.var.deps;
    const user = c.var.user!;
    const parts = await collectParts(
      db,
      c.var.modules,
      await dataSubjectOf(db, c.var.modules, user),
    );
    const page = pageOf(c);
    const own = new Map(
      parts.map((p) => [p.module.name, p.module.sections?.accountData?.({ page, data: p.data })]),
    );
    return render(c, <MyDataPage page={page} user={user} parts={parts} own={own} />);
  })
  .get('/account/data.json', access.signedIn(), (c) => exportData(c, 'json'))
  .get('/account/data.csv', access.signedIn(), (c) => exportData(c, 'csv'))
  .get('/account/data/erase', access.signedIn(), (c) => render(c, <ErasePage page={pageOf(c)} />))
  .post(
    '/account/data/erase',
    access.signedIn(),
    rateLimit({ name: 'erase', limit: 10, windowSeconds: 900 }),
    async (c) => {
      const form = await readForm(c, eraseSchema);
      if (!form.ok) return render(c, <ErasePage page={pageOf(c)} errors={form.errors} />, 422);
      const user = c.var.user!;
      if (!(await verifyPassword(user.passwordHash, form.data.password)))
        return render(
          c,
          <ErasePage page={pageOf(c)} errors={{ password: c.var.t('privacy.wrongPassword') }} />,
          422,
        );
      await erasePersonalData(c.var.deps.db, c.var.modules, user, {
        ip: c.var.clientIp,
        userAgent: c.req.header('user-agent'),
      });
      await endSession(c);
      setFlash(c, 'privacy.erased');
      return c.redirect('/', 303);
    },
  );
