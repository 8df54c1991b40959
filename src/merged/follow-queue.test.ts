import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WriteListener } from '../core/action.ts';
import type { Platform } from '../platform/index.ts';
import {
  buildPackage,
  createTestUsers,
  siteActor,
  testBackends,
} from '../../test/support/backends.ts';
import type { MergedDeps, MergedTableView } from './index.ts';
import { mergedWriteListener } from './schedule-refresh.ts';
import { aedFile, csvUpload, settle } from './testing/publish-aed.ts';

for (const backend of testBackends()) {
  describe(`merged tables after auto-ingested uploads (${backend.name})`, {
    skip: backend.skip,
  }, () => {
    let p: Platform;
    let deps: MergedDeps;

    /** Uploads an AED file as the organization's new resource, as the portal or API would. */
    const upload = async (org: string, code: string) => {
      const pkg = (await p.call('package_create', buildPackage({ owner_org: org }), siteActor)) as {
        id: string;
      };
      const input = {
        package_id: pkg.id,
        name: 'AED',
        upload: await csvUpload(p, aedFile(code, 0, 6)),
      };
      const result = (await p.call('resource_create', input, siteActor)) as { id: string };
      return { input, result };
    };
    /** Tells the listener about that write as the registry would (the platform's own does not follow the queue in tests). */
    const notify = async (listener: WriteListener, write: Awaited<ReturnType<typeof upload>>) =>
      listener({
        name: 'resource_create',
        ctx: p.context(siteActor),
        input: write.input,
        result: write.result,
      });
    const mergedRows = async () => {
      const { results } = (await p.call('s5_merged_list', { schema: 'r01-aed' })) as {
        results: MergedTableView[];
      };
      return results[0]?.row_count ?? 0;
    };

    before(async () => {
      p = await backend.open();
      await createTestUsers(p);
      deps = {
        db: p.db,
        log: p.log,
        now: () => p.clock.now(),
        siteUrl: p.site.siteUrl,
        callAsSite: (name, input) => p.registry.call(name, p.context(siteActor), input),
      };
    });
    after(() => p?.close());

    it('leaves the queued job alone where the process does not run the queue (the CLI)', async () => {
      const write = await upload('sapporo-shi', '011002');
      await notify(mergedWriteListener(deps, { followQueue: false }), write);
      // Long enough for a drain, had one been started, to take the six-row job.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const job = (await p.call('s5_job_show', { resource_id: write.result.id }, siteActor)) as {
        state: string;
      };
      assert.equal(job.state, 'queued');
    });

    it('merges an auto-ingested upload once the server’s queue has run its job', async () => {
      const write = await upload('obihiro-shi', '012076');
      await notify(mergedWriteListener(deps, { followQueue: true }), write);
      await settle(p);
      // Both uploads were queued: the drain the listener joined ran them both.
      assert.equal(await mergedRows(), 12);
    });
  });
}
