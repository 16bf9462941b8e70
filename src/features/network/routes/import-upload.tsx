import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDateTime } from '../../../lib/format';
import { Csrf, Notice } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { createPeopleImport } from '../import/create-people-import';
import { MAX_BYTES, parsePeopleFile, type ParseError } from '../import/parse-file';
import { findImport, listImports, updateImport } from '../import/queries';
import { importTargets, type ImportTarget, type PeopleImport } from '../import/schema';
import { networkPermissions } from '../permissions';

const manage = () => access.initiative(networkPermissions.managePeople);

async function uploadPage(
  c: Context<AppEnv>,
  error?: ParseError | 'tooBig',
  status: 200 | 422 = 200,
) {
  const page = pageOf(c);
  const { t, lang } = page;
  const initiative = c.var.initiative;
  const recent = await listImports(c.var.deps.db, initiative.id);
  return render(
    c,
    <Layout page={page} title={t('import.title')}>
      <p>
        <a href={`/i/${initiative.slug}/people`}>
          {t('network.people.title', { name: initiative.name })}
        </a>
      </p>
      <h1>{t('import.title')}</h1>
      <p>{t('import.lead')}</p>
      <form
        method="post"
        action={`/i/${initiative.slug}/people/import`}
        enctype="multipart/form-data"
        class="stack"
      >
        <Csrf page={page} />
        <div class={error ? 'field has-error' : 'field'}>
          <label for="f-file">{t('import.file')}</label>
          <p class="hint" id="f-file-hint">
            {t('import.fileHint')}
          </p>
          {error && (
            <p class="error" id="f-file-error">
              {t(`import.error.${error}`)}
            </p>
          )}
          <input
            id="f-file"
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            aria-describedby={error ? 'f-file-hint f-file-error' : 'f-file-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit">{t('import.upload')}</button>
      </form>
      {recent.length > 0 && (
        <>
          <h2>{t('import.recent')}</h2>
          <ul>
            {recent.map((r) => (
              <li>
                <a href={`/i/${initiative.slug}/imports/${r.id}`}>{r.filename}</a> —{' '}
                {t(`import.status.${r.status}`)} ({formatDateTime(r.createdAt, lang)})
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>,
    status,
  );
}

export const importUploadRoutes = new Hono<AppEnv>()
  .get('/i/:slug/people/import', manage(), (c) => uploadPage(c))
  .post('/i/:slug/people/import', manage(), async (c) => {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return uploadPage(c, 'empty', 422);
    if (file.size > MAX_BYTES) return uploadPage(c, 'tooBig', 422);
    const parsed = await parsePeopleFile({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    if ('error' in parsed) return uploadPage(c, parsed.error, 422);
    const id = await audited(
      c,
      (tx) =>
        createPeopleImport(tx, {
          initiativeId: c.var.initiative.id,
          userId: c.var.user!.id,
          filename: file.name,
          headers: parsed.headers,
          rows: parsed.rows,
        }),
      (id) => ({
        action: 'people.import_uploaded',
        targetType: 'import',
        targetId: id,
        data: { rows: parsed.rows.length },
      }),
    );
    return c.redirect(`/i/${c.var.initiative.slug}/imports/${id}`, 303);
  })
  .post('/i/:slug/imports/:id/mapping', manage(), async (c) => {
    const imp = await findImport(c.var.deps.db, {
      id: c.req.param('id'),
      initiativeId: c.var.initiative.id,
    });
    if (!imp || !['mapping', 'review'].includes(imp.status)) throw new AppError('not_found');
    const body = await c.req.parseBody();
    const mapping: Partial<Record<ImportTarget, number>> = {};
    for (const target of importTargets) {
      const raw = body[target];
      const column = typeof raw === 'string' && raw !== '' ? Number(raw) : NaN;
      if (Number.isInteger(column) && column >= 0 && column < imp.headers.length)
        mapping[target] = column;
    }
    if (mapping.name === undefined) {
      await updateImport(c.var.deps.db, imp.id, { mapping, status: 'mapping' });
      return c.redirect(`/i/${c.var.initiative.slug}/imports/${imp.id}?error=name`, 303);
    }
    await updateImport(c.var.deps.db, imp.id, { mapping, status: 'review', decisions: {} });
    return c.redirect(`/i/${c.var.initiative.slug}/imports/${imp.id}`, 303);
  });

/** The column-matching form, shown while an import is in `mapping`. */
export function MappingForm(props: { c: Context<AppEnv>; imp: PeopleImport }) {
  const page = pageOf(props.c);
  const { t } = page;
  const { imp } = props;
  const initiative = props.c.var.initiative;
  const missingName = props.c.req.query('error') === 'name';
  return (
    <Layout page={page} title={t('import.mapping.title')}>
      <h1>{t('import.mapping.title')}</h1>
      <p>{imp.filename}</p>
      <p>{t('import.mapping.lead')}</p>
      {missingName && <Notice kind="error">{t('import.mapping.nameRequired')}</Notice>}
      <form method="post" action={`/i/${initiative.slug}/imports/${imp.id}/mapping`} class="stack">
        <Csrf page={page} />
        {importTargets.map((target) => {
          const chosen = imp.mapping[target];
          const sample =
            chosen !== undefined ? imp.rows.find((r) => r[chosen])?.[chosen] : undefined;
          return (
            <div class="field">
              <label for={`f-${target}`}>{t(`import.target.${target}`)}</label>
              {sample && (
                <p class="hint" id={`f-${target}-hint`}>
                  {t('import.mapping.example', { value: sample })}
                </p>
              )}
              <select
                id={`f-${target}`}
                name={target}
                aria-describedby={sample ? `f-${target}-hint` : undefined}
              >
                <option value="">{t('import.mapping.none')}</option>
                {imp.headers.map((h, i) => (
                  <option value={String(i)} selected={chosen === i}>
                    {h || `#${i + 1}`}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <button type="submit">{t('import.mapping.submit')}</button>
      </form>
    </Layout>
  );
}
