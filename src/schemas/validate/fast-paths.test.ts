import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { listSchemas } from '../catalog/load-schemas.ts';
import { checkCell } from './check-cell.ts';
import type { ColumnPlan } from './column-plan.ts';
import {
  isPlainCoordinatePair,
  isSeparablePair,
  PlainTest,
  plainDegrees,
  sixDecimalDegrees,
} from './fast-paths.ts';
import { checkLatLng, type GeoBounds, HOKKAIDO_BOUNDS } from './value-rules.ts';
import { computeCheckDigit } from '../values/index.ts';
import { startReview } from './validate-table.ts';

// Every column of every standard schema, plus local columns whose rule is inferred from the header.
const LOCAL_HEADERS = ['開設日', '施設緯度', '連絡先電話番号', '受付時間', '備考', '郵便番号'];
const plans: ColumnPlan[] = [
  ...listSchemas().flatMap((schema) => {
    const header = schema.fields.map((f) => f.name);
    return startReview({ record: 1, line: 1, cells: header }, { schemaId: schema.s5.id }, null)
      .plans;
  }),
  ...startReview({ record: 1, line: 1, cells: LOCAL_HEADERS }, {}, null).plans,
];

// Values that pass or nearly pass the fast tests, and arbitrary text.
const digits = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom('0', '1', '2', '3', '4', '7', '9'),
    minLength: min,
    maxLength: max,
  });
const nearly = fc.oneof(
  fc.constantFrom(
    '012301',
    '012302',
    '222127',
    '12301',
    '1.5',
    '1.50',
    '-1',
    '09:00',
    '9:00',
    '24:00',
    '2024-02-29',
    '2023-02-29',
    '1872-12-31',
    '060-0001',
    'https://www.city.example.lg.jp/a.jpg',
    'http://a.b/',
    'a@example.jp',
    '有',
    '無',
    '○',
    'なし',
    '-',
    '北海道札幌市中央区',
    '札幌市中央区',
    'ワカクサ',
    'わかくさ',
    '緯度経度を確認',
    'a、b',
    'LL0000000001',
    '=1+1',
    'ｶﾀｶﾅ',
    '２階',
    ' 1',
  ),
  digits(1, 16),
  fc.tuple(digits(1, 4), digits(0, 4)).map(([a, b]) => `${a}.${b}`),
  fc.tuple(digits(1, 2), digits(1, 2)).map(([h, m]) => `${h}:${m}`),
  fc
    .tuple(fc.integer({ min: 1800, max: 3100 }), digits(2, 2), digits(2, 2))
    .map(([y, m, d]) => `${y}-${m}-${d}`),
  fc
    .tuple(fc.integer({ min: 0, max: 48 }), fc.integer({ min: 0, max: 999 }), fc.boolean())
    .map(([pref, city, valid]) => {
      const five = `${String(pref).padStart(2, '0')}${String(city).padStart(3, '0')}`;
      const digit = computeCheckDigit(five) ?? '0';
      return five + (valid ? digit : String((Number(digit) + 1) % 10));
    }),
  fc
    .tuple(
      fc.integer({ min: 1850, max: 3050 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc
    .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  digits(7, 7),
  fc
    .tuple(
      fc.constantFrom('0', '(0', '+81 ', '０'),
      digits(1, 4),
      fc.constantFrom('-', ')', ' ', ''),
      digits(1, 4),
      fc.constantFrom('-', ' / ', '内線', ''),
      digits(0, 5),
    )
    .map((parts) => parts.join('')),
  fc.constantFrom(
    '011-123-4567',
    '(054)626-1139',
    '090-1234-5678',
    '0120-123-456',
    '050-1234-5678',
    '0143-23-4567 / 0143-23-4568',
  ),
  fc
    .tuple(
      fc.constantFrom('北海道', '東京都', '京都府', '神奈川県', '北海'),
      fc.string({ maxLength: 4 }),
    )
    .map(([p, t]) => p + t),
  fc.string({
    unit: fc.constantFrom('a', '1', '-', ':', '.', '@', '/', 'カ', 'か', 'を', '、', ' '),
    maxLength: 12,
  }),
  fc.string({ unit: 'binary', maxLength: 14 }),
);

// A column of each rule in turn (text columns far outnumber the typed ones), with its own values.
const byRule = new Map<string, ColumnPlan[]>();
for (const plan of plans)
  byRule.set(String(plan.rule), [...(byRule.get(String(plan.rule)) ?? []), plan]);
const column = fc
  .constantFrom(...byRule.values())
  .chain((group) => fc.constantFrom(...group))
  .chain((plan) =>
    fc.tuple(
      fc.constant(plan),
      plan.enumValues === null ? nearly : fc.oneof(fc.constantFrom(...plan.enumValues), nearly),
    ),
  );

test('a value the fast path accepts draws no finding from the full rules', () => {
  fc.assert(
    fc.property(column, fc.constantFrom(undefined, '01', '22'), ([plan, cell], prefectureCode) => {
      if (cell === '' || !new PlainTest(plan, prefectureCode).accepts(cell)) return;
      const context = prefectureCode === undefined ? {} : { prefectureCode };
      const result = checkCell(plan, cell, context);
      assert.deepEqual(result.findings, [], `${plan.header} (${plan.rule}): ${cell}`);
      assert.equal(result.fixed, undefined);
    }),
    { numRuns: 30000 },
  );
});

const coordinate = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 199 }), fc.integer({ min: 0, max: 999999 }))
    .map(([d, f]) => `${d}.${String(f).padStart(6, '0')}`),
  fc.constantFrom('42.371870', '141.056621', '20.000000', '46.000000', '154.000000', '42.3'),
  fc.string({ unit: fc.constantFrom('1', '4', '2', '.', '-', '０'), maxLength: 11 }),
);

test('a 緯度/経度 pair the fast path accepts draws no finding from the pair check', () => {
  fc.assert(
    fc.property(coordinate, coordinate, fc.boolean(), (lat, lng, hokkaido) => {
      const bounds = hokkaido ? HOKKAIDO_BOUNDS : undefined;
      if (!isPlainCoordinatePair(lat, lng, bounds)) return;
      const options = bounds === undefined ? {} : { prefectureBounds: bounds };
      assert.deepEqual(checkLatLng(lat, lng, options).findings, [], `${lat} ${lng}`);
    }),
    { numRuns: 20000 },
  );
});

test('six-decimal degrees read as the same number as Number() reads them', () => {
  fc.assert(
    fc.property(coordinate, (text) => {
      const degrees = sixDecimalDegrees(text);
      if (!Number.isNaN(degrees)) assert.equal(degrees, Number(text));
    }),
    { numRuns: 20000 },
  );
});

// Plain decimals with any number of decimals, as 3-decimal coordinates are written.
const decimal = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 199 }), fc.integer({ min: 0, max: 9999999 }), fc.nat(8))
    .map(([d, f, n]) => (n === 0 ? String(d) : `${d}.${String(f).padStart(n, '0').slice(0, n)}`)),
  coordinate,
);

test('plain degrees read as Number() reads them, and only plain decimals read at all', () => {
  fc.assert(
    fc.property(decimal, (text) => {
      const degrees = plainDegrees(text);
      if (/^\d{1,3}(?:\.\d+)?$/.test(text)) assert.equal(degrees, Number(text));
      else assert.ok(Number.isNaN(degrees), text);
    }),
    { numRuns: 20000 },
  );
});

// Decimals near Hokkaido (and beyond its box), with 0 to 8 decimals.
const degreesNear = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.integer({ min: 0, max: 99999999 }), fc.nat(8))
    .map(([d, f, n]) => (n === 0 ? String(d) : `${d}.${String(f).padStart(8, '0').slice(0, n)}`));
const latitudeNear = degreesNear(38, 47);
const longitudeNear = degreesNear(136, 150);

test('each half of a separable pair draws the same findings whatever the other half', () => {
  // The findings of one half; a separable pair draws no finding about the pair and no fix.
  const half = (lat: string, lng: string, field: string, bounds?: GeoBounds) => {
    const check = checkLatLng(lat, lng, bounds === undefined ? {} : { prefectureBounds: bounds });
    assert.equal(check.fixed, undefined);
    for (const f of check.findings) assert.ok(f.params?.field !== undefined, f.code);
    return check.findings.filter((f) => f.params?.field === field);
  };
  let separable = 0;
  fc.assert(
    fc.property(
      latitudeNear,
      longitudeNear,
      latitudeNear,
      longitudeNear,
      fc.boolean(),
      (lat1, lng1, lat2, lng2, hokkaido) => {
        const bounds = hokkaido ? HOKKAIDO_BOUNDS : undefined;
        if (!isSeparablePair(lat1, lng1, bounds) || !isSeparablePair(lat2, lng2, bounds)) return;
        separable += 1;
        assert.deepEqual(
          half(lat1, lng1, 'latitude', bounds),
          half(lat1, lng2, 'latitude', bounds),
        );
        assert.deepEqual(
          half(lat1, lng1, 'longitude', bounds),
          half(lat2, lng1, 'longitude', bounds),
        );
      },
    ),
    { numRuns: 20000 },
  );
  assert.ok(separable > 1000, `only ${separable} separable pairs drawn`);
});

test('the verdict on a padded plain value is the verdict of the full rules', () => {
  const space = fc.constantFrom(' ', '\u3000', '\t', '  ', '\u00a0');
  const padded = fc
    .tuple(column, space, space, fc.constantFrom('both', 'head', 'tail'))
    .map(([[plan, cell], head, tail, side]) => {
      const value = (side === 'tail' ? '' : head) + cell + (side === 'head' ? '' : tail);
      return [plan, value] as const;
    });
  fc.assert(
    fc.property(padded, fc.constantFrom(undefined, '01'), ([plan, cell], prefectureCode) => {
      const verdict = new PlainTest(plan, prefectureCode).paddedVerdict(cell, plan.inferred);
      if (verdict === undefined) return;
      const context = prefectureCode === undefined ? {} : { prefectureCode };
      assert.deepEqual(verdict, checkCell(plan, cell, context), `${plan.header}: ${cell}`);
    }),
    { numRuns: 20000 },
  );
});
