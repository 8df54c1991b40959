import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../core/errors.ts';
import type { Platform } from '../platform/index.ts';
import {
  buildPackage,
  createTestUsers,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';

interface SearchResult {
  count: number;
  results: Array<{ name: string; title: string }>;
  facets: Record<string, Record<string, number>>;
  search_facets: Record<
    string,
    { title: string; items: Array<{ name: string; display_name: string; count: number }> }
  >;
}

for (const backend of testBackends()) {
  describe(`package_search on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    const search = async (params: Record<string, unknown>, actor?: TestUsers['editor']) =>
      (await p.call('package_search', params, actor)) as SearchResult;
    const names = async (params: Record<string, unknown>) =>
      (await search(params)).results.map((r) => r.name).sort();

    before(async () => {
      p = await backend.open();
      u = await createTestUsers(p);
      await p.call(
        'organization_member_create',
        { id: 'obihiro-shi', username: 'sapporo-editor', role: 'editor' },
        u.sysadmin,
      );
      u = await createTestUsers(p).catch(() => u);
      const create = (o: Record<string, unknown>) =>
        p.call('package_create', buildPackage(o), u.sysadmin);
      await create({
        name: 'sapporo-evacuation',
        title: '指定緊急避難場所一覧',
        notes: '札幌市の避難場所',
        tags: [{ name: '防災' }],
        resources: [{ url: 'https://e.jp/a.csv', name: '避難場所CSV' }],
      });
      await create({
        name: 'sapporo-aed',
        title: 'ＡＥＤ設置箇所一覧',
        notes: '市内の自動体外式除細動器',
        tags: [{ name: '防災' }, { name: '医療' }],
        resources: [{ url: 'https://e.jp/aed.xlsx' }],
      });
      await create({
        name: 'sapporo-station',
        title: '駅の乗降客数',
        notes: '地下鉄',
        license_id: 'cc-zero',
        resources: [{ url: 'https://e.jp/s.json' }],
      });
      await create({
        name: 'obihiro-toilet',
        owner_org: 'obihiro-shi',
        title: '公衆トイレ一覧',
        notes: 'といれの場所',
        tags: [{ name: '観光' }],
        resources: [{ url: 'https://e.jp/t.csv' }],
      });
      await create({
        name: 'obihiro-notes-only',
        owner_org: 'obihiro-shi',
        title: '施設一覧',
        notes: 'この中に避難所の情報も含む',
        resources: [{ url: 'https://e.jp/f.pdf' }],
      });
      await create({
        name: 'hakodate-private',
        owner_org: 'hakodate-shi',
        title: '避難所（内部）',
        private: true,
      });
    });
    after(() => p?.close());

    it('finds a 2-character Japanese query inside longer words', async () => {
      assert.deepEqual(await names({ q: '避難' }), ['obihiro-notes-only', 'sapporo-evacuation']);
    });

    it('finds a 1-character query such as 駅', async () => {
      assert.deepEqual(await names({ q: '駅' }), ['sapporo-station']);
    });

    it('finds datasets by their organization name, and by the 振興局 group', async () => {
      assert.deepEqual(await names({ q: '札幌' }), [
        'sapporo-aed',
        'sapporo-evacuation',
        'sapporo-station',
      ]);
      assert.deepEqual(await names({ q: '十勝' }), ['obihiro-notes-only', 'obihiro-toilet']);
      assert.deepEqual(await names({ q: 'とかち' }), ['obihiro-notes-only', 'obihiro-toilet']);
    });

    it('folds widths and kana: AED finds ＡＥＤ, トイレ finds といれ', async () => {
      assert.deepEqual(await names({ q: 'aed' }), ['sapporo-aed']);
      assert.deepEqual(await names({ q: 'といれ' }), ['obihiro-toilet']);
    });

    it('requires every word to match', async () => {
      assert.deepEqual(await names({ q: '避難 札幌' }), ['sapporo-evacuation']);
      assert.deepEqual(await names({ q: '避難 存在しない語' }), []);
    });

    it('ranks a title match above a match in the description only', async () => {
      const r = await search({ q: '避難' });
      assert.equal(r.results[0]?.name, 'sapporo-evacuation');
    });

    it('filters with fq on organization, tags, res_format, license_id and groups', async () => {
      assert.deepEqual(await names({ fq: 'organization:obihiro-shi' }), [
        'obihiro-notes-only',
        'obihiro-toilet',
      ]);
      assert.deepEqual(await names({ fq: 'tags:"防災" res_format:XLSX' }), ['sapporo-aed']);
      assert.deepEqual(await names({ fq: 'license_id:cc-zero' }), ['sapporo-station']);
      assert.deepEqual(await names({ fq: 'groups:tokachi -tags:観光' }), ['obihiro-notes-only']);
      assert.deepEqual(await names({ fq: 'res_format:PDF OR res_format:JSON' }), [
        'obihiro-notes-only',
        'sapporo-station',
      ]);
      assert.deepEqual(await names({ fq_list: ['organization:sapporo-shi', 'tags:医療'] }), [
        'sapporo-aed',
      ]);
    });

    it('filters on a metadata_modified range, the way harvesters page', async () => {
      assert.equal(
        (await search({ fq: 'metadata_modified:[2026-01-01T00:00:00Z TO *]' })).count,
        5,
      );
      assert.equal(
        (await search({ fq: 'metadata_modified:[2027-01-01T00:00:00Z TO *]' })).count,
        0,
      );
    });

    it('returns facets and search_facets with organization titles', async () => {
      const r = await search({ 'facet.field': '["organization","tags","res_format"]', rows: 0 });
      assert.equal(r.results.length, 0);
      assert.deepEqual(r.facets.organization, { 'sapporo-shi': 3, 'obihiro-shi': 2 });
      assert.equal(r.facets.tags?.防災, 2);
      assert.deepEqual(r.search_facets.organization?.items[0], {
        name: 'sapporo-shi',
        display_name: '札幌市',
        count: 3,
      });
    });

    it('limits facet items with facet.limit', async () => {
      const r = await search({ 'facet.field': ['res_format'], 'facet.limit': 1 });
      assert.equal(Object.keys(r.facets.res_format ?? {}).length, 1);
    });

    it('sorts by name and pages with rows and start', async () => {
      const page1 = await search({ sort: 'name asc', rows: 2, start: 0 });
      const page2 = await search({ sort: 'name asc', rows: 2, start: 2 });
      assert.equal(page1.count, 5);
      assert.deepEqual(
        page1.results.map((r) => r.name),
        ['obihiro-notes-only', 'obihiro-toilet'],
      );
      assert.deepEqual(
        page2.results.map((r) => r.name),
        ['sapporo-aed', 'sapporo-evacuation'],
      );
    });

    it('caps rows at the configured maximum', async () => {
      const r = await search({ rows: 5000 });
      assert.equal(r.results.length, 5);
    });

    it('accepts GET-style string parameters', async () => {
      const r = await search({ rows: '1', start: '0', facet: 'false' });
      assert.equal(r.results.length, 1);
      assert.deepEqual(r.facets, {});
    });

    it('shows private datasets only to members who ask for them', async () => {
      assert.equal((await search({ q: '内部', include_private: true })).count, 0);
      assert.equal((await search({ q: '内部', include_private: true }, u.sysadmin)).count, 1);
      assert.equal((await search({ q: '内部', include_private: true }, u.editor)).count, 0);
    });

    it('rejects an unknown sort or facet field with a search query error', async () => {
      for (const params of [
        { sort: 'password desc' },
        { 'facet.field': ['creator_user_id'] },
        { fq: 'owner:x' },
      ]) {
        await assert.rejects(
          p.call('package_search', params),
          (e: unknown) => e instanceof AppError && e.code === 'search_query',
        );
      }
    });

    it('treats SQL and FTS syntax in q as plain text', async () => {
      for (const q of ["' OR 1=1 --", '"避難', 'NEAR(a b)', '避難*', '-避難', '^$%&']) {
        const r = await search({ q });
        assert.ok(r.count <= 2, `q=${q} matched ${r.count}`);
      }
    });
  });
}
