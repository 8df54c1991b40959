import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import type { Platform } from '../../platform/index.ts';
import { siteActor, testBackends } from '../../../test/support/backends.ts';
import { register } from './import.ts';
import type { CliIo } from './validate.ts';

const REAL = path.resolve(import.meta.dirname, '../../../test/fixtures/real-csv');

for (const backend of testBackends()) {
  describe(`s5 import (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    before(async () => {
      p = await backend.open();
    });
    after(async () => {
      await p?.close();
    });

    async function run(...args: string[]) {
      return runOn(p, ...args);
    }

    async function runOn(platform: Platform, ...args: string[]) {
      const io = { stdout: '', stderr: '', code: -1 };
      const cli: CliIo = {
        out: (t) => {
          io.stdout += t;
        },
        err: (t) => {
          io.stderr += t;
        },
        exit: (c) => {
          io.code = c;
        },
        interactive: false,
      };
      const program = new Command().exitOverride();
      register(program, cli, (fn) => fn(platform));
      await program.parseAsync(['node', 's5', 'import', ...args]);
      return io;
    }

    it('creates the dataset, uploads the file and loads its rows', async () => {
      const io = await run(
        path.join(REAL, 'yaizu_222127_aed.csv'),
        '--dataset',
        'yaizu-aed',
        '--org',
        'sapporo-shi',
        '--title',
        'AED設置箇所一覧',
      );
      const pkg = (await p.call('package_show', { id: 'yaizu-aed' }, siteActor)) as {
        title: string;
        resources: Array<{ id: string; datastore_active: boolean }>;
      };
      assert.deepEqual(
        [io.code, pkg.title, pkg.resources.length, pkg.resources[0]?.datastore_active],
        [0, 'AED設置箇所一覧', 1, true],
      );
      assert.match(io.stdout, /82 行.*\n[\s\S]*AED[\s\S]*適合度/);
    });

    it('replaces the file of the same resource on a second import, adding a version', async () => {
      const file = path.join(REAL, 'yaizu_222127_nouen.csv');
      await run(file, '--dataset', 'nouen', '--org', 'sapporo-shi');
      const io = await run(file, '--dataset', 'nouen', '--org', 'sapporo-shi');
      const pkg = (await p.call('package_show', { id: 'nouen' }, siteActor)) as {
        resources: Array<{ id: string }>;
      };
      const versions = (await p.call(
        's5_resource_versions',
        { id: pkg.resources[0]?.id },
        siteActor,
      )) as unknown[];
      assert.deepEqual([io.code, pkg.resources.length, versions.length], [0, 1, 2]);
      assert.match(io.stdout, /版 \/ version 2/);
    });

    it('exits 1 with a Japanese message when the file cannot be read as a table', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 's5-import-'));
      const file = path.join(dir, 'broken.csv');
      writeFileSync(file, '%PDF-1.4\n');
      const io = await run(file, '--dataset', 'broken', '--org', 'sapporo-shi');
      assert.equal(io.code, 1);
      assert.match(io.stderr, /取り込みに失敗しました/);
    });

    describe('--url', () => {
      let server: http.Server;
      let base: string;
      const AED = readFileSync(path.join(REAL, 'yaizu_222127_aed.csv'));
      /** The test platform, allowed to fetch from loopback as S5_FETCH_ALLOW_PRIVATE=true does. */
      const allowingPrivate = (): Platform => {
        const site = { ...p.site, fetchAllowPrivate: true };
        return { ...p, site, context: (...a) => ({ ...p.context(...a), site }) };
      };
      before(async () => {
        server = http.createServer((req, res) => {
          if (req.url === '/opendata/aed.csv') res.end(AED);
          else res.writeHead(404).end();
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      });
      after(() => {
        server.closeAllConnections();
        server.close();
      });

      it('fetches a URL into a resource named after it and loads its rows', async () => {
        const url = `${base}/opendata/aed.csv`;
        const io = await runOn(
          allowingPrivate(),
          '--url',
          url,
          '--dataset',
          'url-aed',
          '--org',
          'sapporo-shi',
        );
        const pkg = (await p.call('package_show', { id: 'url-aed' }, siteActor)) as {
          resources: Array<{ name: string; source_url: string; datastore_active: boolean }>;
        };
        assert.deepEqual(
          [io.code, pkg.resources.map((r) => [r.name, r.source_url, r.datastore_active])],
          [0, [['aed.csv', url, true]]],
        );
        assert.match(io.stdout, /82 行/);
      });

      it('refuses a loopback URL when private addresses are not allowed, exiting 1', async () => {
        const io = await run(
          '--url',
          `${base}/opendata/aed.csv`,
          '--dataset',
          'url-refused',
          '--org',
          'sapporo-shi',
        );
        assert.equal(io.code, 1);
        assert.match(io.stderr, /取り込みに失敗しました[\s\S]*127\.0\.0\.1/);
      });

      it('asks for a file or --url, not both', async () => {
        const io = await run(
          'a.csv',
          '--url',
          `${base}/x.csv`,
          '--dataset',
          'both',
          '--org',
          'sapporo-shi',
        );
        assert.equal(io.code, 2);
      });
    });
  });
}
