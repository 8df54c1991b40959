import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { AppError } from '../../core/errors.ts';
import { getSchema, listSchemas, loadSchemasFrom, STANDARD_SCHEMA_DIR } from './load-schemas.ts';

test('every shipped schema file loads and passes the format', () => {
  const schemas = loadSchemasFrom(STANDARD_SCHEMA_DIR);
  assert.equal(schemas.length, 31);
});

test('the current 定義書A datasets 01 to 17 and the 14 legacy datasets are all present', () => {
  const ids = listSchemas().map((s) => s.s5.id.slice(0, 3));
  const current = Array.from({ length: 17 }, (_, i) => `a${String(i + 1).padStart(2, '0')}`);
  const legacy = Array.from({ length: 14 }, (_, i) => `r${String(i + 1).padStart(2, '0')}`);
  assert.deepEqual(ids, [...current, ...legacy]);
});

test('only column lists taken from an official source are marked verified', () => {
  const verified = listSchemas()
    .filter((s) => s.s5.verified)
    .map((s) => s.s5.id);
  assert.ok(verified.includes('a13-public_toilet'));
  assert.ok(!verified.includes('a01-public_facility'));
  for (const s of listSchemas()) assert.equal(s.s5.verified, s.s5.verification === 'verified');
});

test('the verified 公衆トイレ一覧 sheet has 39 columns with 名称 required', () => {
  const toilet = getSchema('a13-public_toilet');
  assert.equal(toilet.fields.length, 39);
  const name = toilet.fields.find((f) => f.name === '名称');
  assert.equal(name?.s5.level, 'required');
  assert.equal(name?.s5.mark, '◎');
});

test('a schema is found by its number or by its slug, the current generation first', () => {
  assert.equal(getSchema('a13').s5.id, 'a13-public_toilet');
  assert.equal(getSchema('R08').s5.id, 'r08-public_toilet');
  assert.equal(getSchema('public_toilet').s5.id, 'a13-public_toilet');
});

test('an unknown schema key is a not_found error', () => {
  assert.throws(
    () => getSchema('z99'),
    (e: unknown) => e instanceof AppError && e.code === 'not_found',
  );
});

test('a schema file whose id differs from its file name is refused', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 's5-schemas-'));
  const toilet = getSchema('a13-public_toilet');
  writeFileSync(path.join(dir, 'a99-other.json'), JSON.stringify(toilet));
  assert.throws(
    () => loadSchemasFrom(dir),
    (e: unknown) => e instanceof AppError && e.code === 'internal',
  );
});

test('a schema file breaking the format is refused with the problems listed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 's5-schemas-'));
  const broken = { ...getSchema('a13-public_toilet'), fields: [] };
  writeFileSync(path.join(dir, 'a13-public_toilet.json'), JSON.stringify(broken));
  assert.throws(
    () => loadSchemasFrom(dir),
    (e: unknown) =>
      e instanceof AppError && Array.isArray(e.details?.problems) && e.details.problems.length > 0,
  );
});

test('adding a schema version is adding a file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 's5-schemas-'));
  const toilet = getSchema('a13-public_toilet');
  const next = {
    ...toilet,
    s5: {
      ...toilet.s5,
      id: 'a13-public_toilet-20280401',
      definition: { book: 'A', version: '20280401' },
    },
  };
  writeFileSync(path.join(dir, 'a13-public_toilet.json'), JSON.stringify(toilet));
  writeFileSync(path.join(dir, 'a13-public_toilet-20280401.json'), JSON.stringify(next));
  const schemas = loadSchemasFrom(dir);
  assert.equal(getSchema('a13', schemas).s5.id, 'a13-public_toilet-20280401');
});
