import type { Context } from 'hono';
import type { Platform } from '../../platform/index.ts';
import { Layout } from '../components/layout.tsx';
import type { Page } from '../http/page.ts';
import { assetUrl } from '../http/static-assets.ts';
import { securityHeaders } from '../http/security-headers.ts';
import type { Ui } from '../i18n/ui.ts';

/** Statuses of staff and login pages (a form refused, no right, too many attempts…). */
export type PrivateStatus = 200 | 400 | 403 | 404 | 409 | 429 | 500;

/** A staff or login page: a portal page with a wider choice of status. */
export type PrivatePage = Omit<Page, 'status'> & { status?: PrivateStatus };

/**
 * Renders a staff or login page in the portal's layout with its security headers. These pages
 * are about one user, so no cache may keep them (`no-store`), and the header shows who is
 * logged in with a logout button.
 */
export async function sendPrivatePage(
  c: Context,
  platform: Platform,
  ui: Ui,
  page: PrivatePage,
  account?: { name: string; csrf: string },
  headers: Record<string, string> = {},
): Promise<Response> {
  const { status, ...rest } = page;
  const node = Layout({
    ui,
    page: { ...rest, styles: [assetUrl('staff.css'), ...(page.styles ?? [])] },
    siteTitle: platform.site.siteTitle,
    path: new URL(c.req.url),
    account,
  });
  const html = `<!doctype html>${await node.toString()}`;
  return c.html(html, status ?? 200, {
    ...securityHeaders(platform.config.mapTileUrl),
    'Cache-Control': 'no-store',
    ...headers,
  });
}

/** A page that only says why the request was refused (403, 404, 429 …). */
export function StatusPage(
  ui: Ui,
  status: PrivateStatus,
  title: string,
  text: string,
): PrivatePage {
  return {
    title,
    status,
    body: (
      <div class="error-page">
        <p>{text}</p>
        <p>
          <a href="/staff">{ui.t('staffHome')}</a>
        </p>
      </div>
    ),
  };
}
