import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { clientAddress } from '../../api/index.ts';
import { logIn } from '../../auth/index.ts';
import type { RateLimiter } from '../../core/rate-limiter.ts';
import type { Platform } from '../../platform/index.ts';
import { uiFor } from '../http/page.ts';
import type { Ui } from '../i18n/ui.ts';
import { CSRF_FIELD, fromOwnSite, localPath, tokenMatches } from './request-checks.ts';
import { type PrivatePage, StatusPage, sendPrivatePage } from './send-private-page.tsx';
import { loginTokenOf, setLoginCookie, setSessionCookie } from './session-cookie.ts';
import { currentSession, forbiddenForm, readUrlencoded } from './staff-route.ts';

/** The rate limiter's key of a login attempt: the client address and the user name tried. */
export function loginKey(address: string, name: string): string {
  return `${address}\u0000${name.trim().toLowerCase()}`;
}

function LoginForm(props: {
  ui: Ui;
  token: string;
  cameFrom: string;
  name: string;
  failed: boolean;
}) {
  const { ui, token, cameFrom, name, failed } = props;
  return (
    <div class="narrow">
      <p>{ui.t('loginIntro')}</p>
      {failed ? (
        <div class="form-errors" role="alert" id="login-error">
          <p>{ui.t('loginFailed')}</p>
        </div>
      ) : null}
      <form class="staff-form" method="post" action="/user/login">
        <input type="hidden" name={CSRF_FIELD} value={token} />
        <input type="hidden" name="came_from" value={cameFrom} />
        <p>
          <label for="login-name">{ui.t('userName')}</label>
          <input
            id="login-name"
            name="name"
            type="text"
            autocomplete="username"
            required
            value={name}
            aria-describedby={failed ? 'login-error' : undefined}
          />
        </p>
        <p>
          <label for="login-password">{ui.t('password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
        </p>
        <p>
          <button type="submit">{ui.t('login')}</button>
        </p>
      </form>
    </div>
  );
}

function loginPage(ui: Ui, props: Omit<Parameters<typeof LoginForm>[0], 'ui'>): PrivatePage {
  return {
    title: ui.t('staffLogin'),
    status: props.failed ? 400 : 200,
    body: <LoginForm ui={ui} {...props} />,
  };
}

/** The login token of this browser, set as a cookie when it has none yet. */
function loginToken(c: Context, platform: Platform): string {
  const existing = loginTokenOf(c);
  if (existing.length >= 32) return existing;
  const token = randomBytes(32).toString('base64url');
  setLoginCookie(c, platform.config.siteUrl, token);
  return token;
}

/** `GET /user/login`: the login form (a logged-in user goes straight to the staff area). */
export function loginGet(platform: Platform) {
  return async (c: Context): Promise<Response> => {
    const ui = uiFor(c);
    const cameFrom = localPath(c.req.query('came_from'));
    if (await currentSession(c, platform)) return c.redirect(cameFrom, 303);
    const token = loginToken(c, platform);
    return sendPrivatePage(
      c,
      platform,
      ui,
      loginPage(ui, { token, cameFrom, name: '', failed: false }),
    );
  };
}

/**
 * `POST /user/login`: checks where the form came from and its token (a login CSRF would log the
 * victim into the attacker's account), limits attempts per address and user name, then starts a
 * session. Every failure says the same thing, so it does not reveal which user names exist.
 */
export function loginPost(platform: Platform, limiter: RateLimiter) {
  return async (c: Context): Promise<Response> => {
    const ui = uiFor(c);
    const send = (page: PrivatePage, headers?: Record<string, string>) =>
      sendPrivatePage(c, platform, ui, page, undefined, headers);
    if (!fromOwnSite(c, platform.config.siteUrl)) return send(forbiddenForm(ui));
    let body: Record<string, unknown>;
    try {
      body = await readUrlencoded(c, 64 * 1024);
    } catch {
      return send(StatusPage(ui, 400, ui.t('badRequestTitle'), ui.t('formTooLarge')));
    }
    const field = (key: string) => {
      const v = body[key];
      return typeof v === 'string' ? v : '';
    };
    const token = loginTokenOf(c);
    if (token === '' || !tokenMatches(token, field(CSRF_FIELD))) return send(forbiddenForm(ui));
    const name = field('name').trim();
    const cameFrom = localPath(field('came_from'));
    const key = loginKey(clientAddress(c), name);
    const { allowed, retryAfterSeconds } = limiter.take(key);
    if (!allowed) {
      const text = ui.t('tooManyLogins', { seconds: retryAfterSeconds });
      return send(StatusPage(ui, 429, ui.t('tooManyTitle'), text), {
        'Retry-After': String(retryAfterSeconds),
      });
    }
    const started = await logIn(platform.db, name, field('password'), platform.clock.now());
    if (!started) {
      platform.log.warn('portal login failed', {
        user: name.slice(0, 100),
        origin: clientAddress(c),
      });
      return send(loginPage(ui, { token, cameFrom, name, failed: true }));
    }
    limiter.reset(key);
    setSessionCookie(c, platform.config.siteUrl, started.secret, started.expires);
    platform.log.info('portal login', { user: name, origin: clientAddress(c) });
    return c.redirect(cameFrom, 303);
  };
}
