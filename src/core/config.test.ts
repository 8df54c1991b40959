import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.ts';
import { AppError } from './errors.ts';

describe('configuration', () => {
  it('defaults to SQLite under ./data on port 8080', () => {
    const c = loadConfig({});
    assert.equal(c.database.kind, 'sqlite');
    assert.ok(c.database.kind === 'sqlite' && c.database.file.endsWith('/data/s5.db'));
    assert.equal(c.port, 8080);
    assert.equal(c.siteUrl, 'http://127.0.0.1:8080');
  });

  it('prefers S5_PORT over PORT', () => {
    assert.equal(loadConfig({ S5_PORT: '9000', PORT: '3000' }).port, 9000);
    assert.equal(loadConfig({ PORT: '3000' }).port, 3000);
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://localhost/test' });
    assert.deepEqual(c.database, { kind: 'postgres', url: 'postgres://localhost/test' });
  });

  it('stops on a wrong value with a message naming the variable', () => {
    assert.throws(
      () => loadConfig({ S5_PORT: 'eighty' }),
      (e: unknown) =>
        e instanceof AppError && e.message.includes('S5_PORT') && e.message.includes('"eighty"'),
    );
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ S5_AUTO_SEED: 'perhaps' }), /S5_AUTO_SEED/);
  });

  it('stops on an unknown S5_ variable, which is most likely a typo', () => {
    assert.throws(() => loadConfig({ S5_PROT: '8080' }), /S5_PROT: unknown setting/);
  });
});
