import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../core/errors.ts';
import { openTable } from './open-table.ts';
import { buildZip, minimalXlsxFiles } from './testing/build-zip.ts';
import { chunked, collectCells, utf8 } from './testing/collect.ts';
import { writeCsv } from './testing/write-csv.ts';

/** Characters that stress the parser: delimiters, quotes, every line break, multibyte and astral. */
const field = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    '1',
    ' ',
    ',',
    '"',
    '\r',
    '\n',
    '\t',
    'あ',
    '札',
    'ｱ',
    'é',
    '😀',
    '\uFEFF',
  ),
  maxLength: 12,
});
const rows = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), {
  minLength: 1,
  maxLength: 20,
});
/** Chunk boundaries as fractions of the input, so they shrink and replay with the seed. */
const cutFractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });

test('any rows written as RFC 4180 CSV read back unchanged, however the bytes are chunked', async () => {
  await fc.assert(
    fc.asyncProperty(
      rows,
      fc.constantFrom('\r\n', '\n', '\r'),
      fc.boolean(),
      fc.boolean(),
      cutFractions,
      async (table, eol, trailingEol, bom, fractions) => {
        const csv = writeCsv(table, { eol, trailingEol });
        // Leading EF BB BF is a BOM by definition; content may only start with U+FEFF behind one.
        fc.pre(bom || !csv.startsWith('\uFEFF'));
        const text = (bom ? '\uFEFF' : '') + csv;
        const bytes = utf8(text);
        const cuts = fractions.map((f) => Math.floor(f * bytes.length));
        const opened = await openTable(chunked(bytes, cuts), { format: 'csv' });
        assert.deepEqual(await collectCells(opened), table);
        assert.deepEqual(
          opened.issues().filter((issue) => issue.code !== 'mixed_line_endings'),
          [],
        );
      },
    ),
    { numRuns: 300 },
  );
});

const SHARED_STRINGS =
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>名称</t></si></sst>';
/** Well-formed sheet XML: mostly valid rows and references, sometimes not, with every cell type. */
const sheetXml = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 9, arbitrary: fc.integer({ min: 1, max: 12 }).map(String) },
        fc.constantFrom('x', ''),
      ),
      fc.array(
        fc.tuple(
          fc.oneof(
            { weight: 9, arbitrary: fc.constantFrom('A', 'B', 'C', 'AA') },
            fc.constantFrom('', 'XFD'),
          ),
          fc.constantFrom('s', 'n', 'b', 'e', 'str', 'inlineStr', ''),
          fc.constantFrom(
            '<v>0</v>',
            '<v>1</v>',
            '<v>1.5</v>',
            '<v>#N/A</v>',
            '<v></v>',
            '<f>A1</f><v>2</v>',
            '<f>A1</f>',
            '<is><t>札幌</t></is>',
            '',
          ),
        ),
        { maxLength: 4 },
      ),
    ),
    { maxLength: 5 },
  )
  .map((rows) =>
    rows
      .map(([r, cells]) => {
        const xml = cells
          .map(([col, t, inner]) => `<c r="${col}${r}" t="${t}">${inner}</c>`)
          .join('');
        return `<row r="${r}">${xml}</row>`;
      })
      .join(''),
  );

test('openTable throws nothing but AppError on arbitrary bytes, rows consumed', async () => {
  const anyBytes = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    // Near-text input reaches the parser instead of the binary check.
    fc
      .string({
        unit: fc.constantFrom('a', ',', '"', '\r', '\n', '\t', 'é', '札', '\0'),
        maxLength: 200,
      })
      .map(utf8),
    // ZIP headers send arbitrary tails into the workbook path.
    fc
      .uint8Array({ maxLength: 300 })
      .map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail])),
    // Well-formed archives with arbitrary sheet XML reach exceljs's parser itself.
    sheetXml.map((sheet) => buildZip(minimalXlsxFiles({ sheet, sharedStrings: SHARED_STRINGS }))),
  );
  await fc.assert(
    fc.asyncProperty(
      anyBytes,
      fc.constantFrom('auto', 'csv', 'tsv', 'xlsx'),
      async (bytes, format) => {
        try {
          const opened = await openTable(chunked(bytes, [7, 64]), { format, maxFieldBytes: 100 });
          await collectCells(opened);
        } catch (error) {
          assert.ok(error instanceof AppError, `threw ${String(error)}`);
        }
      },
    ),
    { numRuns: 500 },
  );
});
