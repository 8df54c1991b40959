import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import iconv from 'iconv-lite';
import type { Platform } from '../platform/index.ts';
import { createTestUsers, type TestUsers, testBackends } from '../../test/support/backends.ts';
import { createExportTable } from '../datastore/export/export-testing.ts';
import { openDatastorePlatform } from '../datastore/testing/fixtures.ts';
import { createApp } from './create-app.ts';

for (const backend of testBackends()) {
  describe(`GET /datastore/dump on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let app: Hono;
    let u: TestUsers;
    let id: string;
    let privateId: string;
    before(async () => {
      p = await openDatastorePlatform(backend);
      app = createApp(p);
      u = await createTestUsers(p);
      id = await createExportTable(p, u);
      privateId = await createExportTable(p, u, { private: true });
    });
    after(() => p?.close());

    it('streams CSV by default, as CKAN, with an RFC 5987 Japanese file name', async () => {
      const res = await app.request(`/datastore/dump/${id}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(
        res.headers.get('content-disposition'),
        `attachment; filename="download.csv"; filename*=UTF-8''${encodeURIComponent('テーブル.csv')}`,
      );
      const text = await res.text();
      assert.ok(text.startsWith('_id,名称,人数,緯度,経度,備考,金額\r\n1,札幌市役所,'));
    });

    it('adds a byte order mark for bom=true', async () => {
      const res = await app.request(`/datastore/dump/${id}?bom=true`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    });

    it('reports in a header how many characters CP932 lacks in a csv-cp932 download', async () => {
      const res = await app.request(`/datastore/dump/${id}?format=csv-cp932`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/csv; charset=Shift_JIS');
      assert.equal(res.headers.get('x-s5-unmappable-count'), '2');
      const text = iconv.decode(Buffer.from(await res.arrayBuffer()), 'cp932');
      assert.ok(text.includes('2,"〓野家, ""本店""",'));
    });

    it('serves each format with its media type', async () => {
      const types: Record<string, string> = {};
      for (const format of ['tsv', 'json', 'geojson', 'xlsx']) {
        const res = await app.request(`/datastore/dump/${id}?format=${format}`);
        assert.equal(res.status, 200, format);
        await res.arrayBuffer();
        types[format] = res.headers.get('content-type') ?? '';
      }
      assert.deepEqual(types, {
        tsv: 'text/tab-separated-values; charset=utf-8',
        json: 'application/json; charset=utf-8',
        geojson: 'application/geo+json',
        xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    });

    it('answers 404 for a private table to anonymous callers and other organizations', async () => {
      const anonymous = await app.request(`/datastore/dump/${privateId}`);
      const other = await app.request(`/datastore/dump/${privateId}`, {
        headers: { Authorization: u.tokens.otherOrgEditor },
      });
      assert.deepEqual([anonymous.status, other.status], [404, 404]);
    });

    it('serves a private table to a member of its organization', async () => {
      const res = await app.request(`/datastore/dump/${privateId}?format=json`, {
        headers: { Authorization: u.tokens.member },
      });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { records: unknown[] }).records.length, 3);
    });

    it('answers 404 for an unknown resource and 400 for an unknown format', async () => {
      const missing = await app.request('/datastore/dump/no-such-resource');
      const badFormat = await app.request(`/datastore/dump/${id}?format=pdf`);
      assert.deepEqual([missing.status, badFormat.status], [404, 400]);
    });
  });
}
