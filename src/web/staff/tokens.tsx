import type { FieldErrors } from '../../core/errors.ts';
import type { PrivatePage } from '../auth/send-private-page.tsx';
import type { StaffRequest, StaffResult } from '../auth/staff-route.ts';
import { CsrfField, DoneNote, FormErrors, fieldErrorsOf, TextField } from './form-parts.tsx';
import type { TokenDict } from './staff-results.ts';

/**
 * The API tokens page: the user's tokens (never their secrets), a form to create one — its
 * secret is shown on the answer page once and stored only as a hash — and revoke buttons.
 */
async function tokensPage(
  req: StaffRequest,
  extra: { created?: { name: string; token: string }; errors?: FieldErrors | null } = {},
): Promise<PrivatePage> {
  const { ui } = req;
  const tokens = await req.call<TokenDict[]>('api_token_list', {});
  return {
    title: ui.t('apiTokens'),
    status: extra.errors ? 400 : 200,
    breadcrumbs: [{ href: '/staff', label: ui.t('staffHome') }],
    body: (
      <div>
        <DoneNote ui={ui} done={req.query('done')} messages={{ revoked: ui.t('tokenRevoked') }} />
        {extra.created ? (
          <section aria-labelledby="new-token" class="warning-note">
            <h2 id="new-token">{ui.t('tokenCreated', { name: extra.created.name })}</h2>
            <p>{ui.t('tokenShownOnce')}</p>
            <p class="secret" id="token-secret">
              {extra.created.token}
            </p>
          </section>
        ) : null}
        <p>{ui.t('tokensIntro')}</p>
        {tokens.length === 0 ? (
          <p>{ui.t('noTokens')}</p>
        ) : (
          <table class="data-table">
            <caption>{ui.t('yourTokens')}</caption>
            <thead>
              <tr>
                <th scope="col">{ui.t('name')}</th>
                <th scope="col">{ui.t('created')}</th>
                <th scope="col">{ui.t('lastUsed')}</th>
                <th scope="col">{ui.t('manage')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr>
                  <td>{t.name}</td>
                  <td>{ui.date(t.created_at)}</td>
                  <td>{t.last_access ? ui.date(t.last_access) : '—'}</td>
                  <td>
                    <form class="inline-form" method="post" action="/staff/tokens/revoke">
                      <CsrfField token={req.csrf} />
                      <input type="hidden" name="jti" value={t.id} />
                      <button
                        type="submit"
                        class="danger"
                        aria-label={ui.t('revokeTokenNamed', { name: t.name })}
                      >
                        {ui.t('revoke')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <section aria-labelledby="create-token">
          <h2 id="create-token">{ui.t('createToken')}</h2>
          <FormErrors
            ui={ui}
            errors={extra.errors}
            fields={{ name: ['token-name', ui.t('name')] }}
          />
          <form class="staff-form" method="post" action="/staff/tokens">
            <CsrfField token={req.csrf} />
            <TextField
              id="token-name"
              name="name"
              label={ui.t('name')}
              hint={ui.t('tokenNameHint')}
              required
              error={extra.errors?.name}
            />
            <p>
              <button type="submit">{ui.t('createToken')}</button>
            </p>
          </form>
        </section>
      </div>
    ),
  };
}

/** `GET /staff/tokens`. */
export async function tokensGet(req: StaffRequest): Promise<StaffResult> {
  return tokensPage(req);
}

/** `POST /staff/tokens`: api_token_create for oneself; the answer shows the secret once. */
export async function tokenCreate(req: StaffRequest): Promise<StaffResult> {
  const name = req.field('name');
  try {
    const { token } = await req.call<{ token: string }>('api_token_create', {
      user: req.actor.userId ?? '',
      name,
    });
    return tokensPage(req, { created: { name, token } });
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (!errors) throw error;
    return tokensPage(req, { errors });
  }
}

/** `POST /staff/tokens/revoke`: api_token_revoke by id. */
export async function tokenRevoke(req: StaffRequest): Promise<StaffResult> {
  await req.call('api_token_revoke', { jti: req.field('jti') });
  return { redirect: '/staff/tokens?done=revoked' };
}
