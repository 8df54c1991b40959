import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildToiletRow, toiletHeader } from '../../../test/fixtures/validator/build-table.ts';
import type { RawRow } from '../read/types.ts';
import type { RowVerdict } from './check-row.ts';
import { startReview } from './validate-table.ts';

// The row checker remembers values across rows for speed (the last clean value per column, the
// values found clean, the verdicts on flawed values, the halves of 緯度/経度 pairs). What it
// remembers must never change a verdict: each row, checked after any others, gets the issues and
// the fixes it gets alone. Values come from small pools so that rows repeat each other's values.
const pool = (...values: string[]) => fc.constantFrom(...values);
const latitude = pool(
  '42.371870',
  '42.372',
  '42.3',
  '42.3718701',
  '35.1',
  '141.056621',
  '',
  ' 42.3',
);
const longitude = pool(
  '141.056621',
  '141.06',
  '141.1',
  '142.000',
  '139.5',
  '42.371870',
  '',
  '４２',
);
const toiletRow = fc.record(
  {
    全国地方公共団体コード: pool('012301', '12301', '012302', ''),
    ID: pool('LL0000000001', 'LL0000000002', ' LL0000000003', '', '　'),
    名称: pool('若草中央公園', ' 若草中央公園 ', '', '　', '=1+1', 'なし'),
    名称_英語: pool('Wakakusa Park', 'Wakakusa Central Park', 'ＷＡＫＡ', ''),
    所在地_連結表記: pool(
      '北海道登別市若草町2-100-2',
      '北海道登別市若草町10-100-2',
      '登別市若草町',
    ),
    設置位置: pool('公園内北側', '２階正面入口', '緯度経度を確認', ''),
    緯度: latitude,
    経度: longitude,
    高度の種別: pool('階数', '階', ''),
    車椅子使用者用トイレ有無: pool('有', '無', '○', '', 'あり'),
    利用開始時間: pool('09:00', '9:00', '24:00', ''),
    利用終了時間: pool('18:00', '', '24:00'),
    利用可能時間特記事項: pool('', '9時から17時', '12/31、1/1は終日利用不可'),
  },
  { requiredKeys: [] },
);

const header = toiletHeader();
const headerRow: RawRow = { record: 1, line: 1, cells: header };

function rawRow(values: Record<string, string>, record: number): RawRow {
  const row = buildToiletRow(values);
  return { record, line: record, cells: header.map((name) => row[name] ?? '') };
}

/** The verdict without the one finding that rightly depends on other rows. */
function alone(verdict: RowVerdict) {
  return {
    issues: verdict.issues.filter((i) => i.code !== 'duplicate_id'),
    cells: verdict.cells,
    drop: verdict.drop,
  };
}

test('a row gets the same verdict after any other rows as it gets alone', () => {
  fc.assert(
    fc.property(
      fc.array(toiletRow, { minLength: 2, maxLength: 40 }),
      fc.constantFrom(undefined, '01', '22'),
      fc.boolean(),
      (rows, prefectureCode, primed) => {
        const options = prefectureCode === undefined ? {} : { prefectureCode };
        const checker = startReview(headerRow, options, null).checker;
        // First rows whose 名称, 所在地 and 設置位置 all differ: those columns then stop recording
        // their last clean value (the checker's recall trial); the verdicts after must not change.
        if (primed)
          for (let i = 0; i < 1100; i++)
            checker.check(
              rawRow(
                {
                  ID: `P${i}`,
                  名称: `公園${i}`,
                  所在地_連結表記: `北海道登別市若草町${i}`,
                  設置位置: `北側${i}`,
                },
                -i,
              ),
            );
        // Which rows repeat an ID is the one thing a row cannot know alone: checked on its own.
        const firstRow = new Map<string, number>();
        rows.forEach((values, i) => {
          const row = rawRow(values, i + 2);
          const fresh = startReview(headerRow, options, null).checker;
          const verdict = checker.check(row);
          assert.deepEqual(alone(verdict), alone(fresh.check(row)), `row ${row.record}`);
          const id = buildToiletRow(values).ID?.trim() ?? '';
          const repeats = verdict.issues.filter((issue) => issue.code === 'duplicate_id');
          const first = firstRow.get(id);
          assert.deepEqual(
            repeats.map((issue) => issue.params?.firstRow),
            id !== '' && first !== undefined ? [first] : [],
            `row ${row.record}: ${id}`,
          );
          if (id !== '' && first === undefined) firstRow.set(id, row.record);
        });
      },
    ),
    { numRuns: 300 },
  );
});
