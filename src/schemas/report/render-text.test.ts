import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildToiletCsv } from '../../../test/fixtures/validator/build-table.ts';
import { validateBytes } from '../validate/validate-bytes.ts';
import { renderReportText } from './render-text.ts';

const defective = () => buildToiletCsv([{ 高度の種別: '階', 利用開始時間: '9:00' }]);

test('the text report is Japanese by default, with the dataset and each issue located', async () => {
  const text = renderReportText(await validateBytes(defective()), {
    fileName: '012301_public_toilet.csv',
  });
  assert.match(text, /^s5 検証結果 — 012301_public_toilet\.csv/);
  assert.match(text, /結果: 不適合（エラー 1 件、警告 1 件、注意 0 件）/);
  assert.match(text, /データセット: 公衆トイレ一覧 \[a13-public_toilet\]/);
  assert.match(text, /\[エラー\] 2行目 18列目 「高度の種別」: 「階」は選択肢/);
  assert.match(text, /\[自動修正可: 09:00\]/);
});

test('the text report is English with lang en', async () => {
  const text = renderReportText(await validateBytes(defective()), { lang: 'en' });
  assert.match(text, /Result: invalid \(1 errors, 1 warnings, 0 notices\)/);
  assert.match(
    text,
    /\[error\] row 2, column 18, "高度の種別": "階" is not one of the allowed values/,
  );
});

test('errors are listed before warnings and notices', async () => {
  const text = renderReportText(await validateBytes(defective()));
  assert.ok(text.indexOf('[エラー]') < text.indexOf('[警告]'));
});

test('an unreadable file is reported as such', async () => {
  const text = renderReportText(await validateBytes(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n')));
  assert.match(text, /結果: 読み込み不可/);
});

test('a long list is cut with a count of what was left out', async () => {
  const rows = Array.from({ length: 80 }, () => ({ 高度の種別: '階' }));
  const text = renderReportText(await validateBytes(buildToiletCsv(rows)), { maxIssues: 10 });
  assert.match(text, /ほか 70 件は省略しました/);
});
