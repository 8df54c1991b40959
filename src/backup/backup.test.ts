import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../core/config.ts';
import { silentLogger } from '../core/logger.ts';
import { sqliteIntegrityProblems } from '../db/index.ts';
import { openPlatform } from '../platform/index.ts';
import { SEED_DIR } from '../../test/support/backends.ts';
import { createBackup, restoreBackup } from './index.ts';

const configFor = (dataDir: string) =>
  loadConfig({ S5_DATA_DIR: dataDir, S5_SEED_DIR: SEED_DIR, S5_LOG_LEVEL: 'silent' });
const tempDir = (name: string) => mkdtempSync(path.join(tmpdir(), `s5-${name}-`));

/** Starts the writer and resolves counts as it reports them. */
function startWriter(dataDir: string): {
  child: ChildProcess;
  written: () => number;
  until(n: number): Promise<void>;
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'testing/write-loop.ts'), dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let count = 0;
  let waiters: Array<{ n: number; resolve: () => void }> = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = chunk.trim().split('\n');
    count = Number(lines[lines.length - 1]);
    const due = waiters.filter((w) => count >= w.n);
    waiters = waiters.filter((w) => count < w.n);
    for (const w of due) w.resolve();
  });
  return {
    child,
    written: () => count,
    until: (n) =>
      new Promise((resolve, reject) => {
        if (count >= n) return resolve();
        waiters.push({ n, resolve });
        child.once('exit', (code) => reject(new Error(`writer exited (${code}) at ${count}`)));
      }),
  };
}

describe('s5 backup and restore', () => {
  const writers: ChildProcess[] = [];
  after(() => {
    for (const w of writers) w.kill('SIGKILL');
  });

  test('a backup taken while the server writes restores to a sound, consistent copy', async () => {
    const live = tempDir('live');
    const seeded = await openPlatform(configFor(live), { log: silentLogger, seed: true });
    await seeded.close();
    const writer = startWriter(live);
    writers.push(writer.child);
    await writer.until(12);
    const writtenBefore = writer.written();
    const backupDir = path.join(tempDir('backup'), 'b1');
    const summary = await createBackup(configFor(live), backupDir, new Date());
    const writtenAfter = writer.written();
    await writer.until(writtenAfter + 5);
    writer.child.kill('SIGKILL');
    assert.deepEqual(summary.missing, []);
    assert.ok(summary.files >= 2, `files in the backup: ${summary.files}`);

    const restored = tempDir('restored');
    const result = await restoreBackup(configFor(restored), backupDir, { force: false });
    assert.equal(result.filesPresent, summary.files);
    assert.deepEqual(sqliteIntegrityProblems(path.join(restored, 's5.db')), []);

    const p = await openPlatform(configFor(restored), { log: silentLogger });
    try {
      const found = (await p.call('package_search', { q: '書き込み', rows: 1000 })) as {
        count: number;
        results: Array<{ title: string; resources: Array<{ id: string; url_type: string }> }>;
      };
      // The snapshot holds a prefix of the writes: 1..k with no gap, k within the backup's span.
      const numbers = found.results.map((r) => Number(r.title.split(' ')[1])).sort((a, b) => a - b);
      const k = numbers.length;
      assert.ok(
        k >= writtenBefore && k <= writtenAfter + 1,
        `${writtenBefore} <= ${k} <= ${writtenAfter + 1}`,
      );
      assert.deepEqual(
        numbers,
        Array.from({ length: k }, (_, i) => i + 1),
      );
      const uploaded = found.results
        .flatMap((r) => r.resources)
        .filter((r) => r.url_type === 'upload');
      assert.equal(uploaded.length, Math.floor(k / 5));
      for (const r of uploaded) {
        const file = (await p.call('s5_resource_file_show', { id: r.id })) as { sha256: string };
        assert.ok(p.files.has(file.sha256), `the file of ${r.id} came back`);
      }
    } finally {
      await p.close();
    }
    // The live database survived the writer's kill -9 too.
    assert.deepEqual(sqliteIntegrityProblems(path.join(live, 's5.db')), []);
  });

  test('restore refuses to replace a database without --force, and refuses damaged backups', async () => {
    const source = tempDir('source');
    const p = await openPlatform(configFor(source), { log: silentLogger, seed: true });
    await p.close();
    const backupDir = path.join(tempDir('backup'), 'b2');
    await createBackup(configFor(source), backupDir, new Date());
    await assert.rejects(
      createBackup(configFor(source), backupDir, new Date()),
      /not an empty folder/,
    );
    const target = tempDir('target');
    const q = await openPlatform(configFor(target), { log: silentLogger, seed: false });
    await q.close();
    await assert.rejects(restoreBackup(configFor(target), backupDir, { force: false }), /--force/);
    await restoreBackup(configFor(target), backupDir, { force: true });
    const r = await openPlatform(configFor(target), { log: silentLogger });
    const orgs = (await r.call('organization_list', {})) as string[];
    await r.close();
    assert.ok(orgs.length > 100, 'the seeded organizations came back');

    const damaged = tempDir('damaged');
    writeFileSync(
      path.join(damaged, 'backup.json'),
      '{"format":"s5-backup","version":1,"migrations":["9999-future"]}',
    );
    await assert.rejects(
      restoreBackup(configFor(tempDir('x')), damaged, { force: false }),
      /newer s5/,
    );
    await assert.rejects(
      restoreBackup(configFor(tempDir('y')), tempDir('empty'), { force: false }),
      /not a complete s5 backup/,
    );
  });

  test('PostgreSQL is refused with a pointer to pg_dump', async () => {
    const config = {
      ...configFor(tempDir('pg')),
      database: { kind: 'postgres' as const, url: 'postgres://x/y' },
    };
    await assert.rejects(createBackup(config, tempDir('z'), new Date()), /pg_dump/);
  });
});
