import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 's5-cli-plan-'));

function s5(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, S5_DATA_DIR: dataDir, S5_LOG_LEVEL: 'silent', DATABASE_URL: '' },
      encoding: 'utf8',
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('s5 plan', () => {
  it('loads the plan with `s5 seed`, shows it, and prints a year as text and CSV', () => {
    assert.match(
      s5('seed').out,
      /北海道Society5\.0推進計画: 76 nodes, 13 KPIs, version 1 \(loaded\)/,
    );
    assert.match(s5('seed').out, /version 1\n/, 'seeding twice changes nothing');
    const shown = s5('plan', 'show');
    assert.equal(shown.code, 0, shown.err);
    assert.match(shown.out, /^北海道Society5\.0推進計画 \(hokkaido-society5-plan\)/);
    assert.match(shown.out, /\n④ データの利活用\n {2}\(a\) 広範な主体による/);
    const entered = s5(
      'action',
      's5_kpi_value_upsert',
      'fiscal_year=2024',
      'kpi=3b-my-number-card-rate',
      'actual_value:=73.2',
    );
    assert.equal(entered.code, 0, entered.err);
    assert.match(
      s5('plan', 'report', '2024').out,
      /作成中 第1版[\s\S]*3b-my-number-card-rate {2}道内のマイナンバーカード交付率: 73\.2/,
    );
    assert.match(s5('plan', 'report', '2024', '--csv').out, /^年度,年度（和暦）,版,/);
  });

  it('exits non-zero for a year outside the plan period', () => {
    const r = s5('plan', 'report', '2030');
    assert.equal(r.code, 1);
    assert.match(r.err, /Validation Error/);
  });
});
