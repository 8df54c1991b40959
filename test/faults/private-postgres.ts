import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster of its own (Debian's binaries, run as the `postgres` user), so a
 * test can stop and start the server without touching the one other tests use.
 */
export interface PrivatePostgres {
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions)
    if (existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  return undefined;
}

/** Why a private cluster cannot run here (no binaries, not root), or undefined when it can. */
export function privatePostgresUnavailable(): string | undefined {
  if (!binDir()) return 'PostgreSQL server binaries (/usr/lib/postgresql/*/bin) are not installed';
  if (process.getuid?.() !== 0) return 'needs root to run PostgreSQL as the postgres user';
  const r = spawnSync('id', ['postgres']);
  return r.status === 0 ? undefined : 'no postgres system user';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function asPostgres(bin: string, args: string[]): void {
  const r = spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed: ${r.stderr || r.stdout}`);
}

/** Creates and starts a cluster on a free loopback port. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir() ?? '';
  const dir = mkdtempSync(path.join(tmpdir(), 's5-pg-'));
  chmodSync(dir, 0o700);
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  chownSync(dir, uid, gid);
  const port = await freePort();
  asPostgres(path.join(bin, 'initdb'), [
    '-D',
    dir,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  const ctl = (...args: string[]) => asPostgres(path.join(bin, 'pg_ctl'), ['-D', dir, ...args]);
  const start = () =>
    ctl(
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-l',
      path.join(dir, 'log'),
      '-w',
      'start',
    );
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: () => ctl('-m', 'fast', '-w', 'stop'),
    destroy: () => {
      spawnSync('runuser', [
        '-u',
        'postgres',
        '--',
        path.join(bin, 'pg_ctl'),
        '-D',
        dir,
        '-m',
        'immediate',
        'stop',
      ]);
      spawnSync('rm', ['-rf', dir]);
    },
  };
}
