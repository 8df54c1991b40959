import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../api/index.ts';
import type { Platform } from '../../platform/index.ts';
import {
  buildPackage,
  createTestUsers,
  type TestUsers,
  testBackends,
} from '../../../test/support/backends.ts';

for (const backend of testBackends()) {
  describe(`sitemap and robots.txt (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    before(async () => {
      p = await backend.open();
      u = await createTestUsers(p);
      await p.call('package_create', buildPackage({ name: 'open-aed' }), u.editor);
      await p.call(
        'package_create',
        buildPackage({ name: 'secret-plan', private: true }),
        u.editor,
      );
    });
    after(() => p.close());

    test('lists public datasets, publishers and 振興局, never a private dataset', async () => {
      const res = await createApp(p).request('/sitemap.xml');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /application\/xml/);
      const xml = await res.text();
      assert.match(
        xml,
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
      );
      assert.ok(
        xml.includes('<loc>http://s5.test/dataset/open-aed</loc><lastmod>2026-11-25</lastmod>'),
      );
      assert.ok(xml.includes('<loc>http://s5.test/organization/sapporo-shi</loc>'));
      assert.ok(xml.includes('<loc>http://s5.test/group/ishikari</loc>'));
      assert.ok(!xml.includes('secret-plan'));
    });

    test('robots.txt keeps crawlers out of the staff area and points at the sitemap', async () => {
      const text = await (await createApp(p).request('/robots.txt')).text();
      assert.match(text, /Disallow: \/staff/);
      assert.match(text, /Sitemap: http:\/\/s5\.test\/sitemap\.xml/);
    });
  });
}
