import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../core/action.ts';
import { Upload } from '../files/index.ts';
import { drainQueue } from '../ingest/index.ts';
import type { Platform } from '../platform/index.ts';
import { siteActor, testBackends } from '../../test/support/backends.ts';
import { type RemoteInstance, startRemoteInstance } from './testing/remote-instance.ts';

const AED = readFileSync(
  path.resolve(import.meta.dirname, '../../test/fixtures/real-csv/yaizu_222127_aed.csv'),
);

interface ResourceDict {
  id: string;
  url: string;
  url_type: string | null;
  source_url?: string;
  datastore_active: boolean;
}
interface JobDict {
  state: string;
  updated_count: number;
  report: { warnings: Array<{ message: string }> };
}

for (const backend of testBackends()) {
  describe(`harvesting with fetch_resources (${backend.name})`, { skip: backend.skip }, () => {
    let local: Platform;
    let remote: RemoteInstance;
    let remoteFileUrl = '';

    before(async () => {
      remote = await startRemoteInstance();
      const stored = await remote.platform.files.put(Readable.from([AED]), 1024 * 1024);
      const pkg = (await remote.call('package_create', {
        name: 'aed-list',
        title: 'AED設置箇所',
        owner_org: 'sapporo-shi',
      })) as { id: string };
      const res = (await remote.call('resource_create', {
        package_id: pkg.id,
        upload: new Upload(stored, 'aed.csv', 'text/csv'),
      })) as ResourceDict;
      remoteFileUrl = res.url;
      local = await backend.open();
      await call('s5_harvest_source_create', {
        name: 'with-files',
        url: remote.url,
        owner_org: 'otaru-shi',
        fetch_resources: true,
      });
    });
    after(async () => {
      await drainQueue({ db: local.db, files: local.files, now: () => new Date() });
      await local?.close();
      await remote?.close();
    });

    function call(name: string, input: unknown, actor: Actor = siteActor) {
      const ctx = { ...local.context(actor), site: { ...local.site, fetchAllowPrivate: true } };
      return local.registry.call(name, ctx, input);
    }
    const localResource = async () => {
      const pkg = (await local.call('package_show', { id: 'aed-list' }, siteActor)) as {
        resources: ResourceDict[];
      };
      return pkg.resources[0];
    };
    const harvestAndFetch = async () => {
      const job = (await call('s5_harvest_run', { id: 'with-files', wait: true })) as JobDict;
      await drainQueue({ db: local.db, files: local.files, now: () => new Date() });
      return job;
    };

    it('stores a copy of the remote file and loads it into the datastore', async () => {
      const job = await harvestAndFetch();
      const r = await localResource();
      assert.deepEqual(
        [job.state, r?.url_type, r?.source_url, r?.datastore_active],
        ['done', 'upload', remoteFileUrl, true],
      );
    });

    it('a remote change elsewhere in the dataset keeps the stored copy', async () => {
      const copy = await localResource();
      await remote.call('package_patch', { id: 'aed-list', notes: '更新しました' });
      const job = await harvestAndFetch();
      const r = await localResource();
      assert.deepEqual(
        [job.state, job.updated_count, r?.url, r?.url_type, r?.datastore_active],
        ['done', 1, copy?.url, 'upload', true],
      );
    });
  });
}
