// Faults (issue 8): the disk fills up during an upload and during a database write.
// Each must answer a clear 503 naming the problem, keep everything stored before, and recover.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { createApp } from '../../src/api/index.ts';
import { loadConfig } from '../../src/core/config.ts';
import { createLogger, silentLogger } from '../../src/core/logger.ts';
import { sqliteIntegrityProblems } from '../../src/db/index.ts';
import { openPlatform, type Platform } from '../../src/platform/index.ts';
import { buildPackage, createTestUsers, SEED_DIR } from '../support/backends.ts';
import { mountTmpfs, tmpfsUnavailable, unmount } from './mount-tmpfs.ts';

const base = mkdtempSync(path.join(tmpdir(), 's5-diskfull-'));
const skip = tmpfsUnavailable(path.join(base, 'probe'));
const mounts: string[] = [];
after(() => {
  for (const m of mounts) unmount(m);
});

async function platformOn(dataDir: string): Promise<Platform> {
  const config = loadConfig({
    S5_DATA_DIR: dataDir,
    S5_SEED_DIR: SEED_DIR,
    S5_LOG_LEVEL: 'silent',
    S5_MAX_UPLOAD_BYTES: String(8 * 1024 * 1024),
  });
  return openPlatform(config, {
    log: process.env.S5_FAULT_LOG ? createLogger('error') : silentLogger,
    seed: true,
  });
}

const upload = (
  app: ReturnType<typeof createApp>,
  token: string,
  dataset: string,
  bytes: Uint8Array,
) => {
  const form = new FormData();
  form.append('package_id', dataset);
  form.append('name', 'file');
  form.append('upload', new File([Buffer.from(bytes)], 'data.csv', { type: 'text/csv' }));
  return app.request('/api/3/action/resource_create', {
    method: 'POST',
    body: form,
    headers: { Authorization: token },
  });
};

describe('disk full', { skip }, () => {
  test('an upload that fills the file store gets 503, leaves no partial file, keeps earlier files', async () => {
    const dataDir = path.join(base, 'upload');
    const filesDir = path.join(dataDir, 'files');
    assert.equal(mountTmpfs(filesDir, 512 * 1024), undefined);
    mounts.push(filesDir);
    const p = await platformOn(dataDir);
    try {
      const app = createApp(p);
      const u = await createTestUsers(p);
      await p.call('package_create', buildPackage({ name: 'disk' }), u.editor);
      const small = await upload(
        app,
        u.tokens.editor,
        'disk',
        new TextEncoder().encode('a,b\r\n1,2\r\n'),
      );
      assert.equal(small.status, 200);
      const first = ((await small.json()) as { result: { url: string } }).result.url;

      const big = await upload(
        app,
        u.tokens.editor,
        'disk',
        new Uint8Array(2 * 1024 * 1024).fill(0x41),
      );
      const body = (await big.json()) as {
        success: boolean;
        error: { __type: string; message: string };
      };
      assert.equal(big.status, 503);
      assert.equal(body.error.__type, 'Service Unavailable');
      assert.match(body.error.message, /記憶領域|out of storage space/);
      assert.deepEqual(
        readdirSync(path.join(filesDir, 'tmp')),
        [],
        'the partial upload was removed',
      );
      const download = await app.request(new URL(first).pathname);
      assert.equal(await download.text(), 'a,b\r\n1,2\r\n');
      const pkg = (await p.call('package_show', { id: 'disk' })) as { resources: unknown[] };
      assert.equal(pkg.resources.length, 1, 'the failed upload created no resource');
      const again = await upload(
        app,
        u.tokens.editor,
        'disk',
        new TextEncoder().encode('c\r\n3\r\n'),
      );
      assert.equal(again.status, 200, 'space freed by the cleanup is usable again');
    } finally {
      await p.close();
    }
  });

  test('a database write that fills the disk gets 503, rolls back and leaves a sound database', async () => {
    const dataDir = path.join(base, 'database');
    assert.equal(mountTmpfs(dataDir, 12 * 1024 * 1024), undefined);
    mounts.push(dataDir);
    const p = await platformOn(dataDir);
    try {
      const app = createApp(p);
      const u = await createTestUsers(p);
      await p.call('package_create', buildPackage({ name: 'kept', title: '残るデータ' }), u.editor);
      const { id } = (await p.call(
        'package_create',
        buildPackage({ name: 'filler' }),
        u.editor,
      )) as { id: string };
      const res = (await p.call(
        'datastore_create',
        { resource: { package_id: id }, fields: [{ id: 't', type: 'text' }] },
        u.editor,
      )) as { resource_id: string };
      const chunk = Array.from({ length: 200 }, (_, i) => ({ t: `${i}`.padEnd(4000, 'x') }));
      let status = 200;
      let message = '';
      for (let i = 0; i < 100 && status === 200; i += 1) {
        const r = await app.request('/api/3/action/datastore_upsert', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: u.tokens.editor },
          body: JSON.stringify({ resource_id: res.resource_id, records: chunk, method: 'insert' }),
        });
        status = r.status;
        message = ((await r.json()) as { error?: { message?: string } }).error?.message ?? '';
      }
      assert.equal(status, 503, 'the disk filled up');
      assert.match(message, /記憶領域|out of storage space/);
      const kept = (await p.call('package_show', { id: 'kept' })) as { title: string };
      assert.equal(kept.title, '残るデータ');
      const info = (await p.call('datastore_search', {
        resource_id: res.resource_id,
        limit: 0,
      })) as { total: number };
      assert.equal(info.total % 200, 0, 'no half batch: the failing insert rolled back whole');
    } finally {
      await p.close();
    }
    assert.deepEqual(sqliteIntegrityProblems(path.join(dataDir, 's5.db')), []);
  });
});
