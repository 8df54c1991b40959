import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import Papa from 'papaparse';
import { formatRecords } from './format-records.ts';

describe('records formats', () => {
  it('writes CSV like PostgreSQL COPY: NULL empty, empty string quoted, t/f, JSON text', () => {
    const csv = formatRecords(
      ['a', 'b', 'c', 'd', 'e'],
      [
        [null, '', true, { k: '値' }, 'x,"y"\nz'],
        [1.5, 'テキスト', false, [1], null],
      ],
      'csv',
    );
    assert.equal(csv, ',"",t,"{""k"":""値""}","x,""y""\nz"\n1.5,テキスト,f,[1],\n');
  });

  it('gives objects keyed by field and lists in field order', () => {
    assert.deepEqual(formatRecords(['a', 'b'], [[1, 'x']], 'objects'), [{ a: 1, b: 'x' }]);
    assert.deepEqual(formatRecords(['a', 'b'], [[1, 'x']], 'lists'), [[1, 'x']]);
  });

  it('round-trips any text through CSV and TSV', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 4 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const width = rows[0]?.length ?? 0;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
          for (const [format, delimiter] of [
            ['csv', ','],
            ['tsv', '\t'],
          ] as const) {
            const text = String(formatRecords([], table, format));
            const parsed = Papa.parse<string[]>(text, { delimiter, newline: '\n' }).data;
            assert.deepEqual(parsed.slice(0, table.length), table);
          }
        },
      ),
    );
  });
});
