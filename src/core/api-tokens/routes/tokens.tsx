import { isUuid } from '../../../lib/uuid';
import { Hono, type Context } from 'hono';
import type { MessageKey } from '../../../i18n/index';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { rateLimit } from '../../../http/rate-limit/rate-limit';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { fields } from '../../../lib/fields';
import { formatDateTime } from '../../../lib/format';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { coreScopes, type ApiToken, type TokenScope } from '../schema';
import { createApiToken, listApiTokens, revokeApiToken } from '../tokens';

const EXPIRY_DAYS = ['30', '90', '365'] as const;

/** Every scope a token may carry: the core's and each module's, in the module list's order. */
const scopesOf = (c: Context<AppEnv>): TokenScope[] => [
  ...coreScopes,
  ...c.var.modules.flatMap((m) => m.scopes ?? []),
];

const formOf = (scopes: TokenScope[]) => {
  const known = (s: string): s is TokenScope => (scopes as string[]).includes(s);
  return z.object({
    name: fields.text({ max: 80 }),
    scopes: z
      .union([z.string(), z.array(z.string())], { error: 'tokens.scopesRequired' })
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .refine((v) => v.length > 0 && v.every(known), 'tokens.scopesRequired')
      .transform((v) => v as TokenScope[]),
    days: z.enum(EXPIRY_DAYS, { error: 'form.required' }).transform(Number),
  });
};

function TokensPage(props: {
  page: Page;
  scopes: TokenScope[];
  tokens: ApiToken[];
  secret?: string;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { t, lang } = props.page;
  const days = typeof props.values?.days === 'string' ? props.values.days : '90';
  const submitted = props.values?.scopes;
  const chosen: string[] = props.values
    ? Array.isArray(submitted)
      ? submitted
      : submitted
        ? [submitted]
        : []
    : ['profile:read'];
  return (
    <Layout page={props.page} title={t('tokens.title')}>
      <h1>{t('tokens.title')}</h1>
      <p>{t('tokens.lead')}</p>
      {props.secret && (
        <div class="notice" role="status">
          <p>{t('tokens.created')}</p>
          <p>
            <code class="secret" data-testid="new-token">
              {props.secret}
            </code>
          </p>
        </div>
      )}
      {props.tokens.length === 0 ? (
        <p>{t('tokens.empty')}</p>
      ) : (
        <ul class="cards">
          {props.tokens.map((k) => (
            <li class="card">
              <strong>{k.name}</strong> <code>{k.prefix}…</code>
              <p>
                {k.scopes.map((s) => t(`tokens.scope.${s}` as MessageKey)).join(', ')} ·{' '}
                {t('tokens.lastUsed')}:{' '}
                {k.lastUsedAt ? formatDateTime(k.lastUsedAt, lang) : t('tokens.never')}
                {k.expiresAt && (
                  <>
                    {' '}
                    · {t('tokens.expires')}: {formatDateTime(k.expiresAt, lang)}
                  </>
                )}
              </p>
              <form method="post" action={`/account/tokens/${k.id}/revoke`}>
                <Csrf page={props.page} />
                <button type="submit" class="secondary">
                  {t('tokens.revoke')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('tokens.create')}</h2>
      <form method="post" action="/account/tokens" class="stack" novalidate>
        <Csrf page={props.page} />
        <ErrorSummary page={props.page} errors={props.errors} />
        <Field
          name="name"
          label={t('tokens.name')}
          hint={t('tokens.nameHint')}
          required
          values={props.values}
          errors={props.errors}
        />
        <fieldset aria-describedby={props.errors?.scopes ? 'f-scopes-error' : undefined}>
          <legend>{t('tokens.scopes')}</legend>
          {props.errors?.scopes && (
            <p class="error" id="f-scopes-error">
              {props.errors.scopes}
            </p>
          )}
          {props.scopes.map((s) => (
            <label class="check">
              <input type="checkbox" name="scopes" value={s} checked={chosen.includes(s)} />{' '}
              {t(`tokens.scope.${s}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="f-days">{t('tokens.expires')}</label>
          <select id="f-days" name="days">
            {EXPIRY_DAYS.map((d) => (
              <option value={d} selected={d === days}>
                {t('tokens.expiresDays', { days: d })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('tokens.create')}</button>
      </form>
    </Layout>
  );
}

export const tokenRoutes = new Hono<AppEnv>()
  .get('/account/tokens', access.signedIn(), async (c) =>
    render(
      c,
      <TokensPage
        page={pageOf(c)}
        scopes={scopesOf(c)}
        tokens={await listApiTokens(c.var.deps.db, c.var.user!.id)}
      />,
    ),
  )
  .post(
    '/account/tokens',
    access.signedIn(),
    rateLimit({ name: 'tokens', limit: 20, windowSeconds: 3600 }),
    async (c) => {
      const { db } = c.var.deps;
      const userId = c.var.user!.id;
      const form = await readForm(c, formOf(scopesOf(c)));
      if (!form.ok) {
        return render(
          c,
          <TokensPage
            scopes={scopesOf(c)}
            page={pageOf(c)}
            tokens={await listApiTokens(db, userId)}
            values={form.values}
            errors={form.errors}
          />,
          422,
        );
      }
      const { secret } = await audited(
        c,
        (tx) => createApiToken(tx, { userId, ...form.data }),
        ({ token }) => ({
          action: 'api_token.created',
          targetType: 'api_token',
          targetId: token.id,
          data: { scopes: token.scopes },
        }),
      );
      c.header('Cache-Control', 'no-store');
      return render(
        c,
        <TokensPage
          page={pageOf(c)}
          scopes={scopesOf(c)}
          tokens={await listApiTokens(db, userId)}
          secret={secret}
        />,
        201,
      );
    },
  )
  .post('/account/tokens/:id/revoke', access.signedIn(), async (c) => {
    const id = c.req.param('id');
    if (
      isUuid(id) &&
      (await audited(
        c,
        (tx) => revokeApiToken(tx, { userId: c.var.user!.id, tokenId: id }),
        (revoked) =>
          revoked ? { action: 'api_token.revoked', targetType: 'api_token', targetId: id } : null,
      ))
    ) {
      setFlash(c, 'tokens.revoked');
    }
    return c.redirect('/account/tokens', 303);
  });
