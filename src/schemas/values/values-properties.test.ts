import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkLatitude, checkLongitude } from './check-coordinate.ts';
import { checkDate } from './check-date.ts';
import { checkDateTime } from './check-date-time.ts';
import { checkFlag } from './check-flag.ts';
import { checkLatLng } from './check-lat-lng.ts';
import { checkMunicipalityCode } from './check-municipality-code.ts';
import { checkNumber } from './check-number.ts';
import { checkPhone } from './check-phone.ts';
import { checkPostalCode } from './check-postal-code.ts';
import { checkTextHygiene } from './check-text-hygiene.ts';
import { checkTime } from './check-time.ts';
import { checkUrl } from './check-url.ts';
import { FINDING_SEVERITY } from './finding-codes.ts';
import { MESSAGES } from './messages.ts';
import { normalizeHalfWidth } from './normalize-half-width.ts';
import { normalizeHeaderName } from './normalize-header-name.ts';
import type { ValueCheck, ValueFinding } from './types.ts';

const CHECKERS: Record<string, (value: string) => ValueCheck> = {
  checkMunicipalityCode: (v) => checkMunicipalityCode(v),
  'checkMunicipalityCode(01)': (v) => checkMunicipalityCode(v, { prefectureCode: '01' }),
  checkDate: (v) => checkDate(v),
  checkDateTime: (v) => checkDateTime(v, { assumeOffset: '+09:00' }),
  checkTime,
  checkPhone,
  checkPostalCode,
  checkLatitude,
  checkLongitude,
  checkFlag: (v) => checkFlag(v),
  'checkFlag(有無)': (v) => checkFlag(v, { allowed: ['有', '無'] }),
  checkNumber: (v) => checkNumber(v, { integer: true, min: 0 }),
  checkUrl,
  checkTextHygiene,
};

// Characters that drive the checkers into their fix paths, full-width and Japanese included.
const PIECES = [
  ...'0123456789０１２３４５６７８９',
  ...'-－ー―‐/／.．:：()（） \u3000,;、~～+＋〒°′″NSEWＮ',
  ...'年月日時分秒半元令平昭大明RHSTM午前後内線代表',
  ...'有無あり×○〇◯なしYesno=@\t\nｶﾞﾅ',
  'https://',
  'www.',
  '.jp',
  '01',
  '0120',
  '090',
  '平成',
  '令和',
  '北緯',
  '24:00',
  '終日',
];
const shaped = fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 12 });
const anyText = fc.string({ unit: 'binary', maxLength: 24 });

const toFullWidth = (text: string) =>
  text.replace(/[0-9:/.()-]/g, (c) => String.fromCodePoint((c.codePointAt(0) ?? 0) + 0xfee0));
// Digit groups joined by separators, with an optional prefix and suffix and sometimes
// full-width: near-miss dates, times, codes, phones and coordinates that reach the fix paths.
const noisyNumeric = fc
  .tuple(
    fc.constantFrom('', '', '平成', 'H', '昭', '令和', '〒', '+', '北緯', 'TEL:', '午後', '0'),
    fc.array(fc.stringMatching(/^\d{1,5}$/), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('-', '/', '.', ':', ' ', '－', 'ー', '年', '時', '(', ',', ' / '),
    fc.constantFrom('', '', '日', '分', '°', ')', '台', ' 内線12'),
    fc.boolean(),
  )
  .map(([prefix, groups, separator, suffix, wide]) => {
    const text = `${prefix}${groups.join(separator)}${suffix}`;
    return wide ? toFullWidth(text) : text;
  });
const input = fc.oneof(shaped, anyText, noisyNumeric);

function wellFormed(result: { ok: boolean; findings: readonly ValueFinding[] }): void {
  const severe = result.findings.some((f: ValueFinding) => f.severity !== 'notice');
  assert.equal(result.ok, !severe);
  for (const f of result.findings) {
    assert.equal(f.severity, FINDING_SEVERITY[f.code]);
    assert.ok(MESSAGES[f.code] !== undefined, `no messages for ${f.code}`);
  }
}

for (const [name, check] of Object.entries(CHECKERS)) {
  test(`${name} never throws and returns a well-formed result`, () => {
    fc.assert(
      fc.property(input, (value) => {
        wellFormed(check(value));
      }),
      { numRuns: 400 },
    );
  });

  test(`${name}: a fixed value re-checks as ok with nothing left to fix`, () => {
    fc.assert(
      fc.property(input, (value) => {
        const { fixed } = check(value);
        if (fixed === undefined) return;
        const again = check(fixed);
        assert.equal(again.ok, true, `${JSON.stringify(value)} → ${JSON.stringify(fixed)}`);
        assert.equal(again.fixed, undefined, `${JSON.stringify(fixed)} is fixed again`);
      }),
      { numRuns: 400 },
    );
  });
}

const coordinate = fc.oneof(
  input,
  fc
    .tuple(fc.integer({ min: -180, max: 180 }), fc.nat({ max: 999999 }))
    .map(([d, f]) => `${d}.${f}`),
);

test('checkLatLng never throws and its fixed pair re-checks as ok', () => {
  fc.assert(
    fc.property(coordinate, coordinate, (lat, lng) => {
      const result = checkLatLng(lat, lng);
      wellFormed(result);
      if (result.fixed === undefined) return;
      const again = checkLatLng(result.fixed.latitude, result.fixed.longitude);
      assert.equal(again.ok, true);
      assert.equal(again.fixed, undefined);
    }),
    { numRuns: 400 },
  );
});

test('normalizeHeaderName is idempotent', () => {
  fc.assert(
    fc.property(fc.oneof(input, fc.string({ unit: 'grapheme', maxLength: 24 })), (name) => {
      const once = normalizeHeaderName(name);
      assert.equal(normalizeHeaderName(once), once);
    }),
    { numRuns: 1000 },
  );
});

test('normalizeHalfWidth is idempotent', () => {
  fc.assert(
    fc.property(input, (value) => {
      const once = normalizeHalfWidth(value, { symbols: '-:/() ' });
      assert.equal(normalizeHalfWidth(once, { symbols: '-:/() ' }), once);
    }),
    { numRuns: 400 },
  );
});
