// Faults (issue 8): kill -9 the process while it publishes a fiscal year's report. After a
// restart the database passes integrity_check, the year is either wholly published (report,
// dataset and files) or still reviewed with no dataset, and publishing again works.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loadConfig } from '../../src/core/config.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { sqliteIntegrityProblems } from '../../src/db/index.ts';
import { openPlatform } from '../../src/platform/index.ts';
import { SEED_DIR, siteActor } from '../support/backends.ts';

const CHILD = path.join(import.meta.dirname, 'children/publish-year.ts');
const configFor = (dir: string) =>
  loadConfig({ S5_DATA_DIR: dir, S5_SEED_DIR: SEED_DIR, S5_LOG_LEVEL: 'silent' });

/** Runs the child; kills it `killAfterMs` after it starts publishing (never, when undefined). */
function runChild(dir: string, killAfterMs?: number): Promise<{ published: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let started = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!started && out.includes('publishing')) {
        started = Date.now();
        if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.on('error', reject);
    child.on('exit', () =>
      resolve({ published: out.includes('published\n'), ms: Date.now() - started }),
    );
  });
}

describe('kill -9 during a plan publication', () => {
  test('each kill leaves the year wholly published or wholly reviewed, and publishing again works', async (t) => {
    const template = mkdtempSync(path.join(tmpdir(), 's5-publish-'));
    const seeded = await openPlatform(configFor(template), { log: silentLogger, seed: true });
    await seeded.call(
      's5_kpi_value_upsert',
      { fiscal_year: 2024, kpi: '5b-security-cloud', status: 'achieved', evidence_note: '運用中' },
      siteActor,
    );
    await seeded.close();
    // One undisturbed run tells how long a publication takes here, to aim the kills inside it.
    const timing = mkdtempSync(path.join(tmpdir(), 's5-publish-timing-'));
    cpSync(template, timing, { recursive: true });
    const clean = await runChild(timing);
    assert.ok(clean.published, 'an undisturbed publication completes');

    const outcomes: string[] = [];
    for (const fraction of [0.1, 0.4, 0.7, 0.95]) {
      const dir = mkdtempSync(path.join(tmpdir(), 's5-publish-kill-'));
      cpSync(template, dir, { recursive: true });
      const run = await runChild(dir, Math.max(1, Math.floor(clean.ms * fraction)));
      assert.deepEqual(sqliteIntegrityProblems(path.join(dir, 's5.db')), []);
      const p = await openPlatform(configFor(dir), { log: silentLogger });
      try {
        const report = (await p.call('s5_report_show', { fiscal_year: 2024 }, siteActor)) as {
          status: string;
          dataset: { id: string; name: string } | null;
        };
        const found = (await p.call(
          'package_search',
          { q: '', fq: 'name:*-fy2024', include_private: true },
          siteActor,
        )) as {
          count: number;
          results: Array<{ name: string; resources: Array<{ id: string }> }>;
        };
        if (report.status === 'published') {
          assert.ok(report.dataset, 'a published year has its dataset');
          const ds = (await p.call('package_show', { id: report.dataset.id }, siteActor)) as {
            resources: Array<{ id: string }>;
          };
          assert.equal(ds.resources.length, 3, 'CSV, CP932 CSV and JSON all there');
          for (const r of ds.resources)
            await p.call('s5_resource_file_show', { id: r.id }, siteActor);
          outcomes.push('published');
        } else {
          assert.equal(report.status, 'reviewed', `status ${report.status}`);
          assert.equal(found.count, 0, 'no half-published dataset');
          await p.call('s5_report_publish', { fiscal_year: 2024 }, siteActor);
          const again = (await p.call('s5_report_show', { fiscal_year: 2024 }, siteActor)) as {
            status: string;
          };
          assert.equal(again.status, 'published', 'publishing again works');
          outcomes.push(run.published ? 'published' : 'rolled back');
        }
      } finally {
        await p.close();
      }
    }
    t.diagnostic(`publication took ${clean.ms} ms; kills gave: ${outcomes.join(', ')}`);
    assert.equal(outcomes.length, 4);
  });
});
