import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildMatrix } from './build-matrix.ts';
import type { LoadedVersionRow } from './repo.ts';

const publisher = { id: 'o1', name: 'obihiro-shi', title: '帯広市', code: '012076', region: null };
const schema = { id: 'r01-aed', title: { ja: 'AED', en: 'AED' }, generation: 'legacy' as const };
const version = (o: Partial<LoadedVersionRow>): LoadedVersionRow => ({
  resourceId: 'r1',
  packageId: 'p1',
  ownerOrg: 'o1',
  version: 1,
  schemaId: 'r01-aed',
  conformance: 'nonconforming',
  rowCount: 10,
  created: '2026-01-01T00:00:00.000000',
  ...o,
});

describe('buildMatrix', () => {
  it('takes the best conformance with its row count, and the newest load as last updated', () => {
    const m = buildMatrix(
      [publisher],
      [schema],
      [
        version({ resourceId: 'r2', created: '2026-03-01T00:00:00.000000' }),
        version({ conformance: 'conforming_with_warnings', rowCount: 5 }),
      ],
    );
    assert.deepEqual(m.cells, [
      {
        publisher: '012076',
        schema: 'r01-aed',
        published: true,
        conformance: 'conforming_with_warnings',
        row_count: 5,
        last_updated: '2026-03-01T00:00:00.000000',
        resource_ids: ['r1', 'r2'],
        dataset_ids: ['p1'],
      },
    ]);
  });
});
