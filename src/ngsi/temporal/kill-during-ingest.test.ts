// kill -9 during batch ingest: history is written in the transaction of each entity write, so
// after a crash every attribute's newest history instance is its current value and there is
// exactly one instance per committed write (round 0..r for value r).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loadConfig } from '../../core/config.ts';
import { silentLogger } from '../../core/logger.ts';
import { sqliteIntegrityProblems } from '../../db/index.ts';
import { openPlatform } from '../../platform/index.ts';
import { realtimeDb } from './tables.ts';

const CHILD = path.join(import.meta.dirname, 'ingest-child.fixture.ts');

function runAndKill(dir: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes('ingesting')) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
}

describe('kill -9 during NGSI-LD batch ingest', () => {
  test('leaves history consistent with entity state', { timeout: 120_000 }, async () => {
    for (const afterMs of [300, 1100]) {
      const dir = mkdtempSync(path.join(tmpdir(), 's5-ngsi-kill-'));
      await runAndKill(dir, afterMs);
      assert.deepEqual(sqliteIntegrityProblems(path.join(dir, 's5.db')), []);
      const p = await openPlatform(
        loadConfig({ S5_DATA_DIR: dir, S5_LOG_LEVEL: 'silent', S5_AUTO_SEED: 'false' }),
        { log: silentLogger },
      );
      try {
        const current = await realtimeDb(p.db)
          .selectFrom('ngsi_attribute as a')
          .innerJoin('ngsi_entity as e', 'e.seq', 'a.entity_seq')
          .select(['e.id', 'a.name', 'a.vnum'])
          .execute();
        assert.ok(current.length > 0, 'some writes committed before the kill');
        for (const c of current) {
          const hist = await realtimeDb(p.db)
            .selectFrom('ngsi_attr_instance')
            .select('vnum')
            .where('entity_id', '=', c.id)
            .where('attr', '=', c.name)
            .orderBy('created_ms')
            .orderBy('vnum')
            .execute();
          const r = Number(c.vnum);
          assert.deepEqual(
            hist.map((h) => h.vnum),
            Array.from({ length: r + 1 }, (_, i) => i),
            `${c.id} ${c.name} at round ${r}`,
          );
        }
      } finally {
        await p.close();
      }
    }
  });
});
