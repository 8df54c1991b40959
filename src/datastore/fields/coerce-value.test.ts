import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { coerceValue } from './coerce-value.ts';
import { FIELD_TYPES } from './field-types.ts';

describe('coercing JSON values to field types', () => {
  it('normalises dates, times and timestamps to ISO text, as PostgreSQL prints them', () => {
    assert.deepEqual(coerceValue('2024/1/5', 'date'), { ok: true, value: '2024-01-05' });
    assert.deepEqual(coerceValue('2024-01-05 10:00', 'timestamp'), {
      ok: true,
      value: '2024-01-05T10:00:00',
    });
    assert.deepEqual(coerceValue('2024-01-05T10:00:00.500+09:00', 'timestamp'), {
      ok: true,
      value: '2024-01-05T10:00:00.5',
    });
    assert.deepEqual(coerceValue('9:05', 'time'), { ok: true, value: '09:05:00' });
    assert.equal(coerceValue('2024-02-30', 'date').ok, false);
  });

  it('treats an empty string as NULL except in text fields, as CKAN does', () => {
    assert.deepEqual(coerceValue('', 'int4'), { ok: true, value: null });
    assert.deepEqual(coerceValue('', 'text'), { ok: true, value: '' });
  });

  it('checks integer ranges and keeps integers beyond 2^53 exact as digits', () => {
    assert.equal(coerceValue(2 ** 31, 'int4').ok, false);
    assert.deepEqual(coerceValue('9007199254740993', 'int8'), {
      ok: true,
      value: '9007199254740993',
    });
    assert.equal(coerceValue('9223372036854775808', 'int8').ok, false);
    assert.equal(coerceValue(1.5, 'int8').ok, false);
  });

  it('reads PostgreSQL spellings of booleans', () => {
    for (const yes of [true, 'true', 't', 'yes', '1', 1]) {
      assert.deepEqual(coerceValue(yes, 'bool'), { ok: true, value: true });
    }
    assert.equal(coerceValue('はい', 'bool').ok, false);
  });

  it('never throws, and coercing a stored value again changes nothing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...FIELD_TYPES), (value, type) => {
        const first = coerceValue(value, type);
        if (!first.ok || first.value === null || type === 'json') return;
        const again = coerceValue(first.value, type);
        assert.deepEqual(again, first);
      }),
    );
  });
});
