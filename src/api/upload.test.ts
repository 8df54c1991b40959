import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import type { Platform } from '../platform/index.ts';
import {
  buildPackage,
  createTestUsers,
  TEST_UPLOAD_LIMIT,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';
import { createApp } from './create-app.ts';

for (const backend of testBackends()) {
  describe(`resource file uploads on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let app: Hono;
    let u: TestUsers;
    const upload = (
      fields: Record<string, string>,
      file: { name: string; bytes: Uint8Array | string; type?: string } | null,
      token?: string,
    ) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      if (file)
        form.append('upload', new File([file.bytes], file.name, { type: file.type ?? 'text/csv' }));
      return app.request('/api/3/action/resource_create', {
        method: 'POST',
        body: form,
        headers: token ? { Authorization: token } : {},
      });
    };

    before(async () => {
      p = await backend.open();
      app = createApp(p);
      u = await createTestUsers(p);
      await p.call('package_create', buildPackage({ name: 'with-files' }), u.editor);
      await p.call(
        'package_create',
        buildPackage({ name: 'private-files', private: true }),
        u.editor,
      );
    });
    after(() => p?.close());

    it('stores an uploaded CSV and serves it back byte for byte under its Japanese name', async () => {
      const csv = '名称,緯度,経度\r\n札幌市役所,43.0621,141.3544\r\n';
      const res = await upload(
        { package_id: 'with-files', name: '施設一覧' },
        { name: '施設一覧.csv', bytes: csv },
        u.tokens.editor,
      );
      assert.equal(res.status, 200);
      const r = ((await res.json()) as { result: Record<string, string | number> }).result;
      assert.equal(r.url_type, 'upload');
      assert.equal(r.format, 'CSV');
      assert.equal(r.size, Buffer.byteLength(csv));
      assert.match(String(r.hash), /^sha256:[0-9a-f]{64}$/);
      assert.equal(
        r.url,
        `http://s5.test/dataset/${r.package_id}/resource/${r.id}/download/${encodeURIComponent('施設一覧.csv')}`,
      );
      const download = await app.request(new URL(String(r.url)).pathname);
      assert.equal(download.status, 200);
      assert.equal(await download.text(), csv);
      assert.match(
        download.headers.get('content-disposition') ?? '',
        /filename\*=UTF-8''%E6%96%BD/,
      );
    });

    it('reduces a path-traversal file name to its base name', async () => {
      const res = await upload(
        { package_id: 'with-files' },
        { name: '../../etc/passwd', bytes: 'x' },
        u.tokens.editor,
      );
      const r = ((await res.json()) as { result: { url: string; name: string } }).result;
      assert.ok(r.url.endsWith('/download/passwd'));
      assert.equal(r.name, 'passwd');
    });

    it('refuses a file over the upload limit with a validation error on upload, keeping the dataset as it was', async () => {
      const res = await upload(
        { package_id: 'with-files' },
        { name: 'big.csv', bytes: new Uint8Array(TEST_UPLOAD_LIMIT + 1) },
        u.tokens.editor,
      );
      assert.equal(res.status, 409);
      assert.deepEqual(Object.keys(((await res.json()) as { error: object }).error).sort(), [
        '__type',
        'upload',
      ]);
      const pkg = (await p.call('package_show', { id: 'with-files' })) as { num_resources: number };
      assert.equal(pkg.num_resources, 2);
    });

    it('refuses uploads from anonymous callers before reading the file', async () => {
      const res = await upload({ package_id: 'with-files' }, { name: 'a.csv', bytes: 'a' });
      assert.equal(res.status, 403);
    });

    it('refuses an upload given as JSON instead of a file', async () => {
      const res = await app.request('/api/3/action/resource_create', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: u.tokens.editor },
        body: JSON.stringify({
          package_id: 'with-files',
          upload: { file: { sha256: '0'.repeat(64), size: 1 } },
        }),
      });
      assert.equal(res.status, 409);
    });

    it('does not serve the files of a private dataset to outsiders', async () => {
      const res = await upload(
        { package_id: 'private-files' },
        { name: 'secret.csv', bytes: 'secret' },
        u.tokens.editor,
      );
      const r = ((await res.json()) as { result: { url: string } }).result;
      const path = new URL(r.url).pathname;
      assert.equal((await app.request(path)).status, 404);
      assert.equal(
        (await app.request(path, { headers: { Authorization: u.tokens.otherOrgEditor } })).status,
        404,
      );
      const member = await app.request(path, { headers: { Authorization: u.tokens.member } });
      assert.equal(await member.text(), 'secret');
    });

    it('keeps the file when other fields of the resource change', async () => {
      const res = await upload(
        { package_id: 'with-files' },
        { name: 'keep.csv', bytes: 'keep' },
        u.tokens.editor,
      );
      const r = ((await res.json()) as { result: { id: string; url: string } }).result;
      const patched = (await p.call(
        'resource_patch',
        { id: r.id, description: '説明を追加' },
        u.editor,
      )) as { url: string; url_type: string };
      assert.equal(patched.url, r.url);
      assert.equal(patched.url_type, 'upload');
      assert.equal(
        ((await p.call('s5_resource_file_show', { id: r.id })) as { size: number }).size,
        4,
      );
    });
  });
}
