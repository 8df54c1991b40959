import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** The session cookie: its value is the session secret, whose SHA-256 names the row. */
export const SESSION_COOKIE = 's5_session';
/** Before login there is no session: the login form's token is bound to this cookie instead. */
export const LOGIN_COOKIE = 's5_login';

/** Cookies are `Secure` when the site is served over HTTPS (config.siteUrl). */
function secureFor(siteUrl: string): boolean {
  return siteUrl.startsWith('https:');
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, lasting to the session's end. */
export function setSessionCookie(c: Context, siteUrl: string, secret: string, expires: Date): void {
  setCookie(c, SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureFor(siteUrl),
    expires,
  });
}

export function clearSessionCookie(c: Context, siteUrl: string): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureFor(siteUrl) });
}

export function sessionSecretOf(c: Context): string {
  return getCookie(c, SESSION_COOKIE) ?? '';
}

/** The login form's token cookie (a browser-session cookie, HttpOnly, SameSite=Lax). */
export function setLoginCookie(c: Context, siteUrl: string, token: string): void {
  setCookie(c, LOGIN_COOKIE, token, {
    path: '/user/login',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureFor(siteUrl),
  });
}

export function loginTokenOf(c: Context): string {
  return getCookie(c, LOGIN_COOKIE) ?? '';
}
