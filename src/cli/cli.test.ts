import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 's5-cli-'));

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

describe('s5 command line', () => {
  it('migrates, seeds, adds a user with a role, creates a token and calls actions', () => {
    assert.match(s5('db', 'migrate').out, /applied: 0001-catalog/);
    assert.match(s5('seed').out, /北海道: 180 organizations, 14 groups/);
    assert.match(s5('seed').out, /180 organizations/, 'seeding twice is safe');
    const user = s5(
      'user',
      'add',
      'obihiro-clerk',
      '--email',
      'clerk@example.jp',
      '--org',
      '012076',
      '--role',
      'editor',
    );
    assert.equal(user.code, 0, user.err);
    const token = s5('token', 'create', 'obihiro-clerk').out.trim();
    assert.match(token, /^[A-Za-z0-9_-]{40,}$/);
    const created = s5(
      'action',
      'package_create',
      'name=cli-dataset',
      'title=帯広のデータ',
      'owner_org=obihiro-shi',
      'tags:=[{"name":"十勝"}]',
    );
    assert.equal(created.code, 0, created.err);
    const found = JSON.parse(s5('action', 'package_search', 'q=帯広').out) as { count: number };
    assert.equal(found.count, 1);
  });

  it('exits non-zero with the action error for an unknown action or bad input', () => {
    const unknown = s5('action', 'drop_everything');
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /Action name not known/);
    const bad = s5('action', 'package_create', 'name=X');
    assert.notEqual(bad.code, 0);
  });

  it('stops with a message naming a wrong setting', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'db', 'status'],
      {
        cwd: ROOT,
        env: { ...process.env, S5_DATA_DIR: dataDir, S5_SEARCH_MAX_ROWS: 'many' },
        encoding: 'utf8',
      },
    );
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /S5_SEARCH_MAX_ROWS/);
  });
});
