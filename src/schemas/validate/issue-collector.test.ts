import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { IssueCollector } from './issue-collector.ts';

test('the counts by code are listed in localeCompare order', () => {
  const code = fc.string({
    unit: fc.constantFrom('a', 'b', 'z', '0', '9', '_'),
    minLength: 1,
    maxLength: 8,
  });
  fc.assert(
    fc.property(fc.uniqueArray(code, { maxLength: 30 }), (codes) => {
      const collector = new IssueCollector(0);
      for (const c of codes)
        collector.add({
          code: c,
          severity: 'notice',
          row: null,
          column: null,
          columnName: null,
          fixable: false,
        });
      const sorted = [...codes].sort((a, b) => a.localeCompare(b));
      // Built the same way: an object lists integer-like keys (`9`) first whatever the order.
      const expected = Object.keys(Object.fromEntries(sorted.map((c) => [c, 1])));
      assert.deepEqual(Object.keys(collector.summary(0).byCode), expected);
    }),
    { numRuns: 500 },
  );
});
