import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isUuid } from '../core/ids.ts';
import { localIdFor, nameCandidates } from './local-name.ts';

const NAME_RULE = /^[a-z0-9_-]{2,100}$/;

describe('nameCandidates', () => {
  it('tries the remote name, then suffixed names, ending with one unique to the remote id', () => {
    const names = nameCandidates('sapporo-aed', 'abc');
    assert.deepEqual(names.slice(0, 5), [
      'sapporo-aed',
      'sapporo-aed-2',
      'sapporo-aed-3',
      'sapporo-aed-4',
      'sapporo-aed-5',
    ]);
    assert.match(names[5] ?? '', /^sapporo-aed-[0-9a-f]{8}$/);
  });

  it('always gives valid local names, whatever the remote name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.uuid(), (name, id) =>
        nameCandidates(name, id).every((n) => NAME_RULE.test(n)),
      ),
    );
  });
});

describe('localIdFor', () => {
  it('gives the same UUID for the same source and remote dataset, another for another', () => {
    const a = localIdFor('source-1', 'remote-1');
    assert.deepEqual(
      [
        isUuid(a),
        a === localIdFor('source-1', 'remote-1'),
        a === localIdFor('source-2', 'remote-1'),
      ],
      [true, true, false],
    );
  });
});
