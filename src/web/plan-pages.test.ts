import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import { testBackends } from '../../test/support/backends.ts';
import { page, portalError } from './index.ts';
import { type OpenPortal, openPortal } from './testing/open-portal.ts';

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

for (const backend of testBackends()) {
  describe(`portal plan, API and language pages (${backend.name})`, { skip: backend.skip }, () => {
    let w: OpenPortal;
    before(async () => {
      w = await openPortal(backend);
    });
    after(async () => {
      await w?.p.close();
    });

    it('the plan page shows the tree of pillars and measures with links to their KPIs', async () => {
      const { status, text } = await w.get('/plan');
      assert.equal(status, 200);
      assert.match(text, /<h1>北海道Society5.0推進計画<\/h1>/);
      assert.match(text, /<h2 id="node-1">① 暮らし<\/h2>/);
      assert.match(text, /<h3 id="node-3b">\(b\) /);
      assert.match(text, /href="\/plan\/kpi\/3b-my-number-card-rate"/);
      const kpis = (await w.p.call('s5_kpi_list', {})) as unknown[];
      assert.equal(text.split('href="/plan/kpi/').length - 1, kpis.length);
    });

    it('links each published year to its report and marks the others not published', async () => {
      const { text } = await w.get('/plan');
      assert.match(text, /<a href="\/plan\/report\/2024">2024年度（令和6年度）<\/a>/);
      assert.match(textOf(text), /2025年度（令和7年度） 未公表/);
    });

    it('a KPI page shows baseline → actual → target with the grade of the newest report', async () => {
      const { text } = await w.get('/plan/kpi/3b-my-number-card-rate');
      const steps = textOf(
        text.slice(
          text.indexOf('class="kpi-steps"'),
          text.indexOf('</ol>', text.indexOf('kpi-steps')),
        ),
      );
      assert.match(steps, /基準値 20% 2020年度/);
      assert.match(steps, /実績値（2024年度） 73.2% 評価 C（達成率 66.5%）/);
      assert.match(steps, /目標値 100% 2025年度/);
    });

    it('draws the trend as an SVG chart described by a table of the same values', async () => {
      const { text } = await w.get('/plan/kpi/3b-my-number-card-rate');
      assert.match(
        text,
        /<svg viewBox="0 0 640 280" role="img" aria-labelledby="trend-table-caption-title" aria-describedby="trend-table-caption"/,
      );
      assert.equal(text.split('class="actual-point"').length - 1, 4);
      assert.match(
        textOf(text),
        /2021 38.5% 100% 23.1% D 2022 55.1% 100% 43.9% D 2023 67% 100% 58.8% C 2024 73.2% 100% 66.5% C/,
      );
    });

    it('a KPI without published values says so instead of drawing an empty chart', async () => {
      const { text } = await w.get('/plan/kpi/covid-d-notify-registrations');
      assert.equal(text.includes('<svg'), false);
      assert.match(text, /公表された年度の実績はまだありません。/);
    });

    it('a computed KPI shows its value computed from the catalog now', async () => {
      const { text } = await w.get('/plan/kpi/4a-municipalities-publishing');
      const kpis = (await w.p.call('s5_kpi_list', { node: '4a' })) as Array<{
        code: string;
        current: { value: number } | null;
      }>;
      const now = kpis.find((k) => k.code === '4a-municipalities-publishing')?.current?.value;
      assert.ok(now !== undefined && now > 0);
      assert.match(textOf(text), new RegExp(`現在値（自動算出）: ${now} 市町村`));
    });

    it('answers an unknown KPI with the HTML 404 page', async () => {
      const { status } = await w.get('/plan/kpi/no-such-kpi');
      assert.equal(status, 404);
    });

    it('the report page shows the grade summary, evaluations and KPI table of a published year', async () => {
      const { status, text } = await w.get('/plan/report/2024');
      assert.equal(status, 200);
      assert.match(text, /<h1>北海道Society5.0推進計画 2024年度点検・評価結果<\/h1>/);
      assert.match(textOf(text), /点検・評価 マイナンバーカードの交付率は着実に上昇した。/);
      assert.match(textOf(text), /道内のマイナンバーカード交付率 20%（2020） 100% 73.2% 評価 C/);
      assert.match(
        text,
        /<link rel="stylesheet" href="\/static\/print\.css\?v=[0-9a-f]+" media="print"\/>/,
      );
    });

    it('answers a year without a published report with a 404 page', async () => {
      const { status, text } = await w.get('/plan/report/2025');
      assert.equal(status, 404);
      assert.match(text, /ページが見つかりません/);
    });

    it('the print stylesheet sets A4 pages and hides navigation', async () => {
      const res = await w.app.request('/static/print.css');
      const css = await res.text();
      assert.match(css, /@page \{\s*size: A4;/);
      assert.match(css, /\.site-header,\s*\.site-footer,[^{]*\{\s*display: none;/);
      assert.equal(res.headers.get('content-type'), 'text/css; charset=utf-8');
    });

    it("/api is a guide for browsers and CKAN's version answer for API clients", async () => {
      const html = await w.get('/api');
      const json = await w.app.request('/api', { headers: { accept: 'application/json' } });
      assert.match(html.text, /href="\/api\/openapi\.json"/);
      assert.match(
        html.text,
        /curl -g &#39;http:\/\/s5\.test\/api\/3\/action\/datastore_search\?resource_id=/,
      );
      assert.deepEqual(await json.json(), { version: 3 });
    });

    it('renders the reference of every action, with its method, in the page', async () => {
      const { text } = await w.get('/api');
      for (const action of w.p.registry.list()) {
        assert.ok(text.includes(`id="action-${action.name}"`), action.name);
      }
      assert.match(text, /id="action-package_create"><th scope="row">.*?<td>POST<\/td>/s);
      assert.match(text, /id="action-package_search"><th scope="row">.*?<td>GET \/ POST<\/td>/s);
    });

    it('every example on the API page answers successfully', async () => {
      const { text } = await w.get('/api');
      const links = [...text.matchAll(/<a href="(\/(?:api|datastore)\/[^"]+)">/g)]
        .map((m) => (m[1] ?? '').replaceAll('&amp;', '&').replaceAll('&quot;', '"'))
        .filter((l) => l !== '/api/openapi.json');
      assert.ok(links.length >= 7);
      for (const link of links) {
        const res = await w.app.request(link);
        assert.equal(res.status, 200, link);
      }
    });

    it('switches to English with ?lang=en, remembers it in a cookie and sets <html lang>', async () => {
      const first = await w.get('/organization/sapporo-shi?lang=en');
      const cookie = first.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^s5_lang=en; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/);
      assert.match(first.text, /<html lang="en">/);
      assert.match(first.text, /<h1>Sapporo City<\/h1>/);
      const next = await w.get('/dataset', { cookie: 's5_lang=en' });
      assert.match(next.text, /<html lang="en">/);
      assert.match(next.text, /<label for="search-q">Keywords<\/label>/);
      assert.match(
        next.text,
        /<a class="lang-switch" href="\/dataset\?lang=ja" lang="ja" hreflang="ja"/,
      );
    });

    it('is Japanese by default', async () => {
      const { text } = await w.get('/dataset');
      assert.match(text, /<html lang="ja">/);
      assert.match(text, /<a class="skip-link" href="#main">本文へ移動<\/a>/);
    });

    it('unknown portal paths get the HTML 404 page, API paths keep JSON', async () => {
      const html = await w.get('/no/such/page');
      const api = await w.app.request('/api/3/nothing');
      assert.equal(html.status, 404);
      assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(api.status, 404);
      assert.match(api.headers.get('content-type') ?? '', /^application\/json/);
    });

    it('an unexpected failure on a portal page answers the HTML 500 page without details', async () => {
      const app = new Hono();
      app.get(
        '/boom',
        page(w.p, async () => {
          throw new Error('secret internals');
        }),
      );
      app.onError((_e, c) => portalError(c, w.p) ?? c.text('fallback', 500));
      const res = await app.request('/boom');
      const text = await res.text();
      assert.equal(res.status, 500);
      assert.match(text, /<h1>エラーが発生しました<\/h1>/);
      assert.equal(text.includes('secret internals'), false);
    });
  });
}
