import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cellText, neutraliseCell } from './neutralise-cell.ts';

describe('neutraliseCell', () => {
  it('prefixes a quote to text that a spreadsheet would read as a formula', () => {
    assert.deepEqual(
      ['=SUM(A1)', '+1+1', '-2+3', '@cmd', '\t=1', '\r=1', '=HYPERLINK("http://x")'].map(
        neutraliseCell,
      ),
      ["'=SUM(A1)", "'+1+1", "'-2+3", "'@cmd", "'\t=1", "'\r=1", '\'=HYPERLINK("http://x")'],
    );
  });

  it('leaves plain numbers and ordinary text as they are', () => {
    assert.deepEqual(['-12.5', '+3', '-1e5', '-.5', '札幌市', 'a=b', '', '0'].map(neutraliseCell), [
      '-12.5',
      '+3',
      '-1e5',
      '-.5',
      '札幌市',
      'a=b',
      '',
      '0',
    ]);
  });

  it('never leaves a dangerous first character unprefixed (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutraliseCell(s);
        assert.ok(!/^[=@\t\r]/.test(out));
        if (/^[+-]/.test(out)) assert.ok(/^[+-][\d.]/.test(out));
      }),
    );
  });
});

describe('cellText', () => {
  it('writes NULL as empty, JSON values as JSON and the rest as text', () => {
    assert.deepEqual([null, undefined, { 種別: '指定' }, [1, 2], true, 12.5, 'x'].map(cellText), [
      '',
      '',
      '{"種別":"指定"}',
      '[1,2]',
      'true',
      '12.5',
      'x',
    ]);
  });
});
