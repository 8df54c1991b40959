import type { Context } from 'hono';
import { clientAddress, RequestDataError, readMultipartInput } from '../../api/index.ts';
import { type ActiveSession, resumeSession } from '../../auth/index.ts';
import type { Actor } from '../../core/action.ts';
import { type AppError, isAppError } from '../../core/errors.ts';
import type { Platform } from '../../platform/index.ts';
import { uiFor } from '../http/page.ts';
import type { Ui } from '../i18n/ui.ts';
import { CSRF_FIELD, fromOwnSite, tokenMatches } from './request-checks.ts';
import { type PrivatePage, StatusPage, sendPrivatePage } from './send-private-page.tsx';
import { sessionSecretOf } from './session-cookie.ts';

/** What a staff page handler gets: the logged-in user, the request, and actions as that user. */
export interface StaffRequest {
  readonly platform: Platform;
  readonly ui: Ui;
  readonly url: URL;
  readonly session: ActiveSession;
  readonly actor: Actor;
  /** The token this session's forms carry (hidden field `csrf_token`). */
  readonly csrf: string;
  /** The submitted form of a POST (strings, lists of strings, `Upload`s); {} for GET. */
  readonly form: Readonly<Record<string, unknown>>;
  readonly c: Context;
  param(name: string): string;
  query(name: string): string | undefined;
  /** A form field as one trimmed string ('' when absent). */
  field(name: string): string;
  /** Every non-empty value of a repeated form field. */
  fields(name: string): string[];
  /** Calls an action as the logged-in user (its own rules decide). */
  call<T>(name: string, input: Record<string, unknown>): Promise<T>;
}

/** A handler answers with a page, a redirect (303 after a POST) or a ready response (a file). */
export type StaffResult = PrivatePage | { redirect: string } | Response;
export type StaffHandler = (req: StaffRequest) => Promise<StaffResult>;

/** The live session of a request's cookie, if any. */
export function currentSession(c: Context, platform: Platform): Promise<ActiveSession | null> {
  return resumeSession(platform.db, sessionSecretOf(c), platform.clock.now());
}

/** Where an anonymous visitor of a staff page is sent: the login form, then back here. */
export function loginRedirect(c: Context, url: URL): Response {
  const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/staff';
  return c.redirect(`/user/login?came_from=${encodeURIComponent(back)}`, 303);
}

/**
 * Wraps a staff page handler: no session → the login form; a POST must come from our own site
 * and carry the session's CSRF token (else 403) before the handler runs. Action errors become
 * pages: not_found 404, not_authorized 403, a refused input 400 with the reasons.
 */
export function staffRoute(platform: Platform, handler: StaffHandler) {
  return async (c: Context): Promise<Response> => {
    const ui = uiFor(c);
    const url = new URL(c.req.url);
    const session = await currentSession(c, platform);
    if (!session) return loginRedirect(c, url);
    const account = { name: session.actor.name ?? '', csrf: session.csrfToken };
    const send = (page: PrivatePage) => sendPrivatePage(c, platform, ui, page, account);
    let form: Record<string, unknown> = {};
    if (c.req.method === 'POST') {
      if (!fromOwnSite(c, platform.config.siteUrl)) return send(forbiddenForm(ui));
      try {
        form = await readForm(c, platform);
      } catch (error) {
        if (error instanceof RequestDataError || (isAppError(error) && error.code === 'validation'))
          return send(refused(ui, error));
        throw error;
      }
      if (!tokenMatches(session.csrfToken, form[CSRF_FIELD])) return send(forbiddenForm(ui));
    }
    const log = platform.log.child({ path: url.pathname, user: session.actor.name });
    const req: StaffRequest = {
      platform,
      ui,
      url,
      session,
      actor: session.actor,
      csrf: session.csrfToken,
      form,
      c,
      param: (name) => c.req.param(name) ?? '',
      query: (name) => {
        const v = url.searchParams.get(name)?.trim();
        return v === undefined || v === '' ? undefined : v;
      },
      field: (name) => firstString(form[name]),
      fields: (name) => allStrings(form[name]),
      call: async <T>(name: string, input: Record<string, unknown>) =>
        (await platform.registry.call(
          name,
          platform.context(session.actor, log, clientAddress(c)),
          input,
        )) as T,
    };
    let result: StaffResult;
    try {
      result = await handler(req);
    } catch (error) {
      if (!isAppError(error)) throw error;
      result = errorPage(ui, error);
    }
    if (result instanceof Response) return result;
    if ('redirect' in result) return c.redirect(result.redirect, 303);
    return send(result);
  };
}

/** Reads a POST body: multipart (files go straight into the file store) or a urlencoded form. */
async function readForm(c: Context, platform: Platform): Promise<Record<string, unknown>> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data'))
    return readMultipartInput(c, platform.files, platform.config.maxUploadBytes);
  return readUrlencoded(c, platform.config.maxBodyBytes);
}

/**
 * Reads an `application/x-www-form-urlencoded` body of at most `limit` bytes; a repeated key
 * becomes a list.
 * @throws RequestDataError 413 past the limit.
 */
export async function readUrlencoded(c: Context, limit: number): Promise<Record<string, unknown>> {
  const tooLarge = () => new RequestDataError(`request body is larger than ${limit} bytes`, 413);
  if (Number(c.req.header('content-length') ?? '0') > limit) throw tooLarge();
  // Counted while it arrives: a chunked body without a length is stopped at the limit too.
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = c.req.raw.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

function firstString(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

function allStrings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** The 403 page of a form that did not come from our pages (no or wrong token, foreign origin). */
export function forbiddenForm(ui: Ui): PrivatePage {
  return StatusPage(ui, 403, ui.t('forbiddenTitle'), ui.t('csrfRefused'));
}

function refused(ui: Ui, error: RequestDataError | AppError): PrivatePage {
  const reasons = isAppError(error) ? Object.values(error.fields ?? {}).flat() : [];
  return StatusPage(ui, 400, ui.t('badRequestTitle'), [error.message, ...reasons].join(' '));
}

/** The page of an action error a handler did not turn into a form message itself. */
export function errorPage(ui: Ui, error: AppError): PrivatePage {
  if (error.code === 'not_found')
    return StatusPage(ui, 404, ui.t('notFoundTitle'), ui.t('notFoundBody'));
  if (error.code === 'not_authorized')
    return StatusPage(ui, 403, ui.t('forbiddenTitle'), ui.t('forbiddenBody'));
  if (['validation', 'bad_request', 'conflict', 'search_query'].includes(error.code))
    return refused(ui, error);
  throw error;
}
