import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.ts';
import { AppError } from '../core/errors.ts';
import { snapshotSqlite, sqliteIntegrityProblems, sqliteMigrations } from '../db/index.ts';
import { copyStoredFile, listStoredFiles } from './copy-files.ts';
import { type BackupManifest, DATABASE, FILES, MANIFEST } from './manifest.ts';
import { referencedFiles } from './repo.ts';

export interface BackupSummary extends BackupManifest {
  dir: string;
  /** Files the database refers to that the file store did not have (reported, not fatal). */
  missing: string[];
}

/**
 * Backs up the embedded database and the uploaded files into a new folder while the server may
 * keep writing: a consistent database snapshot first, then every stored file (files are written
 * before any row refers to them, so the snapshot's files are all there), then the manifest.
 * @throws AppError bad_request for PostgreSQL (use pg_dump), a non-empty target or no database.
 */
export async function createBackup(config: Config, dir: string, now: Date): Promise<BackupSummary> {
  if (config.database.kind !== 'sqlite') {
    throw new AppError(
      'bad_request',
      'DATABASE_URL はPostgreSQLです。データベースは pg_dump でバックアップしてください / DATABASE_URL is PostgreSQL: back the database up with pg_dump; `s5 backup` covers the embedded SQLite database and its files',
    );
  }
  const source = config.database.file;
  if (!existsSync(source)) throw new AppError('bad_request', `No database at ${source}`);
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    throw new AppError('bad_request', `${dir} exists and is not an empty folder`);
  }
  mkdirSync(path.join(dir, FILES), { recursive: true });
  const database = path.join(dir, DATABASE);
  snapshotSqlite(source, database);
  const problems = sqliteIntegrityProblems(database);
  if (problems.length > 0) {
    throw new AppError('internal', `The database copy failed its integrity check: ${problems[0]}`);
  }
  const stored = listStoredFiles(config.filesDir);
  let bytes = 0;
  for (const [sha256, file] of stored) {
    copyStoredFile(file, path.join(dir, FILES), sha256);
    bytes += statSync(file).size;
  }
  const referenced = await referencedFiles(database);
  const missing = [...referenced].filter((sha) => !stored.has(sha)).sort();
  const manifest: BackupManifest = {
    format: 's5-backup',
    version: 1,
    created: now.toISOString(),
    migrations: sqliteMigrations(database),
    files: stored.size,
    bytes,
  };
  writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, dir, missing };
}
