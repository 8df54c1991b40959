import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.ts';
import { AppError } from '../core/errors.ts';
import { KNOWN_MIGRATIONS, sqliteIntegrityProblems } from '../db/index.ts';
import { copyStoredFile, hashMatches, listStoredFiles } from './copy-files.ts';
import { DATABASE, FILES, readManifest } from './manifest.ts';
import { referencedFiles } from './repo.ts';

export interface RestoreSummary {
  migrations: string[];
  filesCopied: number;
  filesPresent: number;
}

/**
 * Restores a backup folder into the configured data folder. Everything is checked before the
 * current database is touched (manifest, integrity, schema not newer than this code, every file
 * hashing to its name, every referenced file present); files are added first (content-addressed,
 * so harmless), the database is swapped in last by a rename. Stop the server first.
 * @throws AppError bad_request for PostgreSQL, a bad backup, or an existing database without force.
 */
export async function restoreBackup(
  config: Config,
  dir: string,
  options: { force: boolean },
): Promise<RestoreSummary> {
  if (config.database.kind !== 'sqlite') {
    throw new AppError(
      'bad_request',
      'DATABASE_URL はPostgreSQLです。pg_restore を使ってください / DATABASE_URL is PostgreSQL: restore the database with pg_restore',
    );
  }
  const manifest = readManifest(dir);
  const unknown = manifest.migrations.filter((m) => !KNOWN_MIGRATIONS.includes(m));
  if (unknown.length > 0) {
    throw new AppError(
      'bad_request',
      `The backup comes from a newer s5 (migrations ${unknown.join(', ')}): upgrade s5 first`,
    );
  }
  const backupDb = path.join(dir, DATABASE);
  const problems = existsSync(backupDb) ? sqliteIntegrityProblems(backupDb) : ['missing'];
  if (problems.length > 0) {
    throw new AppError('bad_request', `${backupDb} is damaged: ${problems.slice(0, 3).join('; ')}`);
  }
  const files = listStoredFiles(path.join(dir, FILES));
  for (const [sha256, file] of files) {
    if (!(await hashMatches(file, sha256)))
      throw new AppError('bad_request', `${file} does not match its hash: the backup is damaged`);
  }
  const missing = [...(await referencedFiles(backupDb))].filter((sha) => !files.has(sha));
  if (missing.length > 0) {
    throw new AppError(
      'bad_request',
      `The backup lacks ${missing.length} referenced file(s), e.g. ${missing[0]}`,
    );
  }
  const target = config.database.file;
  if (existsSync(target) && !options.force) {
    throw new AppError(
      'bad_request',
      `${target} がすでにあります。サーバーを止めてから --force で置き換えてください / ${target} exists: stop the server, then restore with --force to replace it`,
    );
  }
  mkdirSync(path.dirname(target), { recursive: true });
  let copied = 0;
  for (const [sha256, file] of files)
    if (copyStoredFile(file, config.filesDir, sha256)) copied += 1;
  const incoming = `${target}.restoring`;
  copyFileSync(backupDb, incoming);
  // A WAL left by the old database would be replayed into the restored one: remove it first.
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(incoming, target);
  return { migrations: manifest.migrations, filesCopied: copied, filesPresent: files.size };
}
