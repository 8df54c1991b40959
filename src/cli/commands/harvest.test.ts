import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { type RemoteInstance, startRemoteInstance } from '../../harvest/testing/remote-instance.ts';
import type { Platform } from '../../platform/index.ts';
import { siteActor, testBackends } from '../../../test/support/backends.ts';
import { register } from './harvest.ts';
import type { CliIo } from './validate.ts';

for (const backend of testBackends()) {
  describe(`s5 harvest (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let remote: RemoteInstance;
    before(async () => {
      remote = await startRemoteInstance();
      for (const name of ['cli-a', 'cli-b']) {
        await remote.call('package_create', { name, title: name, owner_org: 'sapporo-shi' });
      }
      p = await backend.open();
    });
    after(async () => {
      await p?.close();
      await remote?.close();
    });

    async function run(...args: string[]) {
      const io = { stdout: '', stderr: '', code: 0 };
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
      // The remote is on loopback: allow it, as S5_FETCH_ALLOW_PRIVATE would.
      register(program, cli, (fn) => fn({ ...p, site: { ...p.site, fetchAllowPrivate: true } }));
      await program.parseAsync(['node', 's5', 'harvest', ...args]);
      return io;
    }

    it('add registers a source for a local organization', async () => {
      const io = await run('add', 'sapporo', remote.url, '--org', 'otaru-shi', '--interval', '60');
      const shown = (await p.call('s5_harvest_source_show', { id: 'sapporo' }, siteActor)) as {
        url: string;
        interval_minutes: number;
      };
      assert.deepEqual([io.code, shown.url, shown.interval_minutes], [0, remote.url, 60]);
    });

    it('run harvests now and prints the counts', async () => {
      const io = await run('run', 'sapporo');
      assert.equal(io.code, 0, io.stderr);
      assert.match(io.stdout, /created 2、/);
    });

    it('list and jobs show the source and its finished job', async () => {
      const list = await run('list');
      const jobs = await run('jobs', 'sapporo');
      assert.match(list.stdout, /^sapporo\t.*\tdone /m);
      assert.match(jobs.stdout, /\tdone\t\+2 ~0 -0 =0 !0\t/);
    });

    it('an unknown source fails with exit code 1', async () => {
      const io = await run('run', 'nowhere');
      assert.deepEqual([io.code, /not found/.test(io.stderr)], [1, true]);
    });
  });
}
