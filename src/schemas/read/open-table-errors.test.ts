import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../core/errors.ts';
import { openTable, openTableFile } from './open-table.ts';
import { buildZip } from './testing/build-zip.ts';
import { collectRows, utf8 } from './testing/collect.ts';
import { readErrorWith } from './testing/expect-read-error.ts';
import type { ByteSource, OpenTableOptions } from './types.ts';

async function readAll(source: ByteSource | string, options: OpenTableOptions = {}) {
  return collectRows(await openTable(typeof source === 'string' ? utf8(source) : source, options));
}

test('an empty file is refused as empty_file', async () => {
  await assert.rejects(readAll(new Uint8Array()), readErrorWith('empty_file'));
});

test('a file holding only a BOM and blank lines is refused as empty_file', async () => {
  await assert.rejects(readAll('\uFEFF\r\n\r\n'), readErrorWith('empty_file'));
});

test('a PDF is refused as not_a_table', async () => {
  await assert.rejects(readAll('%PDF-1.7\n1 0 obj\n'), readErrorWith('not_a_table'));
});

test('an Excel 97-2003 file is refused with a hint to save as .xlsx', async () => {
  const ole = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0);
  await assert.rejects(
    readAll(ole),
    readErrorWith('not_a_table', (error) => {
      assert.match(error.message, /\.xls/);
    }),
  );
});

/** Fixed pseudo-random bytes (xorshift32), so the test cannot flake on a lucky BOM. */
function noise(length: number): Uint8Array {
  let x = 2463534242;
  return Uint8Array.from({ length }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
}

test('random bytes are refused as not_a_table', async () => {
  await assert.rejects(readAll(noise(4096)), readErrorWith('not_a_table'));
});

test('an HTML page saved as .csv is refused as not_a_table', async () => {
  await assert.rejects(
    readAll('<!DOCTYPE html><html><body>a,b</body></html>', { fileName: 'x.csv' }),
    readErrorWith('not_a_table'),
  );
});

test('a ZIP archive that is not a workbook is refused as not_a_table', async () => {
  const zip = buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]);
  await assert.rejects(readAll(zip), readErrorWith('not_a_table'));
});

test('a ZIP declared as CSV is refused as not_a_table', async () => {
  const zip = buildZip([{ name: 'a.txt', data: 'a' }]);
  await assert.rejects(readAll(zip, { format: 'csv' }), readErrorWith('not_a_table'));
});

test('text declared as xlsx is refused as xlsx_unreadable', async () => {
  await assert.rejects(readAll('a,b\n1,2\n', { format: 'xlsx' }), readErrorWith('xlsx_unreadable'));
});

test('UTF-16 without a BOM gets a clear unreadable_encoding error', async () => {
  const bytes = new Uint8Array(Buffer.from('名称,id\r\n札幌,1\r\n札幌,2\r\n', 'utf16le'));
  await assert.rejects(readAll(bytes), readErrorWith('unreadable_encoding'));
});

test('a header wider than maxColumns is refused when the table is opened', async () => {
  await assert.rejects(
    openTable(utf8('a,b,c,d\n1,2,3,4\n'), { maxColumns: 3 }),
    readErrorWith('too_many_columns'),
  );
});

test('a data row wider than maxColumns fails the iteration', async () => {
  await assert.rejects(
    readAll('a,b\n1,2\n1,2,3,4\n', { maxColumns: 3 }),
    readErrorWith('too_many_columns', (error) => {
      assert.equal(error.details?.record, 3);
    }),
  );
});

test('a field over maxFieldBytes in UTF-8 bytes is refused, even when short in characters', async () => {
  // Four characters, twelve bytes.
  await assert.rejects(
    readAll('a\n札幌市北\n', { maxFieldBytes: 10 }),
    readErrorWith('field_too_large'),
  );
  assert.equal((await readAll('a\n札幌市\n', { maxFieldBytes: 10 })).length, 2);
});

test('a never-closed quote in a long file stops at maxFieldBytes and says where it opened', async () => {
  const text = `a\n"${'x,1\n'.repeat(100_000)}`;
  await assert.rejects(
    readAll(text, { maxFieldBytes: 1000 }),
    readErrorWith('field_too_large', (error) => {
      assert.match(error.message, /line 2/);
    }),
  );
});

test('a source yielding strings instead of bytes fails with an AppError', async () => {
  const source = (async function* () {
    // Deliberately mistyped: a caller that bypasses the types and hands over decoded text.
    yield 'a,b\n' as unknown as Uint8Array;
  })();
  await assert.rejects(
    readAll(source),
    (error: unknown) => error instanceof AppError && error.code === 'internal',
  );
});

test('a source that fails mid-stream surfaces as an AppError', async () => {
  const source = (async function* () {
    yield utf8('a,b\n1,2\n');
    throw new Error('disk gone');
  })();
  await assert.rejects(readAll(source), (error: unknown) => error instanceof AppError);
});

test('openTableFile on a missing path fails with not_found', async () => {
  await assert.rejects(
    openTableFile('/nonexistent/s5/table.csv'),
    (error: unknown) => error instanceof AppError && error.code === 'not_found',
  );
});
