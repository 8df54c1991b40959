import type { Context, Hono } from 'hono';
import type { Platform } from '../platform/index.ts';
import { page, sendPage, uiFor } from './http/page.ts';
import { mountAuth } from './auth/mount-auth.ts';
import { mountStaff } from './staff/mount-staff.ts';
import { robotsHandler, sitemapHandler } from './http/sitemap.ts';
import { staticHandler } from './http/static-assets.ts';
import { apiGuidePage } from './pages/api-guide.tsx';
import { coveragePage } from './pages/coverage.tsx';
import { datasetSearchPage } from './pages/dataset-search.tsx';
import { datasetShowPage } from './pages/dataset-show.tsx';
import { ErrorPage } from './pages/error-page.tsx';
import { groupListPage, groupShowPage } from './pages/group.tsx';
import { homePage } from './pages/home.tsx';
import { kpiPage } from './pages/kpi.tsx';
import { organizationListPage, organizationShowPage } from './pages/organization.tsx';
import { planPage } from './pages/plan.tsx';
import { reportPage } from './pages/report.tsx';

/**
 * Adds the public portal's routes to the app. Mount it after the API, download, dump and DCAT
 * routes: those answer their own paths first, and the portal takes what is left.
 */
export function mountPortal(app: Hono, platform: Platform): void {
  const p = (handler: Parameters<typeof page>[1]) => page(platform, handler);
  app.get('/static/*', staticHandler);
  app.get('/sitemap.xml', sitemapHandler(platform));
  app.get('/robots.txt', robotsHandler(platform));
  app.get('/', p(homePage));
  app.get('/dataset', p(datasetSearchPage));
  app.get('/dataset/:id', p(datasetShowPage));
  app.get('/organization', p(organizationListPage));
  app.get('/organization/:id', p(organizationShowPage));
  app.get('/group', p(groupListPage));
  app.get('/group/:id', p(groupShowPage));
  app.get('/coverage', p(coveragePage));
  app.get('/plan', p(planPage));
  app.get('/plan/kpi/:id', p(kpiPage));
  app.get('/plan/report/:year', p(reportPage));
  app.get('/api', p(apiGuidePage));
  // Login and the staff area (src/web/auth, src/web/staff): pages about one logged-in user.
  mountAuth(app, platform);
  mountStaff(app, platform);
}

/** Paths that belong to machines (JSON, files, RDF): their errors are never HTML pages. */
function isMachinePath(path: string): boolean {
  return (
    path.startsWith('/api/') ||
    path.startsWith('/datastore/') ||
    path.startsWith('/catalog') ||
    path.startsWith('/static/') ||
    /^\/dataset\/[^/]+\/resource\//.test(path) ||
    /\.(ttl|jsonld|rdf|xml|json|csv)$/.test(path)
  );
}

/** The HTML 404 page for a portal path; undefined for API and file paths (they keep JSON). */
export function portalNotFound(c: Context, platform: Platform): Promise<Response> | undefined {
  if (isMachinePath(c.req.path)) return undefined;
  const ui = uiFor(c);
  return sendPage(c, platform, ui, ErrorPage(ui, 404));
}

/** The HTML 500 page for a portal path (the error itself is logged by the caller). */
export function portalError(c: Context, platform: Platform): Promise<Response> | undefined {
  if (isMachinePath(c.req.path)) return undefined;
  const ui = uiFor(c);
  return sendPage(c, platform, ui, ErrorPage(ui, 500));
}

/** Whether a request to `/api` comes from a browser (HTML page) rather than an API client. */
export function wantsHtml(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('text/html');
}
