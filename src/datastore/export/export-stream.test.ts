import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Platform } from '../../platform/index.ts';
import { testBackends } from '../../../test/support/backends.ts';
import type { FieldDef } from '../fields/field-def.ts';
import { findTable } from '../repo/table-registry.ts';
import {
  createDataset,
  createTable,
  createTestUsers,
  openDatastorePlatform,
} from '../testing/fixtures.ts';
import { loadRows } from '../write/load-rows.ts';
import { exportTable } from './export-table.ts';

const ROWS = 100_000;

/** A full collection, so that garbage left by the load does not count as the export's growth. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc === 'function') gc();
}
const FIELDS: FieldDef[] = [
  { id: '名称', type: 'text' },
  { id: '番号', type: 'int4' },
  { id: '説明', type: 'text' },
];
/** About 800 bytes a row in UTF-8: held whole, the rows' strings alone would take over 50 MB. */
const FILLER = '北海道札幌市中央区'.repeat(30);

for (const backend of testBackends()) {
  describe(`exportTable streaming on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let id: string;
    before(async () => {
      p = await openDatastorePlatform(backend);
      const u = await createTestUsers(p);
      id = await createTable(p, u, await createDataset(p, u), { fields: FIELDS });
      async function* rows() {
        for (let i = 1; i <= ROWS; i++) yield [`施設${i}`, i, FILLER];
      }
      await loadRows(p.db, id, FIELDS, rows(), { replace: true, now: new Date() });
    });
    after(() => p?.close());

    it('exports a 100k-row table as CSV with bounded memory growth', async () => {
      const meta = await findTable(p.db, id);
      assert.ok(meta);
      collectGarbage();
      const before = process.memoryUsage();
      let peak = before.rss;
      let peakHeap = before.heapUsed;
      let chunks = 0;
      let bytes = 0;
      let lines = 0;
      for await (const chunk of exportTable(p.db, meta, 'csv')) {
        bytes += chunk.byteLength;
        for (const b of chunk) if (b === 0x0a) lines += 1;
        // Sampled after a collection: what the export holds on to, not what it has let go.
        if (++chunks % 10 !== 0) continue;
        collectGarbage();
        const now = process.memoryUsage();
        peak = Math.max(peak, now.rss);
        peakHeap = Math.max(peakHeap, now.heapUsed);
      }
      assert.equal(lines, ROWS + 1);
      assert.ok(bytes > 80_000_000, `exported ${bytes} bytes`);
      const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
      // The live heap is the exact measure; RSS also holds V8's spare semispaces and the
      // database's cache, so its bound is looser, yet below the size of the export itself.
      assert.ok(
        peakHeap - before.heapUsed < 24 * 1048576,
        `heap grew by ${mb(peakHeap - before.heapUsed)}`,
      );
      assert.ok(peak - before.rss < 72 * 1048576, `RSS grew by ${mb(peak - before.rss)}`);
    });
  });
}
