import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeTimestamp } from './timestamps.ts';

describe('normalizeTimestamp', () => {
  it('turns the forms remote portals write into CKAN wire strings', () => {
    assert.deepEqual(
      [
        '2026-11-25T03:41:18.123456',
        '2026-11-25T03:41:18Z',
        '2026-11-25T03:41:18.5+00:00',
        '2026-11-25T12:41:18.123+09:00',
        '2026-11-25 03:41',
      ].map(normalizeTimestamp),
      [
        '2026-11-25T03:41:18.123456',
        '2026-11-25T03:41:18.000000',
        '2026-11-25T03:41:18.500000',
        '2026-11-25T03:41:18.123000',
        '2026-11-25T03:41:00.000000',
      ],
    );
  });

  it('refuses what is not a timestamp', () => {
    assert.deepEqual(['yesterday', '2026-13-45T99:00:00', ''].map(normalizeTimestamp), [
      null,
      null,
      null,
    ]);
  });

  it('keeps the order of instants, so normalised strings compare like times', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (a, b) => {
          const na = normalizeTimestamp(a.toISOString()) ?? '';
          const nb = normalizeTimestamp(b.toISOString()) ?? '';
          return Math.sign(a.getTime() - b.getTime()) === Math.sign(na.localeCompare(nb));
        },
      ),
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        normalizeTimestamp(s);
      }),
    );
  });
});
