// The security matrix (issue 8): every read path × every actor × public / private / deleted
// objects, asserting visibility exactly as the role rules say (src/catalog/policy.ts):
// public → everyone; private → members of the organization (any role) and sysadmins;
// deleted → only show for editors, admins and sysadmins, never listed or searchable.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../src/api/index.ts';
import { openDatastorePlatform } from '../../src/datastore/testing/fixtures.ts';
import { Upload } from '../../src/files/index.ts';
import { aedFile, csvUpload, settle } from '../../src/merged/testing/publish-aed.ts';
import type { Platform } from '../../src/platform/index.ts';
import {
  buildPackage,
  createTestUsers,
  type TestUsers,
  testBackends,
} from '../support/backends.ts';
import { type Expectation, PATHS, type Role, ROLES, type State, STATES } from './paths.ts';

export interface MatrixObject {
  state: State;
  /** Unique text in the title, the tag, the rows and the file: its presence means a leak. */
  marker: string;
  id: string;
  name: string;
  tableId: string;
  fileResourceId: string;
  /** The prefecture-wide merged AED table (the same for every object). */
  mergedId: string;
}

for (const backend of testBackends()) {
  describe(`security matrix on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let app: Hono;
    let u: TestUsers;
    const objects = new Map<State, MatrixObject>();
    const tokens = new Map<Role, string | undefined>();

    before(async () => {
      p = await openDatastorePlatform(backend);
      app = createApp(p);
      u = await createTestUsers(p);
      tokens.set('anonymous', undefined);
      tokens.set('plain', u.tokens.plain);
      tokens.set('otherOrgEditor', u.tokens.otherOrgEditor);
      tokens.set('member', u.tokens.member);
      tokens.set('editor', u.tokens.editor);
      tokens.set('admin', u.tokens.admin);
      tokens.set('sysadmin', u.tokens.sysadmin);
      for (const state of STATES) {
        const marker = `mx${state}${Math.random().toString(36).slice(2, 10)}`;
        const pkg = (await p.call(
          'package_create',
          buildPackage({
            name: `m-${marker}`,
            title: `matrix ${marker}`,
            private: state === 'private',
            tags: [{ name: `tag-${marker}` }],
            groups: [{ name: 'ishikari' }],
          }),
          u.editor,
        )) as { id: string; name: string };
        const table = (await p.call(
          'datastore_create',
          {
            resource: { package_id: pkg.id, name: 'rows' },
            fields: [
              { id: '名称', type: 'text' },
              { id: '緯度', type: 'numeric' },
              { id: '経度', type: 'numeric' },
            ],
            records: [{ 名称: marker, 緯度: 43.06, 経度: 141.35 }],
          },
          u.editor,
        )) as { resource_id: string };
        const bytes = new TextEncoder().encode(`名称\r\n${marker}\r\n`);
        const stored = await p.files.put(
          (async function* () {
            yield bytes;
          })(),
          1_000_000,
        );
        const file = (await p.call(
          'resource_create',
          {
            package_id: pkg.id,
            name: 'file',
            upload: new Upload(stored, `${marker}.csv`, 'text/csv'),
          },
          u.editor,
        )) as { id: string };
        // A conforming standard file whose first row's 名称 is the marker, for the merged table.
        const aed = aedFile('011002', 0, 3).replace(
          /\r\n(011002,[^,]*,[^,]*,[^,]*,)[^,]*/,
          (_m, head: string) => `\r\n${head}${marker}`,
        );
        await p.call(
          'resource_create',
          { package_id: pkg.id, name: 'AED', upload: await csvUpload(p, aed) },
          u.editor,
        );
        objects.set(state, {
          state,
          marker,
          id: pkg.id,
          name: pkg.name,
          tableId: table.resource_id,
          fileResourceId: file.id,
          mergedId: '',
        });
      }
      await settle(p);
      const deleted = objects.get('deleted');
      if (deleted) await p.call('package_delete', { id: deleted.id }, u.editor);
      await settle(p);
      const merged = (await p.call('package_show', { id: 'merged-r01-aed' })) as {
        resources: Array<{ id: string }>;
      };
      for (const o of objects.values()) o.mergedId = merged.resources[0]?.id ?? '';
    });
    after(() => p?.close());

    for (const path of PATHS) {
      test(`${path.name}: each actor sees exactly what the rules allow`, async () => {
        const wrong: string[] = [];
        for (const state of STATES) {
          const object = objects.get(state);
          assert.ok(object);
          for (const role of ROLES) {
            const { status, body } = await path.observe(app, object, tokens.get(role));
            assert.notEqual(
              status,
              500,
              `${path.name} ${state} ${role}: 500 ${body.slice(0, 200)}`,
            );
            const mark = path.byTitle ? `matrix ${object.marker}` : object.marker;
            const seen =
              (path.seenIn ? path.seenIn(body, object) : body.includes(mark)) ||
              (path.visibleByStatus === true && status === 200);
            const expected: Expectation = path.expect(role, state);
            if (expected === 'any') continue;
            if (seen !== (expected === 'visible'))
              wrong.push(`${state}/${role}: ${seen ? 'saw it' : 'did not see it'} (${status})`);
          }
        }
        assert.deepEqual(wrong, []);
      });
    }
  });
}
