import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../core/errors.ts';
import type { Platform } from '../platform/index.ts';
import {
  buildPackage,
  createTestUsers,
  siteActor,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';

type Dict = Record<string, unknown> & { id: string; name: string };

/** Asserts that the promise fails with this AppError code (and, for validation, these fields). */
async function rejectsWith(p: Promise<unknown>, code: string, fields?: string[]) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AppError, `expected AppError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (fields) assert.deepEqual(Object.keys(e.fields ?? {}).sort(), [...fields].sort());
    return true;
  });
}

for (const backend of testBackends()) {
  describe(`catalog actions on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    before(async () => {
      p = await backend.open();
      u = await createTestUsers(p);
    });
    after(() => p?.close());

    describe('seed', () => {
      it('holds the prefecture and 179 municipalities as 180 organizations', async () => {
        const names = (await p.call('organization_list', { limit: 1000 })) as string[];
        assert.equal(names.length, 180);
        assert.ok(
          names.includes('hokkaido') &&
            names.includes('sapporo-shi') &&
            names.includes('esashi-cho-soya'),
        );
      });

      it('holds the 14 振興局 as groups', async () => {
        const groups = (await p.call('group_list', { all_fields: true })) as Array<{
          name: string;
          title: string;
        }>;
        assert.equal(groups.length, 14);
        assert.ok(groups.some((g) => g.name === 'tokachi' && g.title === '十勝総合振興局'));
      });

      it('finds an organization by its 全国地方公共団体コード and shows the code and region', async () => {
        const org = (await p.call('organization_show', { id: '012025' })) as {
          name: string;
          extras: Array<{ key: string; value: string }>;
        };
        assert.equal(org.name, 'hakodate-shi');
        assert.deepEqual(
          org.extras.filter((e) => ['municipality_code', 'region', 'kind'].includes(e.key)),
          [
            { key: 'kind', value: '市' },
            { key: 'municipality_code', value: '012025' },
            { key: 'region', value: 'oshima' },
          ],
        );
      });

      it('sorts organizations by their reading, as a Japanese reader expects', async () => {
        const names = (await p.call('organization_list', { limit: 3 })) as string[];
        assert.deepEqual(names, ['aibetsu-cho', 'akaigawa-mura', 'akabira-shi']);
      });

      it('is idempotent: seeding again changes no counts', async () => {
        const { seedCatalog } = await import('./index.ts');
        const summary = await seedCatalog(p.db, p.config.seedDir, p.clock.now());
        assert.deepEqual(summary, { prefecture: '北海道', organizations: 180, groups: 14 });
        assert.equal(((await p.call('organization_list', {})) as string[]).length, 180);
      });
    });

    describe('datasets', () => {
      it('creates a dataset with tags, extras, resources, and the organization 振興局 group', async () => {
        const pkg = (await p.call(
          'package_create',
          buildPackage({
            name: 'sapporo-aed',
            title: 'AED設置箇所一覧',
            notes: '札幌市内のAED',
            tags: [{ name: '防災' }, { name: 'AED' }],
            extras: [{ key: 'spatial', value: '札幌市' }],
            resources: [{ url: 'https://example.jp/aed.csv', name: 'AED一覧' }],
          }),
          u.editor,
        )) as Dict & {
          groups: Array<{ name: string }>;
          resources: Array<Record<string, unknown>>;
          tags: Array<{ name: string }>;
        };
        assert.equal(pkg.name, 'sapporo-aed');
        assert.deepEqual(
          pkg.tags.map((t) => t.name),
          ['AED', '防災'],
        );
        assert.deepEqual(
          pkg.groups.map((g) => g.name),
          ['ishikari'],
        );
        assert.equal(pkg.resources[0]?.format, 'CSV');
        assert.equal(pkg.resources[0]?.mimetype, 'text/csv');
        assert.equal(pkg.metadata_created, '2026-11-25T03:00:00.000000');
        assert.equal((pkg.organization as { name: string }).name, 'sapporo-shi');
      });

      it('refuses a duplicate name with a validation error on name', async () => {
        await p.call('package_create', buildPackage({ name: 'dup-name' }), u.editor);
        await rejectsWith(
          p.call('package_create', buildPackage({ name: 'dup-name' }), u.editor),
          'conflict',
          ['name'],
        );
      });

      it('refuses invalid names by CKAN rule and names the field', async () => {
        for (const name of ['A', 'UPPER', 'with space', 'x'.repeat(101), '日本語']) {
          await rejectsWith(
            p.call('package_create', buildPackage({ name }), u.editor),
            'validation',
            ['name'],
          );
        }
      });

      it('refuses unknown parameters, wrong types and over-long strings, naming each field', async () => {
        await rejectsWith(
          p.call('package_create', buildPackage({ colour: 'red' }), u.editor),
          'validation',
          ['colour'],
        );
        await rejectsWith(
          p.call('package_create', buildPackage({ private: 'maybe' }), u.editor),
          'validation',
          ['private'],
        );
        await rejectsWith(
          p.call('package_create', buildPackage({ title: 'x'.repeat(1001) }), u.editor),
          'validation',
          ['title'],
        );
      });

      it('refuses an unknown organization or licence', async () => {
        await rejectsWith(
          p.call('package_create', buildPackage({ owner_org: 'nowhere' }), u.editor),
          'validation',
          ['owner_org'],
        );
        await rejectsWith(
          p.call('package_create', buildPackage({ license_id: 'gpl' }), u.editor),
          'validation',
          ['license_id'],
        );
      });

      it('update replaces fields and keeps resources when they are not given', async () => {
        const pkg = (await p.call(
          'package_create',
          buildPackage({ notes: 'old', resources: [{ url: 'https://e.jp/a.csv' }] }),
          u.editor,
        )) as Dict;
        const updated = (await p.call(
          'package_update',
          { id: pkg.id, name: pkg.name, owner_org: 'sapporo-shi', title: '新しい題名' },
          u.editor,
        )) as Dict & {
          resources: unknown[];
        };
        assert.equal(updated.title, '新しい題名');
        assert.equal(updated.notes, '');
        assert.equal(updated.resources.length, 1);
      });

      it('update accepts the dict that package_show returned (round trip)', async () => {
        const pkg = (await p.call(
          'package_create',
          buildPackage({ tags: [{ name: 'a' }], resources: [{ url: 'https://e.jp/x.csv' }] }),
          u.editor,
        )) as Dict;
        const shown = (await p.call('package_show', { id: pkg.id }, u.editor)) as Dict;
        const again = (await p.call(
          'package_update',
          { ...shown, title: 'round trip' },
          u.editor,
        )) as Dict & { resources: Array<{ id: string }> };
        assert.equal(again.title, 'round trip');
        assert.equal(again.resources[0]?.id, (shown.resources as Array<{ id: string }>)[0]?.id);
      });

      it('patch changes only the given fields', async () => {
        const pkg = (await p.call(
          'package_create',
          buildPackage({ notes: 'keep me', tags: [{ name: 'keep' }] }),
          u.editor,
        )) as Dict;
        const patched = (await p.call(
          'package_patch',
          { id: pkg.name, title: 'patched' },
          u.editor,
        )) as Dict & { tags: Array<{ name: string }> };
        assert.equal(patched.title, 'patched');
        assert.equal(patched.notes, 'keep me');
        assert.deepEqual(
          patched.tags.map((t) => t.name),
          ['keep'],
        );
      });

      it('delete hides the dataset from show, list and search', async () => {
        const pkg = (await p.call(
          'package_create',
          buildPackage({ title: '削除されるデータ' }),
          u.editor,
        )) as Dict;
        await p.call('package_delete', { id: pkg.id }, u.editor);
        await rejectsWith(p.call('package_show', { id: pkg.id }), 'not_found');
        assert.ok(!((await p.call('package_list', {})) as string[]).includes(pkg.name));
        assert.equal(
          ((await p.call('package_search', { q: '削除されるデータ' })) as { count: number }).count,
          0,
        );
        const asEditor = (await p.call('package_show', { id: pkg.id }, u.editor)) as Dict;
        assert.equal(asEditor.state, 'deleted');
      });

      it('a failed update leaves the stored dataset unchanged', async () => {
        const pkg = (await p.call(
          'package_create',
          buildPackage({ title: 'before' }),
          u.editor,
        )) as Dict;
        await rejectsWith(
          p.call(
            'package_update',
            {
              id: pkg.id,
              name: pkg.name,
              owner_org: 'sapporo-shi',
              title: 'after',
              groups: [{ name: 'no-such-group' }],
            },
            u.editor,
          ),
          'validation',
          ['groups'],
        );
        assert.equal(((await p.call('package_show', { id: pkg.id })) as Dict).title, 'before');
      });
    });

    describe('resources', () => {
      it('creates, patches, updates and deletes a resource, keeping positions contiguous', async () => {
        const pkg = (await p.call('package_create', buildPackage(), u.editor)) as Dict;
        const r1 = (await p.call(
          'resource_create',
          { package_id: pkg.name, url: 'https://e.jp/1.xlsx', name: 'one', custom_key: 'kept' },
          u.editor,
        )) as Dict;
        const r2 = (await p.call(
          'resource_create',
          { package_id: pkg.id, url: 'https://e.jp/2.json', name: 'two' },
          u.editor,
        )) as Dict;
        assert.equal(r1.format, 'XLSX');
        assert.equal(r1.custom_key, 'kept');
        assert.equal(r2.position, 1);
        const patched = (await p.call(
          'resource_patch',
          { id: r2.id, description: '説明' },
          u.editor,
        )) as Dict;
        assert.equal(patched.name, 'two');
        assert.equal(patched.description, '説明');
        const updated = (await p.call(
          'resource_update',
          { id: r2.id, url: 'https://e.jp/2.csv' },
          u.editor,
        )) as Dict;
        assert.equal(updated.name, '');
        assert.equal(updated.format, 'CSV');
        await p.call('resource_delete', { id: r1.id }, u.editor);
        await rejectsWith(p.call('resource_show', { id: r1.id }), 'not_found');
        assert.equal(((await p.call('resource_show', { id: r2.id })) as Dict).position, 0);
      });

      it('refuses a resource for an unknown dataset', async () => {
        await rejectsWith(
          p.call('resource_create', { package_id: 'nope', url: 'https://e.jp/x.csv' }, u.editor),
          'not_found',
        );
      });
    });

    describe('authorization', () => {
      it('lets editors and admins of the organization and sysadmins create, and nobody else', async () => {
        for (const who of [u.editor, u.admin, u.sysadmin]) {
          await p.call('package_create', buildPackage(), who);
        }
        for (const who of [u.member, u.otherOrgEditor, u.plain]) {
          await rejectsWith(p.call('package_create', buildPackage(), who), 'not_authorized');
        }
        await rejectsWith(p.call('package_create', buildPackage()), 'not_authorized');
      });

      it('lets only editors of the owning organization update or delete', async () => {
        const pkg = (await p.call('package_create', buildPackage(), u.editor)) as Dict;
        await rejectsWith(
          p.call('package_patch', { id: pkg.id, title: 'x' }, u.otherOrgEditor),
          'not_authorized',
        );
        await rejectsWith(
          p.call('package_patch', { id: pkg.id, title: 'x' }, u.member),
          'not_authorized',
        );
        await rejectsWith(p.call('package_delete', { id: pkg.id }, u.plain), 'not_authorized');
        await rejectsWith(
          p.call(
            'resource_create',
            { package_id: pkg.id, url: 'https://e.jp/a.csv' },
            u.otherOrgEditor,
          ),
          'not_authorized',
        );
        await p.call('package_patch', { id: pkg.id, title: 'ok' }, u.admin);
      });

      it('refuses to move a dataset into an organization the editor does not belong to', async () => {
        const pkg = (await p.call('package_create', buildPackage(), u.editor)) as Dict;
        await rejectsWith(
          p.call('package_patch', { id: pkg.id, owner_org: 'hakodate-shi' }, u.editor),
          'not_authorized',
        );
      });

      it('lets only organization admins and sysadmins manage members', async () => {
        await rejectsWith(
          p.call(
            'organization_member_create',
            { id: 'sapporo-shi', username: 'citizen', role: 'editor' },
            u.editor,
          ),
          'not_authorized',
        );
        await p.call(
          'organization_member_create',
          { id: 'sapporo-shi', username: 'citizen', role: 'member' },
          u.admin,
        );
        const members = (await p.call('member_list', { id: 'sapporo-shi' }, u.member)) as Array<
          [string, string, string]
        >;
        assert.ok(members.some(([, type, cap]) => type === 'user' && cap === 'member'));
        await p.call(
          'organization_member_delete',
          { id: 'sapporo-shi', username: 'citizen' },
          u.admin,
        );
        await rejectsWith(
          p.call('member_list', { id: 'sapporo-shi' }, u.otherOrgEditor),
          'not_authorized',
        );
        await rejectsWith(p.call('member_list', { id: 'sapporo-shi' }), 'not_authorized');
      });

      it('shows e-mail addresses only to the user and sysadmins', async () => {
        const self = (await p.call('user_show', { id: 'sapporo-editor' }, u.editor)) as Dict;
        const other = (await p.call('user_show', { id: 'sapporo-editor' }, u.plain)) as Dict;
        const anon = (await p.call('user_show', { id: 'sapporo-editor' })) as Dict;
        assert.equal(self.email, 'sapporo-editor@example.jp');
        assert.equal(other.email, undefined);
        assert.equal(anon.email, undefined);
      });

      it('lets only sysadmins create users, and only the user or a sysadmin create tokens', async () => {
        await rejectsWith(
          p.call('user_create', { name: 'mallory', email: 'm@example.jp' }, u.admin),
          'not_authorized',
        );
        await rejectsWith(
          p.call('api_token_create', { user: 'sapporo-editor', name: 't' }, u.admin),
          'not_authorized',
        );
        const { token } = (await p.call(
          'api_token_create',
          { user: 'citizen', name: 'mine' },
          u.plain,
        )) as { token: string };
        assert.ok(token.length >= 40);
      });
    });

    describe('private datasets', () => {
      let secret: Dict;
      before(async () => {
        secret = (await p.call(
          'package_create',
          buildPackage({
            name: 'secret-plan',
            title: '非公開の内部資料',
            private: true,
            tags: [{ name: '内部' }],
            resources: [{ url: 'https://e.jp/s.csv', name: '内部ファイル' }],
          }),
          u.editor,
        )) as Dict;
      });

      it('are shown to members of the organization and sysadmins', async () => {
        for (const who of [u.member, u.editor, u.admin, u.sysadmin]) {
          assert.equal(
            ((await p.call('package_show', { id: 'secret-plan' }, who)) as Dict).id,
            secret.id,
          );
        }
      });

      it('are not found by anyone else, through show, resource_show, list, search, tags or counts', async () => {
        const resourceId = (secret.resources as Array<{ id: string }>)[0]?.id ?? '';
        for (const who of [undefined, u.plain, u.otherOrgEditor]) {
          await rejectsWith(p.call('package_show', { id: 'secret-plan' }, who), 'not_found');
          await rejectsWith(p.call('package_show', { id: secret.id }, who), 'not_found');
          await rejectsWith(p.call('resource_show', { id: resourceId }, who), 'not_found');
          const found = (await p.call(
            'package_search',
            { q: '非公開', include_private: true },
            who,
          )) as { count: number };
          assert.equal(found.count, 0);
          const org = (await p.call(
            'organization_show',
            { id: 'sapporo-shi', include_datasets: true },
            who,
          )) as { packages: Dict[] };
          assert.ok(!org.packages.some((d) => d.id === secret.id));
        }
        assert.ok(!((await p.call('package_list', {})) as string[]).includes('secret-plan'));
        assert.ok(!((await p.call('tag_list', {})) as string[]).includes('内部'));
      });

      it('appear in search only with include_private, for members', async () => {
        const without = (await p.call('package_search', { q: '非公開' }, u.member)) as {
          count: number;
        };
        const withPrivate = (await p.call(
          'package_search',
          { q: '非公開', include_private: true },
          u.member,
        )) as { count: number };
        assert.equal(without.count, 0);
        assert.equal(withPrivate.count, 1);
      });
    });

    describe('lists', () => {
      it('counts public datasets per organization in organization_list all_fields', async () => {
        const orgs = (await p.call('organization_list', {
          all_fields: true,
          organizations: ['sapporo-shi', 'hakodate-shi'],
        })) as Array<{
          name: string;
          package_count: number;
        }>;
        const sapporo = orgs.find((o) => o.name === 'sapporo-shi');
        const hakodate = orgs.find((o) => o.name === 'hakodate-shi');
        assert.ok((sapporo?.package_count ?? 0) > 0);
        assert.equal(hakodate?.package_count, 0);
      });

      it('sorts organizations by package_count desc', async () => {
        const names = (await p.call('organization_list', {
          sort: 'package_count desc',
          limit: 1,
        })) as string[];
        assert.deepEqual(names, ['sapporo-shi']);
      });

      it('lists tags with a width-folding query', async () => {
        const tags = (await p.call('tag_list', { query: 'ａｅｄ' })) as string[];
        assert.deepEqual(tags, ['AED']);
      });

      it('lists the licences with Japanese titles', async () => {
        const licenses = (await p.call('license_list', {})) as Array<{ id: string; title: string }>;
        assert.deepEqual(
          licenses.map((l) => l.id),
          ['cc-by-4.0', 'cc-zero', 'gsl-2.0', 'pdl-1.0', 'odc-odbl', 'other'],
        );
        assert.equal(
          licenses.find((l) => l.id === 'pdl-1.0')?.title,
          '公共データ利用規約（第1.0版）',
        );
      });

      it('reports the CKAN version s5 is compatible with', async () => {
        const status = (await p.call('status_show', {})) as {
          ckan_version: string;
          site_url: string;
        };
        assert.equal(status.ckan_version, '2.10.4');
        assert.equal(status.site_url, 'http://s5.test');
      });

      it('shows a group with the count of its public datasets', async () => {
        const g = (await p.call('group_show', { id: 'ishikari', include_datasets: true })) as {
          package_count: number;
          packages: Dict[];
        };
        assert.ok(g.package_count > 0);
        assert.equal(g.packages.length, Math.min(10, g.package_count));
        assert.ok(g.packages.every((d) => d.private === false));
      });

      it('documents every action through help_show', async () => {
        const help = (await p.call('help_show', { name: 'package_create' })) as string;
        assert.match(help, /^Create a dataset/);
        await rejectsWith(p.call('help_show', { name: 'no_such_action' }), 'not_found');
      });

      it('lists the organizations a user may publish to', async () => {
        const orgs = (await p.call(
          'organization_list_for_user',
          { permission: 'create_dataset' },
          u.editor,
        )) as Dict[];
        assert.deepEqual(
          orgs.map((o) => o.name),
          ['sapporo-shi'],
        );
        const none = (await p.call(
          'organization_list_for_user',
          { permission: 'create_dataset' },
          u.member,
        )) as Dict[];
        assert.deepEqual(none, []);
      });
    });

    it('runs the site actor for local tools', async () => {
      assert.equal(((await p.call('user_show', { id: 'root' }, siteActor)) as Dict).name, 'root');
    });
  });
}
