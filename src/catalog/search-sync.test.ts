import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixedClock } from '../core/clock.ts';
import { silentLogger } from '../core/logger.ts';
import { openPlatform } from '../platform/index.ts';
import { buildPackage, siteActor, testConfig } from '../../test/support/backends.ts';

describe('search across processes sharing one database', () => {
  it('sees datasets written, changed and deleted by another process', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 's5-sync-')), 's5.db');
    const open = () =>
      openPlatform(testConfig({ kind: 'sqlite', file }), {
        log: silentLogger,
        clock: fixedClock('2026-11-25T00:00:00Z'),
      });
    const writer = await open();
    const reader = await open();
    const count = async (q: string) =>
      ((await reader.call('package_search', { q })) as { count: number }).count;
    try {
      assert.equal(await count('流氷'), 0);
      const pkg = (await writer.call(
        'package_create',
        buildPackage({ title: '流氷観測データ' }),
        siteActor,
      )) as { id: string };
      assert.equal(await count('流氷'), 1);
      await writer.call('package_patch', { id: pkg.id, title: '海氷観測データ' }, siteActor);
      assert.equal(await count('流氷'), 0);
      assert.equal(await count('海氷'), 1);
      await writer.call('package_delete', { id: pkg.id }, siteActor);
      assert.equal(await count('海氷'), 0);
    } finally {
      await writer.close();
      await reader.close();
    }
  });
});
