import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { silentLogger } from '../core/logger.ts';
import type { Platform } from '../platform/index.ts';
import { createApp } from '../api/index.ts';
import {
  buildPackage,
  createTestUsers,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';

interface Listed {
  count: number;
  results: Array<{
    action: string;
    user_name: string | null;
    object_id: string | null;
    origin: string;
    timestamp: string;
    details: Record<string, unknown>;
  }>;
}

for (const backend of testBackends()) {
  describe(`audit log (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    before(async () => {
      p = await backend.open();
      u = await createTestUsers(p);
    });
    after(() => p.close());

    const list = (input: Record<string, unknown>) =>
      p.call('s5_audit_log_list', input, u.sysadmin) as Promise<Listed>;

    test('a dataset created by an editor is logged with who, what, when and from where', async () => {
      const created = (await p.registry.call(
        'package_create',
        p.context(u.editor, silentLogger, '203.0.113.7'),
        buildPackage({ title: '監査テスト' }),
      )) as { id: string };
      const { results } = await list({ object_id: created.id });
      assert.equal(results.length, 1);
      const [entry] = results;
      assert.equal(entry?.action, 'package_create');
      assert.equal(entry?.user_name, 'sapporo-editor');
      assert.equal(entry?.origin, '203.0.113.7');
      assert.equal(entry?.timestamp, '2026-11-25T03:00:00.000000');
      assert.equal(entry?.details.title, '監査テスト');
    });

    test('reads and refused writes leave no entry', async () => {
      const before = (await list({})).count;
      await p.call('package_search', { q: '監査' }, u.editor);
      await assert.rejects(
        p.call('package_create', buildPackage({ owner_org: 'hakodate-shi' }), u.editor),
      );
      assert.equal((await list({})).count, before);
    });

    test('only sysadmins may read the log, over the API too', async () => {
      await assert.rejects(p.call('s5_audit_log_list', {}, u.admin), /sysadmin/);
      const app = createApp(p);
      const res = await app.request('/api/3/action/s5_audit_log_list?limit=1', {
        headers: { Authorization: u.tokens.sysadmin },
      });
      const body = (await res.json()) as { success: boolean; result: Listed };
      assert.equal(res.status, 200);
      assert.equal(body.result.results.length, 1);
      const refused = await app.request('/api/3/action/s5_audit_log_list', {
        headers: { Authorization: u.tokens.editor },
      });
      assert.equal(refused.status, 403);
    });

    test('bulk input is reduced to its size', async () => {
      const { id } = (await p.call('package_create', buildPackage(), u.editor)) as { id: string };
      const resource = (await p.call(
        'datastore_create',
        {
          resource: { package_id: id, name: 'rows' },
          fields: [{ id: 'n', type: 'int' }],
          records: Array.from({ length: 50 }, (_, n) => ({ n })),
        },
        u.editor,
      )) as { resource_id: string };
      const { results } = await list({
        action: 'datastore_create',
        object_id: resource.resource_id,
      });
      assert.equal(results[0]?.details.records, '[50 items]');
    });
  });
}
