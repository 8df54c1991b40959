import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldNameProblem } from './field-name.ts';

describe('field names', () => {
  it('accepts Japanese names and the punctuation of real column headers', () => {
    for (const name of [
      '名称',
      '災害種別_崖崩れ、土石流及び地滑り',
      'No.',
      '緯度 (WGS84)',
      'a-b',
    ]) {
      assert.equal(fieldNameProblem(name), null, name);
    }
  });

  it("refuses CKAN's forbidden names and names PostgreSQL would truncate", () => {
    for (const name of [
      '',
      '_id',
      '_x',
      'a"b',
      ' a',
      'a ',
      'a\u0000b',
      'zero\u200bwidth',
      'x'.repeat(64),
      '長'.repeat(22),
    ]) {
      assert.notEqual(fieldNameProblem(name), null, JSON.stringify(name));
    }
    assert.equal(fieldNameProblem('長'.repeat(21)), null);
  });
});
