import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { aedFile, publishAed } from '../../merged/testing/publish-aed.ts';
import type { Platform } from '../../platform/index.ts';
import { createTestUsers, testBackends } from '../../../test/support/backends.ts';
import { register } from './merged.ts';
import type { CliIo } from './validate.ts';

for (const backend of testBackends()) {
  describe(`s5 merged (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let resourceId: string;
    before(async () => {
      p = await backend.open();
      const users = await createTestUsers(p);
      await publishAed(p, users, 'asahikawa-shi', aedFile('012041', 0, 7));
      const listed = (await p.call('s5_merged_list', {})) as {
        results: Array<{ resource_id: string }>;
      };
      resourceId = listed.results[0]?.resource_id ?? '';
    });
    after(() => p?.close());

    async function run(...args: string[]) {
      const io = { stdout: '', code: -1 };
      const cli: CliIo = {
        out: (t) => {
          io.stdout += t;
        },
        err: () => undefined,
        exit: (c) => {
          io.code = c;
        },
        interactive: false,
      };
      const program = new Command().exitOverride();
      register(program, cli, (fn) => fn(p));
      await program.parseAsync(['node', 's5', 'merged', ...args]);
      return io;
    }

    it('rebuilds one schema’s merged table and says how many members it holds', async () => {
      const io = await run('refresh', 'r01-aed');
      assert.equal(io.code, 0);
      assert.equal(
        io.stdout,
        `r01-aed: 1 件の公開者データ / members (+0 −0 ~0 =1) 再構築 / rebuilt → ${resourceId}\n`,
      );
    });

    it('lists the merged tables with their dataset and row count', async () => {
      const io = await run('list');
      assert.match(
        io.stdout,
        /^r01-aed\tAED設置箇所一覧（北海道全域・統合、推奨データセット形式）\t1 members\t7 rows\tmerged-r01-aed\t/,
      );
    });
  });
}
