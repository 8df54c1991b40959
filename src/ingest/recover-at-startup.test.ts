import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fixedClock } from '../core/clock.ts';
import { silentLogger } from '../core/logger.ts';
import { openPlatform } from '../platform/index.ts';
import { testConfig } from '../../test/support/backends.ts';
import { INTERRUPTED } from './index.ts';

test('opening the platform marks a job left running by a crash as failed with the reason', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 's5-recover-')), 's5.db');
  const config = testConfig({ kind: 'sqlite', file });
  const options = { log: silentLogger, clock: fixedClock('2026-11-25T03:00:00.000Z'), seed: false };
  const first = await openPlatform(config, options);
  await first.db.kysely
    .insertInto('job')
    .values({
      id: 'crashed-job',
      kind: 'ingest',
      resource_id: '3f2b7c1e-0000-4000-8000-000000000000',
      state: 'running',
      progress: '{"phase":"load","rows":1000}',
      created: '2026-11-25T02:00:00.000000',
      started: '2026-11-25T02:00:01.000000',
      attempts: 1,
    })
    .execute();
  await first.close();
  const second = await openPlatform(config, options);
  try {
    const job = await second.db.kysely
      .selectFrom('job')
      .select(['state', 'error', 'finished'])
      .where('id', '=', 'crashed-job')
      .executeTakeFirst();
    assert.deepEqual(
      { ...job },
      {
        state: 'failed',
        error: INTERRUPTED,
        finished: '2026-11-25T03:00:00.000000',
      },
    );
  } finally {
    await second.close();
  }
});
