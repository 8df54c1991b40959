import type { Context } from 'hono';
import { endSession } from '../../auth/index.ts';
import type { Platform } from '../../platform/index.ts';
import { uiFor } from '../http/page.ts';
import { CSRF_FIELD, fromOwnSite, tokenMatches } from './request-checks.ts';
import { sendPrivatePage } from './send-private-page.tsx';
import { clearSessionCookie, sessionSecretOf } from './session-cookie.ts';
import { currentSession, forbiddenForm, readUrlencoded } from './staff-route.ts';

/**
 * `POST /user/logout`: ends the session (the row is deleted, so the cookie is worthless even if
 * a copy survives) and clears the cookie. Like every form, it needs the session's token: a
 * foreign page must not be able to log staff out.
 */
export function logoutPost(platform: Platform) {
  return async (c: Context): Promise<Response> => {
    const session = await currentSession(c, platform);
    if (!session) {
      clearSessionCookie(c, platform.config.siteUrl);
      return c.redirect('/', 303);
    }
    const form = fromOwnSite(c, platform.config.siteUrl)
      ? await readUrlencoded(c, 64 * 1024).catch(() => ({}) as Record<string, unknown>)
      : undefined;
    if (!form || !tokenMatches(session.csrfToken, form[CSRF_FIELD])) {
      const ui = uiFor(c);
      return sendPrivatePage(c, platform, ui, forbiddenForm(ui), {
        name: session.actor.name ?? '',
        csrf: session.csrfToken,
      });
    }
    await endSession(platform.db, sessionSecretOf(c));
    clearSessionCookie(c, platform.config.siteUrl);
    return c.redirect('/', 303);
  };
}
