import assert from 'node:assert/strict';
import { test } from 'node:test';
import { infrastructureError } from './errors.ts';

test('a full disk is recognised by its code from Node, PostgreSQL and SQLite', () => {
  for (const error of [
    Object.assign(new Error('no space'), { code: 'ENOSPC' }),
    Object.assign(new Error('disk full'), { code: '53100' }),
    Object.assign(new Error('database or disk is full'), { code: 'ERR_SQLITE_ERROR', errcode: 13 }),
  ]) {
    const e = infrastructureError(error);
    assert.equal(e?.code, 'unavailable');
    assert.match(e?.message ?? '', /out of storage space/);
  }
});

test('a database that went away is recognised, also when wrapped as a cause', () => {
  const refused = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' });
  assert.match(infrastructureError(refused)?.message ?? '', /database is unavailable/);
  assert.equal(
    infrastructureError(Object.assign(new Error('x'), { code: '57P01' }))?.code,
    'unavailable',
  );
  assert.equal(infrastructureError(new Error('outer', { cause: refused }))?.code, 'unavailable');
});

test('ordinary errors are not mistaken for infrastructure failures', () => {
  assert.equal(
    infrastructureError(new Error('database or disk is full')),
    undefined,
    'never by message',
  );
  assert.equal(infrastructureError(Object.assign(new Error('dup'), { code: '23505' })), undefined);
  assert.equal(infrastructureError('ENOSPC'), undefined);
});
