import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import type { Platform } from '../platform/index.ts';
import { createTestUsers, type TestUsers, testBackends } from '../../test/support/backends.ts';
import {
  assertValidDataPackage,
  createPackageWithTables,
} from '../datastore/testing/datapackage-fixtures.ts';
import { openDatastorePlatform } from '../datastore/testing/fixtures.ts';
import { readZip } from '../datastore/testing/read-zip.ts';
import { createApp } from './create-app.ts';

for (const backend of testBackends()) {
  describe(`Data Package routes on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let app: Hono;
    let u: TestUsers;
    let pkg: Awaited<ReturnType<typeof createPackageWithTables>>;
    let hidden: Awaited<ReturnType<typeof createPackageWithTables>>;
    before(async () => {
      p = await openDatastorePlatform(backend);
      app = createApp(p);
      u = await createTestUsers(p);
      pkg = await createPackageWithTables(p, u);
      hidden = await createPackageWithTables(p, u, { private: true });
    });
    after(() => p?.close());

    it('serves datapackage.json with the dump URLs as paths', async () => {
      const res = await app.request(`/dataset/${pkg.name}/datapackage.json`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      const d = (await res.json()) as { resources: Array<{ path: string }> };
      assertValidDataPackage(d);
      const dump = await app.request(`${new URL(d.resources[0]?.path ?? '').pathname}?format=csv`);
      assert.equal(dump.status, 200);
      assert.match(await dump.text(), /^_id,/);
    });

    it('streams a zip with the descriptor, each table as CSV and the schema files', async () => {
      const res = await app.request(`/dataset/${pkg.packageId}/datapackage.zip`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/zip');
      const files = readZip(new Uint8Array(await res.arrayBuffer()));
      const descriptor = JSON.parse(files.get('datapackage.json')?.toString('utf8') ?? '{}') as {
        resources: Array<{
          name: string;
          path: string;
          schema: string;
          conformsTo?: { path: string };
        }>;
      };
      const json = (name: string) => JSON.parse(files.get(name)?.toString('utf8') ?? 'null');
      assertValidDataPackage(descriptor, (ref) => json(String(ref)));
      for (const r of descriptor.resources) {
        assert.ok(files.has(r.path), `${r.path} is in the zip`);
        assert.ok(files.has(r.schema), `${r.schema} is in the zip`);
      }
      const [table, aed] = descriptor.resources;
      const csv = files.get(table?.path ?? '')?.toString('utf8') ?? '';
      assert.deepEqual(csv.trim().split(/\r?\n/), [
        '_id,名称,台数,確認日時',
        '1,札幌市役所,2,2026-04-01T09:00:00',
        '2,中央図書館,1,',
      ]);
      assert.equal(
        files
          .get(aed?.path ?? '')
          ?.toString('utf8')
          .trim()
          .split(/\r?\n/).length,
        83,
      );
      const standard = json(aed?.conformsTo?.path ?? '') as { fields: unknown[] } | null;
      assert.ok(standard && standard.fields.length > 0, 'the standard Table Schema is in the zip');
    });

    it('answers 404 for a private dataset unless the caller may see it', async () => {
      for (const suffix of ['json', 'zip']) {
        const url = `/dataset/${hidden.packageId}/datapackage.${suffix}`;
        assert.equal((await app.request(url)).status, 404);
        const outsider = await app.request(url, {
          headers: { Authorization: u.tokens.otherOrgEditor },
        });
        assert.equal(outsider.status, 404);
        const member = await app.request(url, { headers: { Authorization: u.tokens.member } });
        assert.equal(member.status, 200);
        assert.ok((await member.arrayBuffer()).byteLength > 0);
      }
      assert.equal((await app.request('/dataset/no-such-dataset/datapackage.json')).status, 404);
    });
  });
}
