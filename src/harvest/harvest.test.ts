import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../core/action.ts';
import type { Platform } from '../platform/index.ts';
import { buildPackage, siteActor, testBackends } from '../../test/support/backends.ts';
import { type RemoteInstance, startRemoteInstance } from './testing/remote-instance.ts';

interface JobDict {
  id: string;
  state: string;
  created_count: number;
  updated_count: number;
  deleted_count: number;
  unchanged_count: number;
  error_count: number;
  error: string | null;
  report: {
    errors: Array<{ message: string }>;
    kept_local: Array<{ remote_name: string; fields: Array<{ field: string; reason: string }> }>;
    deletions: { checked: boolean };
    requests: number;
  };
}

interface PkgDict {
  id: string;
  name: string;
  title: string;
  notes: string;
  state: string;
  owner_org: string;
  metadata_modified: string;
  tags: Array<{ name: string }>;
  extras: Array<{ key: string; value: string }>;
  resources: Array<{ url: string; name: string; harvest_remote_id?: string }>;
}

/** Local calls as if S5_FETCH_ALLOW_PRIVATE were set: the remote is on loopback. */
function localCall(p: Platform, name: string, input: unknown, actor: Actor = siteActor) {
  const ctx = { ...p.context(actor), site: { ...p.site, fetchAllowPrivate: true } };
  return p.registry.call(name, ctx, input);
}

const extra = (pkg: PkgDict, key: string) => pkg.extras.find((e) => e.key === key)?.value;

for (const backend of testBackends()) {
  describe(`harvesting a second s5 on loopback (${backend.name})`, { skip: backend.skip }, () => {
    let local: Platform;
    let remote: RemoteInstance;
    const remoteIds: Record<string, string> = {};

    before(async () => {
      remote = await startRemoteInstance();
      local = await backend.open();
      for (const n of [1, 2, 3, 4, 5]) {
        const created = (await remote.call('package_create', {
          name: `remote-ds-${n}`,
          title: `リモート ${n}`,
          notes: `説明 ${n}`,
          owner_org: 'sapporo-shi',
          license_id: 'cc-by-4.0',
          tags: [{ name: '防災' }, { name: `tag${n}` }],
          extras: [{ key: 'spatial_ref', value: `area-${n}` }],
          resources: [{ name: `data-${n}.csv`, url: `https://files.example.jp/${n}.csv` }],
        })) as PkgDict;
        remoteIds[`d${n}`] = created.id;
      }
      await remote.call('package_create', {
        name: 'remote-private',
        title: '非公開データ',
        owner_org: 'sapporo-shi',
        private: true,
      });
      await remote.call('package_create', {
        name: 'remote-hakodate',
        title: '函館のデータ',
        owner_org: 'hakodate-shi',
      });
      // A local dataset that already uses a remote name: the harvested copy gets a suffix.
      await local.call(
        'package_create',
        buildPackage({ name: 'remote-ds-2', owner_org: 'otaru-shi' }),
        siteActor,
      );
      await localCall(local, 's5_harvest_source_create', {
        name: 'sapporo-portal',
        url: `${remote.url}/api/3/`,
        remote_org: 'sapporo-shi',
        owner_org: 'otaru-shi',
        local_fields: ['tags'],
      });
    });
    after(async () => {
      await local?.close();
      await remote?.close();
    });

    const harvested = async (): Promise<Map<string, PkgDict>> => {
      const out = new Map<string, PkgDict>();
      const found = (await local.call(
        'package_search',
        { fq: 'organization:otaru-shi', rows: 100, include_private: true },
        siteActor,
      )) as { results: PkgDict[] };
      for (const pkg of found.results) {
        const remoteId = extra(pkg, 'harvest_remote_id');
        if (remoteId) out.set(remoteId, pkg);
      }
      return out;
    };
    const run = async () =>
      (await localCall(local, 's5_harvest_run', { id: 'sapporo-portal', wait: true })) as JobDict;

    it('the remote does not show its private dataset to anonymous callers', async () => {
      const res = await fetch(`${remote.url}/api/3/action/package_search?q=非公開`);
      const body = (await res.json()) as { result: { count: number } };
      assert.equal(body.result.count, 0);
    });

    let before2: Map<string, PkgDict>;
    it('run 1 creates every public dataset of the remote organization, links kept', async () => {
      const job = await run();
      const copies = await harvested();
      before2 = copies;
      const d1 = copies.get(remoteIds.d1 ?? '');
      assert.deepEqual(
        {
          state: job.state,
          counts: [job.created_count, job.updated_count, job.deleted_count, job.error_count],
          copies: copies.size,
          titles: [...copies.values()].map((c) => c.title).sort(),
          d1: {
            source: extra(d1 ?? ({} as PkgDict), 'harvest_remote_url'),
            resource: d1?.resources[0]?.url,
            spatial: extra(d1 ?? ({} as PkgDict), 'spatial_ref'),
          },
          suffixed: copies.get(remoteIds.d2 ?? '')?.name,
          deletionsChecked: job.report.deletions.checked,
        },
        {
          state: 'done',
          counts: [5, 0, 0, 0],
          copies: 5,
          titles: ['リモート 1', 'リモート 2', 'リモート 3', 'リモート 4', 'リモート 5'],
          d1: {
            source: `${remote.url}/dataset/remote-ds-1`,
            resource: 'https://files.example.jp/1.csv',
            spatial: 'area-1',
          },
          suffixed: 'remote-ds-2-2',
          deletionsChecked: true,
        },
      );
    });

    it('private and other-organization remote datasets never come', async () => {
      const found = (await local.call(
        'package_search',
        { q: '非公開', include_private: true },
        siteActor,
      )) as { count: number };
      const hakodate = (await local.call('package_search', { q: '函館のデータ' }, siteActor)) as {
        count: number;
      };
      assert.deepEqual([found.count, hakodate.count], [0, 0]);
    });

    it('run 2 applies exactly the remote changes and keeps local edits', async () => {
      const d1 = before2.get(remoteIds.d1 ?? '');
      assert.ok(d1);
      await local.call('package_patch', { id: d1.id, title: '地元で直した題名' }, siteActor);
      await remote.call('package_patch', {
        id: 'remote-ds-1',
        title: 'リモートで変えた題名',
        notes: 'リモートで変えた説明',
      });
      await remote.call('package_patch', {
        id: 'remote-ds-2',
        notes: '説明の更新',
        tags: [{ name: '更新タグ' }],
      });
      await remote.call('package_delete', { id: 'remote-ds-3' });
      const created = (await remote.call('package_create', {
        name: 'remote-ds-6',
        title: 'リモート 6',
        owner_org: 'sapporo-shi',
      })) as PkgDict;
      remoteIds.d6 = created.id;

      const job = await run();
      const copies = await harvested();
      const c1 = copies.get(remoteIds.d1 ?? '');
      const c2 = copies.get(remoteIds.d2 ?? '');
      const c3 = (await local.call(
        'package_show',
        { id: before2.get(remoteIds.d3 ?? '')?.id ?? '' },
        siteActor,
      )) as PkgDict;
      assert.deepEqual(
        {
          state: job.state,
          counts: {
            created: job.created_count,
            updated: job.updated_count,
            deleted: job.deleted_count,
            unchanged: job.unchanged_count,
            errors: job.error_count,
          },
          c1: { title: c1?.title, notes: c1?.notes },
          c2: { notes: c2?.notes, tags: c2?.tags.map((t) => t.name).sort() },
          c3: c3.state,
          c6: copies.get(remoteIds.d6 ?? '')?.title,
          kept: job.report.kept_local
            .map((k) => ({ name: k.remote_name, fields: k.fields }))
            .sort((a, b) => a.name.localeCompare(b.name)),
          untouched: [remoteIds.d4, remoteIds.d5].map(
            (id) => copies.get(id ?? '')?.metadata_modified,
          ),
        },
        {
          state: 'done',
          // d5 carries the watermark, so it is read again and found unchanged.
          counts: { created: 1, updated: 2, deleted: 1, unchanged: 1, errors: 0 },
          c1: { title: '地元で直した題名', notes: 'リモートで変えた説明' },
          c2: { notes: '説明の更新', tags: ['tag2', '防災'] },
          c3: 'deleted',
          c6: 'リモート 6',
          kept: [
            { name: 'remote-ds-1', fields: [{ field: 'title', reason: 'edited' }] },
            { name: 'remote-ds-2', fields: [{ field: 'tags', reason: 'local_fields' }] },
          ],
          untouched: [remoteIds.d4, remoteIds.d5].map(
            (id) => before2.get(id ?? '')?.metadata_modified,
          ),
        },
      );
    });

    it('withdrawn datasets disappear from anonymous search', async () => {
      const found = (await local.call('package_search', { q: 'リモート 3' })) as {
        results: PkgDict[];
      };
      assert.equal(
        found.results.some((r) => extra(r, 'harvest_remote_id') === remoteIds.d3),
        false,
      );
    });

    it('run 3 without remote changes writes nothing', async () => {
      const beforeRun = await harvested();
      const job = await run();
      const afterRun = await harvested();
      assert.deepEqual(
        [job.state, job.created_count, job.updated_count, job.deleted_count, job.error_count],
        ['done', 0, 0, 0, 0],
      );
      assert.deepEqual(
        [...afterRun.values()].map((p) => p.metadata_modified).sort(),
        [...beforeRun.values()].map((p) => p.metadata_modified).sort(),
      );
    });

    it('a dataset that comes back remotely is restored', async () => {
      // CKAN "undeletes" by updating the dataset with state active.
      const d3 = (await remote.call('package_show', { id: 'remote-ds-3' })) as PkgDict;
      await remote.call('package_update', { ...d3, state: 'active' });
      const job = await run();
      const copy = (await local.call(
        'package_show',
        { id: before2.get(remoteIds.d3 ?? '')?.id ?? '' },
        siteActor,
      )) as PkgDict;
      assert.deepEqual([job.state, job.updated_count, copy.state], ['done', 1, 'active']);
    });

    it('without an organization filter, withdrawals are found through package_list', async () => {
      await localCall(local, 's5_harvest_source_create', {
        name: 'whole-portal',
        url: remote.url,
        owner_org: 'hakodate-shi',
      });
      const runWhole = async () =>
        (await localCall(local, 's5_harvest_run', { id: 'whole-portal', wait: true })) as JobDict;
      const first = await runWhole();
      await remote.call('package_delete', { id: 'remote-hakodate' });
      const second = await runWhole();
      assert.deepEqual(
        [
          first.state,
          first.created_count,
          second.state,
          second.deleted_count,
          second.created_count,
        ],
        // remote-ds-1…6 and remote-hakodate; the private one never.
        ['done', 7, 'done', 1, 0],
      );
    });
  });
}
