import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildToiletCsv } from '../../../test/fixtures/validator/build-table.ts';
import { fixTable } from '../fix/fix-table.ts';
import { openTable } from '../read/index.ts';
import { validateBytes } from './validate-bytes.ts';

// Values seen in real files plus arbitrary text, for the columns with a typed rule.
const messy = (...real: string[]) =>
  fc.oneof(fc.constantFrom(...real), fc.string({ unit: 'binary', maxLength: 12 }));
const toiletRow = fc.record(
  {
    全国地方公共団体コード: messy('012301', '12301', '37201', '０１２３０１', '012302', ''),
    ID: messy('LL0000000001', 'ＬＬ０１', ' 1 ', ''),
    名称: messy('若草中央公園', ' 若草 ', '=SUM(A1)', 'ｶﾀｶﾅ', '一行\n二行'),
    緯度: messy('42.371870', '141.056621', '42.372', '４２.３７１８７０', '緯度経度を確認', ''),
    経度: messy('141.056621', '42.371870', '141.06', ''),
    高度の種別: messy('階数', '階', '階 数', ''),
    男性トイレ総数: messy('2', '1,234', '10台', '２', '-1', ''),
    車椅子使用者用トイレ有無: messy('有', '無', '○', '×', 'あり', ''),
    利用開始時間: messy('09:00', '9:00', '24:00', '終日', '９時３０分', ''),
    画像: messy('https://example.lg.jp/a.jpg', 'example.lg.jp/a.jpg', 'a b', ''),
  },
  { requiredKeys: [] },
);

async function fixToText(bytes: Uint8Array, prefectureCode?: string): Promise<string> {
  let text = '';
  await fixTable(
    await openTable(bytes),
    (chunk) => {
      text += chunk;
    },
    prefectureCode ? { prefectureCode } : {},
  );
  return text;
}

test('the validator never throws on any byte sequence', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
      const report = await validateBytes(bytes);
      assert.equal(typeof report.valid, 'boolean');
    }),
    { numRuns: 300 },
  );
});

test('the validator never throws on a standard header followed by any bytes', async () => {
  const header = buildToiletCsv([]);
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (tail) => {
      const bytes = new Uint8Array(header.length + tail.length);
      bytes.set(header);
      bytes.set(tail, header.length);
      const report = await validateBytes(bytes);
      assert.equal(typeof report.valid, 'boolean');
    }),
    { numRuns: 200 },
  );
});

test('the --fix output re-validates with no fixable issue', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(toiletRow, { minLength: 1, maxLength: 6 }), async (rows) => {
      const fixed = await fixToText(buildToiletCsv(rows), '01');
      const report = await validateBytes(new TextEncoder().encode(fixed), { prefectureCode: '01' });
      assert.deepEqual(
        report.issues.filter((i) => i.fixable).map((i) => [i.code, i.value, i.fixedValue]),
        [],
      );
    }),
    { numRuns: 150 },
  );
});

test('fixing is idempotent', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(toiletRow, { minLength: 1, maxLength: 6 }), async (rows) => {
      const once = await fixToText(buildToiletCsv(rows));
      const twice = await fixToText(new TextEncoder().encode(once));
      assert.equal(twice, once);
    }),
    { numRuns: 150 },
  );
});
