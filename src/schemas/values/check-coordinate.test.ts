import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLatitude, checkLongitude, HOKKAIDO_BOUNDS } from './check-coordinate.ts';
import { checkLatLng } from './check-lat-lng.ts';

const codesOf = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

test('a latitude with six decimals inside Japan conforms', () => {
  assert.deepEqual(checkLatitude('43.064310'), { ok: true, findings: [] });
});

test('fewer than six decimals (焼津市 3 decimals) is a notice only', () => {
  const result = checkLongitude('138.323');
  assert.deepEqual(
    { ok: result.ok, codes: codesOf(result.findings) },
    {
      ok: true,
      codes: ['coordinate_precision_low'],
    },
  );
});

test('more than six decimals (焼津市 14 decimals) is a notice without rounding', () => {
  const result = checkLatitude('34.87512688123456');
  assert.deepEqual(
    { ok: result.ok, codes: codesOf(result.findings), fixed: result.fixed },
    { ok: true, codes: ['coordinate_precision_high'], fixed: undefined },
  );
});

test('the placeholder 緯度経度を確認 is an error', () => {
  assert.deepEqual(codesOf(checkLatitude('緯度経度を確認').findings), ['coordinate_invalid']);
});

test('a latitude outside Japan is an error', () => {
  assert.deepEqual(codesOf(checkLatitude('141.346814').findings), ['latitude_outside_japan']);
});

test('DMS notations are converted exactly to decimal degrees', () => {
  const fixes = ["43°03'N", '43°03′51.5″N', '北緯43度3分51.5秒', 'N43.0643'].map(
    (v) => checkLatitude(v).fixed,
  );
  assert.deepEqual(fixes, ['43.05', '43.064306', '43.064306', '43.0643']);
});

test('full-width digits in a longitude are fixed', () => {
  assert.equal(checkLongitude('１４１．３４６８１４').fixed, '141.346814');
});

test('a latitude marked east is invalid', () => {
  assert.deepEqual(codesOf(checkLatitude('43°03′E').findings), ['coordinate_invalid']);
});

test('swapped columns are fixed when the swap lands inside Japan', () => {
  const result = checkLatLng('141.346814', '43.064310');
  assert.deepEqual(
    { codes: codesOf(result.findings), fixed: result.fixed },
    {
      codes: ['coordinates_swapped'],
      fixed: { latitude: '43.064310', longitude: '141.346814' },
    },
  );
});

test('swapped values that stay outside Japan after the swap are not fixed', () => {
  const result = checkLatLng('160.000000', '43.064310');
  assert.deepEqual(
    { codes: codesOf(result.findings), fixed: result.fixed },
    { codes: ['coordinates_swapped'], fixed: undefined },
  );
});

test('a point in Japan outside the prefecture bounds is a warning', () => {
  const result = checkLatLng('34.866918', '138.323171', { prefectureBounds: HOKKAIDO_BOUNDS });
  assert.deepEqual(
    { ok: result.ok, codes: codesOf(result.findings) },
    { ok: false, codes: ['coordinates_outside_prefecture'] },
  );
});

test('a point in 札幌 is inside the Hokkaido bounds', () => {
  const result = checkLatLng('43.064310', '141.346814', { prefectureBounds: HOKKAIDO_BOUNDS });
  assert.deepEqual(result, { ok: true, findings: [] });
});

test('one half of the pair missing is an error naming the empty field', () => {
  assert.deepEqual(checkLatLng('43.064310', '').findings, [
    { code: 'coordinate_pair_incomplete', severity: 'error', params: { field: 'longitude' } },
  ]);
});

test('pair findings carry the field they concern', () => {
  const result = checkLatLng('43.064', '141.346814');
  assert.equal(result.findings[0]?.params?.field, 'latitude');
});

test('both halves empty conform', () => {
  assert.deepEqual(checkLatLng('', ''), { ok: true, findings: [] });
});
