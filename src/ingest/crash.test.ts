import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { siteActor } from '../catalog/index.ts';
import { Upload } from '../files/index.ts';
import type { Platform } from '../platform/index.ts';
import { drainQueue, INTERRUPTED } from './index.ts';
import { type CrashSetup, openCrashPlatform } from './testing/crash-platform.ts';

/** Rows of the large file: enough that loading them takes well over a second. */
const ROWS = Number(process.env.CRASH_TEST_ROWS ?? 150_000);
const CHILD = path.join(import.meta.dirname, 'testing', 'crash-child.ts');
const PG_URL = process.env.S5_TEST_DATABASE_URL;

const PREVIOUS = '番号,名称,数量\r\n1,旧データA,10\r\n2,旧データB,20\r\n3,旧データC,30\r\n';

/** Writes a non-standard CSV of `rows` rows to a temporary file. */
async function writeLargeCsv(dir: string, rows: number): Promise<string> {
  const file = path.join(dir, 'large.csv');
  const out = createWriteStream(file);
  out.write('番号,名称,数量\r\n');
  for (let i = 1; i <= rows; i++) {
    if (!out.write(`${i},新データ${i},${i % 97}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}

interface Progress {
  phase: string;
  rows?: number;
  state?: string;
}

/**
 * Runs the job in a child process and SIGKILLs it once it reports loading rows.
 * @returns every progress line the child printed before it died.
 */
async function killMidLoad(setup: CrashSetup, jobId: string): Promise<Progress[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(setup), jobId], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const seen: Progress[] = [];
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => {
    buffered += text;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const progress = JSON.parse(line) as Progress;
      seen.push(progress);
      if (progress.phase === 'load' && (progress.rows ?? 0) >= 2000) child.kill('SIGKILL');
    }
  });
  const [, signal] = (await once(child, 'exit')) as [number | null, string | null];
  assert.equal(signal, 'SIGKILL', `the child ended on its own: ${JSON.stringify(seen.at(-1))}`);
  return seen;
}

async function prepare(
  setup: CrashSetup,
  dir: string,
): Promise<{ resourceId: string; jobId: string }> {
  const p = await openCrashPlatform(setup, true);
  try {
    const pkg = (await p.call(
      'package_create',
      { name: 'crash-test', owner_org: 'sapporo-shi' },
      siteActor,
    )) as { id: string };
    const previous = await p.files.put(
      Readable.from([new TextEncoder().encode(PREVIOUS)]),
      p.site.maxUploadBytes,
    );
    const resource = (await p.call(
      'resource_create',
      { package_id: pkg.id, upload: new Upload(previous, 'data.csv', 'text/csv') },
      siteActor,
    )) as { id: string };
    // The upload queued an ingest (auto-ingest); this process runs it: version 1, 3 rows.
    await drainQueue({ db: p.db, files: p.files, now: () => new Date() });
    const large = await p.files.put(
      createReadStream(await writeLargeCsv(dir, ROWS)),
      Number.MAX_SAFE_INTEGER,
    );
    await p.call(
      'resource_patch',
      { id: resource.id, upload: new Upload(large, 'data.csv', 'text/csv') },
      siteActor,
    );
    const job = (await p.call('s5_job_show', { resource_id: resource.id }, siteActor)) as {
      id: string;
      state: string;
    };
    assert.equal(job.state, 'queued');
    return { resourceId: resource.id, jobId: job.id };
  } finally {
    await p.close();
  }
}

async function search(p: Platform, resourceId: string) {
  return (await p.call('datastore_search', {
    resource_id: resourceId,
    sort: '番号',
    limit: 1,
  })) as { total: number; records: Array<Record<string, unknown>> };
}

interface Target {
  name: string;
  skip: string | undefined;
  setup(): Promise<CrashSetup>;
  cleanup(): Promise<void>;
}

const pgSchema = `s5_crash_${randomBytes(6).toString('hex')}`;
const targets: Target[] = [
  {
    name: 'sqlite',
    skip: undefined,
    setup: async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 's5-crash-'));
      return { dataDir, database: { kind: 'sqlite', file: path.join(dataDir, 's5.db') } };
    },
    cleanup: async () => undefined,
  },
  {
    name: 'postgres',
    skip: PG_URL ? undefined : 'S5_TEST_DATABASE_URL is not set (see README: Tests)',
    setup: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`CREATE SCHEMA ${pgSchema}`);
      await client.end();
      const url = new URL(PG_URL ?? '');
      url.searchParams.set('options', `-c search_path=${pgSchema}`);
      const dataDir = mkdtempSync(path.join(tmpdir(), 's5-crash-'));
      return { dataDir, database: { kind: 'postgres', url: url.toString() } };
    },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
      await client.end();
    },
  },
];

for (const target of targets) {
  describe(`an ingest killed mid-load (${target.name})`, { skip: target.skip }, () => {
    after(() => target.cleanup());

    it('leaves the database intact, the previous version queryable and the job failed as interrupted; a new ingest then succeeds', async () => {
      const setup = await target.setup();
      const { resourceId, jobId } = await prepare(setup, setup.dataDir);
      const seen = await killMidLoad(setup, jobId);
      const p = await openCrashPlatform(setup, false);
      try {
        if (setup.database.kind === 'sqlite') {
          const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(
            p.db.kysely,
          );
          assert.deepEqual(
            check.rows.map((r) => r.integrity_check),
            ['ok'],
          );
        }
        const before = await search(p, resourceId);
        const job = (await p.call('s5_job_show', { id: jobId }, siteActor)) as {
          state: string;
          error: string;
        };
        const versions = (await p.call(
          's5_resource_versions',
          { id: resourceId },
          siteActor,
        )) as Array<{ status: string; row_count: number }>;
        assert.deepEqual(
          {
            killedWhile: seen.at(-1)?.phase,
            rows: before.total,
            first: before.records[0]?.名称,
            job: [job.state, job.error],
            versions: versions.map((v) => [v.status, v.row_count]),
          },
          {
            killedWhile: 'load',
            rows: 3,
            first: '旧データA',
            job: ['failed', INTERRUPTED],
            versions: [['loaded', 3]],
          },
        );
        const again = (await p.call('s5_resource_ingest', { id: resourceId }, siteActor)) as {
          id: string;
        };
        await drainQueue({ db: p.db, files: p.files, now: () => new Date() });
        const rerun = (await p.call('s5_job_show', { id: again.id }, siteActor)) as {
          state: string;
        };
        const after = await search(p, resourceId);
        assert.deepEqual(
          [rerun.state, after.total, after.records[0]?.名称],
          ['done', ROWS, '新データ1'],
        );
      } finally {
        await p.close();
      }
    });
  });
}
