import type { Context } from 'hono';
import { anonymous } from '../../core/action.ts';
import type { Platform } from '../../platform/index.ts';

/** The sitemap protocol's limit of URLs per file. */
const MAX_URLS = 50_000;
const PAGE = 1000;

interface Entry {
  loc: string;
  lastmod?: string;
}

const xmlEscape = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
  );

/**
 * `/sitemap.xml`: the portal's public pages for search engines — every public dataset (as an
 * anonymous visitor sees them, so nothing private can appear), publishers, 振興局 and the plan.
 */
export function sitemapHandler(platform: Platform) {
  const call = <T>(name: string, input: unknown) =>
    platform.call(name, input, anonymous) as Promise<T>;
  return async (c: Context) => {
    const site = platform.site.siteUrl;
    const entries: Entry[] = [
      '/',
      '/dataset',
      '/organization',
      '/group',
      '/coverage',
      '/plan',
      '/api',
    ].map((p) => ({ loc: `${site}${p}` }));
    for (let start = 0; entries.length < MAX_URLS; start += PAGE) {
      const page = await call<{
        count: number;
        results: Array<{ name: string; metadata_modified: string }>;
      }>('package_search', {
        q: '',
        rows: PAGE,
        start,
        sort: 'name asc',
      });
      for (const d of page.results) {
        entries.push({
          loc: `${site}/dataset/${encodeURIComponent(d.name)}`,
          lastmod: d.metadata_modified.slice(0, 10),
        });
      }
      if (start + PAGE >= page.count || page.results.length === 0) break;
    }
    for (const name of await call<string[]>('organization_list', { limit: 1000 })) {
      entries.push({ loc: `${site}/organization/${encodeURIComponent(name)}` });
    }
    for (const name of await call<string[]>('group_list', {})) {
      entries.push({ loc: `${site}/group/${encodeURIComponent(name)}` });
    }
    const years = await call<Array<{ fiscal_year: number; status: string }>>(
      's5_report_list',
      {},
    ).catch(() => []);
    for (const y of years) {
      if (y.status === 'published') entries.push({ loc: `${site}/plan/report/${y.fiscal_year}` });
    }
    const body = entries
      .slice(0, MAX_URLS)
      .map(
        (e) =>
          `<url><loc>${xmlEscape(e.loc)}</loc>${e.lastmod ? `<lastmod>${xmlEscape(e.lastmod)}</lastmod>` : ''}</url>`,
      )
      .join('\n');
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
      200,
      { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
    );
  };
}

/** `/robots.txt`: everything public may be crawled except the staff area; points at the sitemap. */
export function robotsHandler(platform: Platform) {
  return (c: Context) =>
    c.text(
      `User-agent: *\nDisallow: /staff\nDisallow: /user/\nSitemap: ${platform.site.siteUrl}/sitemap.xml\n`,
    );
}
