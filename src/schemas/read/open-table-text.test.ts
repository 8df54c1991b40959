import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { openTable } from './open-table.ts';
import { chunked, collectCells, collectRows, utf8 } from './testing/collect.ts';
import type { OpenTableOptions } from './types.ts';

async function read(bytes: Uint8Array | string, options: OpenTableOptions = {}, cuts?: number[]) {
  const data = typeof bytes === 'string' ? utf8(bytes) : bytes;
  const table = await openTable(cuts ? chunked(data, cuts) : data, options);
  const rows = await collectRows(table);
  return { table, rows, cells: rows.map((row) => row.cells), issues: table.issues() };
}

test('UTF-16LE with a BOM decodes, and the BOM stays out of the first cell', async () => {
  const bytes = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from('名称\t住所\r\n札幌\t中央区\r\n', 'utf16le'),
  ]);
  const { table, cells } = await read(new Uint8Array(bytes));
  assert.equal(table.info.encoding, 'utf-16le');
  assert.equal(table.info.format, 'tsv');
  assert.deepEqual(cells, [
    ['名称', '住所'],
    ['札幌', '中央区'],
  ]);
});

test('UTF-16BE with a BOM decodes', async () => {
  const bytes = Buffer.concat([
    Buffer.from([0xfe, 0xff]),
    Buffer.from('名称,住所\n札幌,中央区\n', 'utf16le').swap16(),
  ]);
  const { table, cells } = await read(new Uint8Array(bytes));
  assert.equal(table.info.encoding, 'utf-16be');
  assert.deepEqual(cells[1], ['札幌', '中央区']);
});

test('CR-only line endings are read and reported as cr', async () => {
  const { table, rows } = await read('a,b\r1,2\r3,4\r');
  assert.equal(table.info.lineEnding, 'cr');
  assert.deepEqual(
    rows.map((row) => [row.line, ...row.cells]),
    [
      [1, 'a', 'b'],
      [2, '1', '2'],
      [3, '3', '4'],
    ],
  );
});

test('quoted fields keep delimiters, doubled quotes and line breaks', async () => {
  const { rows, issues } = await read(
    '名称,備考\r\n"札幌, 中央","彼は""はい""と\r\n言った"\r\nx,y\r\n',
  );
  assert.deepEqual(rows[1]?.cells, ['札幌, 中央', '彼は"はい"と\r\n言った']);
  assert.equal(rows[2]?.line, 4);
  assert.equal(rows[2]?.record, 3);
  assert.deepEqual(issues, []);
});

test('a multibyte character split between two chunks at every byte is decoded whole', async () => {
  const text = 'id,名前\n1,😀札幌\n';
  const bytes = utf8(text);
  for (let cut = 1; cut < bytes.length; cut++) {
    const { cells } = await read(bytes, {}, [cut]);
    assert.deepEqual(cells, [
      ['id', '名前'],
      ['1', '😀札幌'],
    ]);
  }
});

test('a Shift_JIS double-byte character split between two chunks is decoded whole', async () => {
  const bytes = new Uint8Array(iconv.encode('名称,住所\r\n札幌,中央区\r\n', 'Shift_JIS'));
  for (let cut = 1; cut < bytes.length; cut++) {
    const { table, cells } = await read(bytes, {}, [cut]);
    assert.equal(table.info.encoding, 'shift_jis');
    assert.deepEqual(cells[1], ['札幌', '中央区']);
  }
});

test('a CRLF split between two chunks counts as one CRLF line break', async () => {
  const { table, rows } = await read('a,b\r\n1,2\r\n', {}, [4]);
  assert.equal(table.info.lineEnding, 'crlf');
  assert.deepEqual(rows[1]?.line, 2);
});

test('a doubled quote split between two chunks is still one quote', async () => {
  const { cells } = await read('a\n"x""y"\n', {}, [4, 5]);
  assert.deepEqual(cells[1], ['x"y']);
});

test('an unterminated quote is reported and the rest of the file becomes one field', async () => {
  const { cells, issues } = await read('a,b\n1,"open\n2,3\n');
  assert.deepEqual(cells[1], ['1', 'open\n2,3\n']);
  assert.deepEqual(
    issues.map((i) => [i.code, i.record, i.line]),
    [['unterminated_quote', 2, 2]],
  );
});

test('a final line without a line break reads the same as one with it', async () => {
  const withBreak = await read('a,b\n1,2\n');
  const without = await read('a,b\n1,2');
  assert.deepEqual(without.cells, withBreak.cells);
  assert.equal(without.table.info.lineEnding, 'lf');
});

test('trailing empty lines are skipped without issues', async () => {
  const { cells, issues } = await read('a,b\r\n1,2\r\n\r\n\r\n');
  assert.equal(cells.length, 2);
  assert.deepEqual(issues, []);
});

test('a blank line inside the table is skipped and reported with its line', async () => {
  const { rows, issues } = await read('a,b\n1,2\n\n3,4\n');
  assert.deepEqual(
    rows.map((row) => [row.record, row.line]),
    [
      [1, 1],
      [2, 2],
      [3, 4],
    ],
  );
  assert.deepEqual(
    issues.map((i) => [i.code, i.line]),
    [['blank_line', 3]],
  );
});

test('a quote inside an unquoted field is kept literally and reported', async () => {
  const { cells, issues } = await read('a,b\n5"3,"ok"x\n');
  assert.deepEqual(cells[1], ['5"3', 'okx']);
  assert.deepEqual(
    issues.map((i) => [i.code, i.record, i.line]),
    [
      ['stray_quote', 2, 2],
      ['stray_quote', 2, 2],
    ],
  );
});

test('mixed line endings are reported once, at the first line that differs', async () => {
  const { table, issues } = await read('a\r\nb\r\nc\nd\r\n');
  assert.equal(table.info.lineEnding, 'mixed');
  assert.deepEqual(
    issues.map((i) => [i.code, i.line]),
    [['mixed_line_endings', 3]],
  );
});

test('a .tsv file name selects the tab delimiter even when cells hold commas', async () => {
  const { table, cells } = await read('名称\t備考\n札幌\t1,2,3\n', { fileName: 'x.tsv' });
  assert.equal(table.info.format, 'tsv');
  assert.deepEqual(cells[1], ['札幌', '1,2,3']);
});

test('tabs in the header line make an unnamed file TSV', async () => {
  const { table, cells } = await read('\n名称\t住所\tx\n札幌\t中央区\t1\n');
  assert.equal(table.info.delimiter, '\t');
  assert.deepEqual(cells[0], ['名称', '住所', 'x']);
});

test('rows keep their own width: CSV rows are never padded', async () => {
  const { cells } = await read('a,b,c\n1\n1,2,3,4\n');
  assert.deepEqual(
    cells.map((row) => row.length),
    [3, 1, 4],
  );
});

test('invalid UTF-8 in a later chunk becomes U+FFFD and an issue with its line', async () => {
  const head = `名称,n\n${'札幌,1\n'.repeat(10_000)}`;
  const bytes = new Uint8Array(
    Buffer.concat([Buffer.from(head), Buffer.from([0x78, 0xff, 0x2c, 0x32, 0x0a])]),
  );
  const { table, rows, issues } = await read(bytes);
  assert.equal(table.info.encoding, 'utf-8');
  assert.deepEqual(rows.at(-1)?.cells, ['x\uFFFD', '2']);
  assert.deepEqual(
    issues.map((i) => [i.code, i.record, i.line]),
    [['invalid_utf8_sequence', 10_002, 10_002]],
  );
});

test('a file that is ASCII for 64 KiB and Shift_JIS after is read as Shift_JIS', async () => {
  const ascii = 'id,name\r\n'.concat('1,abc\r\n'.repeat(10_000));
  const bytes = new Uint8Array(
    Buffer.concat([Buffer.from(ascii), iconv.encode('2,札幌市\r\n', 'Shift_JIS')]),
  );
  const { table, rows, issues } = await read(bytes);
  assert.equal(table.info.encoding, 'shift_jis');
  assert.deepEqual(rows.at(-1)?.cells, ['2', '札幌市']);
  assert.deepEqual(
    issues.map((i) => [i.code, i.line]),
    [['encoding_switched', 10_002]],
  );
});

test('a NUL byte is kept in its cell and reported with its line', async () => {
  const { cells, issues } = await read('a,b\n1,x\0y\n');
  assert.deepEqual(cells[1], ['1', 'x\0y']);
  assert.deepEqual(
    issues.map((i) => [i.code, i.record, i.line]),
    [['nul_byte', 2, 2]],
  );
});

test('a header-only file yields just the header', async () => {
  const { cells } = await read('名称,住所');
  assert.deepEqual(cells, [['名称', '住所']]);
});

test('bytesRead reaches the file size once the rows are exhausted', async () => {
  const bytes = utf8(`a,b\n${'1,2\n'.repeat(50_000)}`);
  const table = await openTable(bytes);
  assert.ok(table.bytesRead() < bytes.length);
  await collectCells(table);
  assert.equal(table.bytesRead(), bytes.length);
});

test('stopping early closes the source stream', async () => {
  let closed = false;
  const source: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]() {
      let n = 0;
      return {
        next: async () => ({
          done: false,
          value: utf8(n++ === 0 ? 'a,b\n' : '1,2\n'.repeat(1000)),
        }),
        return: async () => {
          closed = true;
          return { done: true, value: undefined };
        },
      };
    },
  };
  const table = await openTable(source);
  for await (const row of table.rows) if (row.record > 10) break;
  assert.equal(closed, true);
});
