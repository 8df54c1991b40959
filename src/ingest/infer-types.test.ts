import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { FieldRule } from '../schemas/index.ts';
import { headerToFieldIds } from './field-names.ts';
import { ColumnTyper, typeOfRule } from './infer-types.ts';

function typesOf(rows: string[][], preferred: Array<'float8' | 'date' | 'integer' | null>) {
  const typer = new ColumnTyper(preferred);
  for (const row of rows) typer.add(row);
  return typer.types();
}

test('infers integers, decimals, dates, times and text from every value of a column', () => {
  const rows = [
    ['1', '1.5', '2024/4/1', '9:00', 'あ', '2024-04-01 09:00', 'true'],
    ['20', '2', '2024-12-31', '24:00', '1', '2024-04-02T10:30:00', 'FALSE'],
  ];
  assert.deepEqual(typesOf(rows, [null, null, null, null, null, null, null]), [
    'int4',
    'numeric',
    'date',
    'time',
    'text',
    'timestamp',
    'bool',
  ]);
});

test('keeps a column with a leading zero as text so codes keep their digits', () => {
  assert.deepEqual(typesOf([['012301'], ['12']], [null]), ['text']);
});

test('widens to int8 only when a value does not fit int4', () => {
  assert.deepEqual(typesOf([['1'], ['3000000000']], [null]), ['int8']);
});

test('falls back to text when one value of a typed standard column does not fit', () => {
  assert.deepEqual(typesOf([['34.5'], ['緯度経度を確認']], ['float8']), ['text']);
});

test('gives an all-empty column its preferred type, or text without one', () => {
  assert.deepEqual(typesOf([['', '']], ['date', null]), ['date', 'text']);
});

test('rejects impossible dates and times', () => {
  assert.deepEqual(typesOf([['2024/2/30', '25:00']], [null, null]), ['text', 'text']);
});

test('maps standard field rules to CKAN types, keeping codes and phones as text', () => {
  const rules: FieldRule[] = [
    'latitude',
    'date',
    'time',
    'datetime',
    'number',
    'phone',
    'municipality_code',
  ];
  assert.deepEqual(
    rules.map((r) => typeOfRule(r)),
    ['float8', 'date', 'time', 'timestamp', 'numeric', 'text', 'text'],
  );
});

test('turns headers into unique, allowed field ids', () => {
  assert.deepEqual(headerToFieldIds(['_id', '', '名称', '名称', ' "x" ', 'Name', 'name']), [
    'id',
    'column_2',
    '名称',
    '名称_2',
    'x',
    'Name',
    'name_2',
  ]);
});

test('never makes an empty, duplicate or over-long field id from any header', () => {
  fc.assert(
    fc.property(fc.array(fc.string(), { maxLength: 8 }), (header) => {
      const ids = headerToFieldIds(header);
      const keys = new Set(ids.map((id) => id.toLowerCase()));
      assert.equal(keys.size, ids.length);
      for (const id of ids) {
        assert.ok(id.length > 0 && !id.startsWith('_') && !id.includes('"'));
        assert.ok(Buffer.byteLength(id, 'utf8') <= 63);
      }
    }),
  );
});
