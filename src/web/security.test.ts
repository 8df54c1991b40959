import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testBackends } from '../../test/support/backends.ts';
import { type OpenPortal, openPortal } from './testing/open-portal.ts';
import { createHostileDataset, HOSTILE } from './testing/hostile.ts';

/** Markup that would run script if it reached the page unescaped. */
const DANGEROUS = [
  /<script(?![^>]*\bsrc="\/static\/)/i,
  /<img[^>]*onerror/i,
  /<svg[^>]*onload/i,
  /href="\s*javascript:/i,
  /href="\s*data:/i,
  /src="https?:\/\/evil/i,
];

function assertInert(html: string) {
  for (const pattern of DANGEROUS) assert.doesNotMatch(html, pattern);
}

for (const backend of testBackends()) {
  describe(`portal security (${backend.name})`, { skip: backend.skip }, () => {
    let w: OpenPortal;
    let hostile: { name: string; resourceId: string };
    before(async () => {
      w = await openPortal(backend);
      hostile = await createHostileDataset(w.p);
    });
    after(async () => {
      await w?.p.close();
    });

    it('HTML pages carry a CSP without inline script, frame-ancestors none and the other headers', async () => {
      for (const path of ['/', '/dataset/sapporo-aed', '/no-such-page']) {
        const { headers } = await w.get(path);
        const csp = headers.get('content-security-policy') ?? '';
        assert.match(csp, /script-src 'self'(;|$)/, path);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
        assert.match(csp, /frame-ancestors 'none'/, path);
        assert.match(csp, /object-src 'none'/, path);
        assert.equal(headers.get('x-content-type-options'), 'nosniff', path);
        assert.equal(headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
      }
    });

    it('pages contain no inline script and no style attribute, so the CSP can stay strict', async () => {
      for (const path of [
        '/',
        '/dataset',
        `/dataset/sapporo-aed`,
        '/coverage',
        '/plan/kpi/3b-my-number-card-rate',
      ]) {
        const { text } = await w.get(path);
        assert.doesNotMatch(text, /<script(?![^>]*\bsrc=)[^>]*>/, path);
        assert.doesNotMatch(text, /\sstyle="/, path);
        assert.doesNotMatch(text, /\son[a-z]+="/i, path);
      }
    });

    it('escapes a hostile title, notes, resource name and table cells on the dataset page', async () => {
      const { status, text } = await w.get(`/dataset/${hostile.name}`);
      assert.equal(status, 200);
      assertInert(text);
      assert.ok(text.includes('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;'));
      assert.ok(text.includes('&lt;script&gt;alert(&quot;cell&quot;)&lt;/script&gt;'));
      assert.ok(text.includes('&quot;&gt;&lt;svg onload=alert(5)&gt;'));
      assert.match(
        text,
        /<a href="https:\/\/example\.jp\/ok" rel="nofollow noopener noreferrer">正常なリンク<\/a>/,
      );
    });

    it('escapes hostile titles in search results, the home page and the organization page', async () => {
      for (const path of ['/dataset', '/']) assertInert((await w.get(path)).text);
      // These two lists certainly hold the hostile dataset (the others depend on tie order).
      for (const path of [
        `/dataset?q=${encodeURIComponent('alert')}`,
        '/organization/sapporo-shi',
      ]) {
        const { text } = await w.get(path);
        assertInert(text);
        assert.ok(text.includes('&lt;script&gt;alert(&quot;title&quot;)'), path);
      }
    });

    it('escapes what the visitor typed when it is shown back (reflected input)', async () => {
      const q = '"><script>alert(8)</script>';
      const search = await w.get(
        `/dataset?q=${encodeURIComponent(q)}&organization=${encodeURIComponent(q)}`,
      );
      const preview = await w.get(
        `/dataset/${hostile.name}?resource=${hostile.resourceId}&pq=${encodeURIComponent(q)}&psort=${encodeURIComponent(q)}`,
      );
      for (const { text } of [search, preview]) {
        assertInert(text);
        assert.ok(text.includes('&quot;&gt;&lt;script&gt;alert(8)&lt;/script&gt;'));
      }
    });

    it('language switch links never carry a javascript: URL from the request', async () => {
      const { text } = await w.get('/dataset?q=javascript:alert(9)');
      assert.match(
        text,
        /<a class="lang-switch" href="\/dataset\?q=javascript%3Aalert%289%29&amp;lang=en"/,
      );
    });

    it('static files are served with nosniff and a content type, and unknown ones are 404', async () => {
      const css = await w.app.request('/static/s5.css');
      const missing = await w.app.request('/static/../../package.json');
      const js = await w.app.request('/static/maplibre/maplibre-gl.mjs');
      assert.equal(css.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(missing.status, 404);
    });

    it('serves hostile rows as a JSON download with nosniff, never as a page', async () => {
      const res = await w.app.request(`/datastore/dump/${hostile.resourceId}?format=json`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.ok((await res.text()).includes(JSON.stringify(HOSTILE.cell).slice(1, -1)));
    });
  });
}
