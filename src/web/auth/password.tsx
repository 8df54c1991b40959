import { clientAddress } from '../../api/index.ts';
import { MIN_PASSWORD_LENGTH, startSession } from '../../auth/index.ts';
import type { FieldErrors } from '../../core/errors.ts';
import type { RateLimiter } from '../../core/rate-limiter.ts';
import type { Ui } from '../i18n/ui.ts';
import { CsrfField, FormErrors, fieldErrorsOf, TextField } from '../staff/form-parts.tsx';
import { loginKey } from './login.tsx';
import { type PrivatePage, StatusPage } from './send-private-page.tsx';
import { setSessionCookie } from './session-cookie.ts';
import type { StaffRequest, StaffResult } from './staff-route.ts';

function passwordPage(ui: Ui, csrf: string, errors: FieldErrors | null): PrivatePage {
  const fields: Record<string, [string, string]> = {
    old_password: ['pw-old', ui.t('currentPassword')],
    new_password: ['pw-new', ui.t('newPassword')],
    confirm: ['pw-confirm', ui.t('confirmPassword')],
  };
  return {
    title: ui.t('changePassword'),
    status: errors ? 400 : 200,
    breadcrumbs: [{ href: '/staff', label: ui.t('staffHome') }],
    body: (
      <div class="narrow">
        <FormErrors ui={ui} errors={errors} fields={fields} />
        <form class="staff-form" method="post" action="/user/password">
          <CsrfField token={csrf} />
          <TextField
            id="pw-old"
            name="old_password"
            type="password"
            label={ui.t('currentPassword')}
            autocomplete="current-password"
            required
            error={errors?.old_password}
          />
          <TextField
            id="pw-new"
            name="new_password"
            type="password"
            label={ui.t('newPassword')}
            hint={ui.t('passwordHint', { n: MIN_PASSWORD_LENGTH })}
            autocomplete="new-password"
            required
            error={errors?.new_password}
          />
          <TextField
            id="pw-confirm"
            name="confirm"
            type="password"
            label={ui.t('confirmPassword')}
            autocomplete="new-password"
            required
            error={errors?.confirm}
          />
          <p>
            <button type="submit">{ui.t('changePassword')}</button>
          </p>
        </form>
        <p>{ui.t('passwordSessionsNote')}</p>
      </div>
    ),
  };
}

/** `GET /user/password`: the form to change one's own password. */
export async function passwordGet(req: StaffRequest): Promise<StaffResult> {
  return passwordPage(req.ui, req.csrf, null);
}

/**
 * `POST /user/password`: changes the password through `s5_user_password_change` (which ends
 * every session of the user), then starts a fresh session for this browser. Wrong current
 * passwords count against the login limit, so this form cannot be used to guess one either.
 */
export function passwordPost(limiter: RateLimiter) {
  return async (req: StaffRequest): Promise<StaffResult> => {
    const { ui } = req;
    // Passwords are taken as typed: no trimming.
    const raw = (name: string) => (typeof req.form[name] === 'string' ? req.form[name] : '');
    if (raw('new_password') !== raw('confirm'))
      return passwordPage(ui, req.csrf, { confirm: [ui.t('passwordMismatch')] });
    const key = loginKey(clientAddress(req.c), req.actor.name ?? '');
    const { allowed, retryAfterSeconds } = limiter.take(key);
    if (!allowed) {
      const page = StatusPage(
        ui,
        429,
        ui.t('tooManyTitle'),
        ui.t('tooManyLogins', { seconds: retryAfterSeconds }),
      );
      req.c.header('Retry-After', String(retryAfterSeconds));
      return page;
    }
    try {
      await req.call('s5_user_password_change', {
        old_password: raw('old_password'),
        new_password: raw('new_password'),
      });
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      return passwordPage(ui, req.csrf, errors);
    }
    limiter.reset(key);
    const started = await startSession(
      req.platform.db,
      req.actor.userId ?? '',
      req.platform.clock.now(),
    );
    setSessionCookie(req.c, req.platform.config.siteUrl, started.secret, started.expires);
    return { redirect: '/staff?done=password' };
  };
}
