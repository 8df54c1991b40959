import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../core/config.ts';
import { silentLogger } from '../core/logger.ts';
import { openPlatform } from '../platform/index.ts';
import { logIn } from './index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 's5-cli-password-'));

function s5(args: string[], input?: string) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, S5_DATA_DIR: dataDir, S5_LOG_LEVEL: 'silent', DATABASE_URL: '' },
      encoding: 'utf8',
      input: input ?? '',
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Whether the password logs the user in, on the CLI's own database. */
async function canLogIn(name: string, password: string): Promise<boolean> {
  const config = loadConfig({ S5_DATA_DIR: dataDir, S5_LOG_LEVEL: 'silent' });
  const p = await openPlatform(config, { log: silentLogger, seed: false });
  try {
    return (await logIn(p.db, name, password, new Date())) !== null;
  } finally {
    await p.close();
  }
}

describe('s5 user add --password and s5 user password', () => {
  it('creates the first sysadmin with a password that logs in to the portal', async () => {
    const added = s5([
      'user',
      'add',
      'admin',
      '--email',
      'admin@example.jp',
      '--sysadmin',
      '--password',
      'first admin passphrase',
    ]);
    assert.equal(added.code, 0, added.err);
    assert.doesNotMatch(added.out, /first admin passphrase/);
    assert.equal(await canLogIn('admin', 'first admin passphrase'), true);
  });

  it('refuses a password shorter than 12 characters', () => {
    const r = s5(['user', 'add', 'short', '--email', 's@example.jp', '--password', 'too short']);
    assert.equal(r.code, 1);
    assert.match(r.err, /password/);
  });

  it('sets a new password read from stdin, not from the command line', async () => {
    const r = s5(['user', 'password', 'admin'], 'a replacement passphrase\n');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /password of admin changed/);
    assert.equal(await canLogIn('admin', 'a replacement passphrase'), true);
    assert.equal(await canLogIn('admin', 'first admin passphrase'), false);
  });
});
