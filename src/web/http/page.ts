import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import { isAppError } from '../../core/errors.ts';
import type { Platform } from '../../platform/index.ts';
import { Layout } from '../components/layout.tsx';
import { chooseLang, LANG_COOKIE, makeUi, type Ui } from '../i18n/ui.ts';
import { ErrorPage } from '../pages/error-page.tsx';
import { securityHeaders } from './security-headers.ts';

/** What a page handler gets: the request in portal terms, and a way to call actions. */
export interface PageRequest {
  readonly platform: Platform;
  readonly ui: Ui;
  readonly url: URL;
  param(name: string): string;
  /** The first value of a query parameter, trimmed; undefined when absent or empty. */
  query(name: string): string | undefined;
  /** Every non-empty value of a repeated query parameter. */
  queries(name: string): string[];
  /**
   * Calls an action as an anonymous visitor. The result has the action's documented shape;
   * the caller names it (the registry is untyped at this boundary, as for the API).
   */
  call<T>(name: string, input: Record<string, unknown>): Promise<T>;
}

/** A rendered page: its title (for `<title>` and the `<h1>`), body and optional extras. */
export interface Page {
  title: string;
  body: Child;
  status?: 200 | 400 | 404 | 500;
  /** Extra scripts (module URLs under /static), only on pages that need them (maps). */
  scripts?: string[];
  /** Extra stylesheets (MapLibre's CSS on map pages). */
  styles?: string[];
  /** Links above the title, after ホーム; the page's own title ends the trail. */
  breadcrumbs?: Array<{ href: string; label: string }>;
  description?: string;
}

export type PageHandler = (req: PageRequest) => Promise<Page>;

/** The language of this request, remembering an explicit `?lang=` in a cookie. */
export function uiFor(c: Context): Ui {
  const queryLang = c.req.query('lang');
  const lang = chooseLang(queryLang, getCookie(c, LANG_COOKIE));
  if (queryLang === 'en' || queryLang === 'ja') {
    setCookie(c, LANG_COOKIE, lang, {
      path: '/',
      sameSite: 'Lax',
      maxAge: 365 * 24 * 3600,
      httpOnly: true,
    });
  }
  return makeUi(lang);
}

function requestOf(c: Context, platform: Platform, ui: Ui): PageRequest {
  const url = new URL(c.req.url);
  return {
    platform,
    ui,
    url,
    param: (name) => c.req.param(name) ?? '',
    query: (name) => {
      const v = url.searchParams.get(name)?.trim();
      return v === undefined || v === '' ? undefined : v;
    },
    queries: (name) =>
      url.searchParams
        .getAll(name)
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    call: async <T>(name: string, input: Record<string, unknown>) =>
      (await platform.call(name, input)) as T,
  };
}

/** Renders a page inside the layout with the security headers. */
export async function sendPage(
  c: Context,
  platform: Platform,
  ui: Ui,
  page: Page,
): Promise<Response> {
  const node = Layout({ ui, page, siteTitle: platform.site.siteTitle, path: new URL(c.req.url) });
  const html = `<!doctype html>${await node.toString()}`;
  return c.html(html, page.status ?? 200, securityHeaders(platform.config.mapTileUrl));
}

/**
 * Wraps a page handler: action errors become HTML error pages (not_found → 404, a bad query →
 * 400 with the reason); anything else goes to the app's error handler (500).
 */
export function page(platform: Platform, handler: PageHandler) {
  return async (c: Context) => {
    const ui = uiFor(c);
    let result: Page;
    try {
      result = await handler(requestOf(c, platform, ui));
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'not_found') result = ErrorPage(ui, 404);
      else if (['validation', 'bad_request', 'search_query'].includes(error.code))
        result = ErrorPage(ui, 400, error.message);
      else throw error;
    }
    return sendPage(c, platform, ui, result);
  };
}
