import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors.ts';

/** `backup.json`: what a backup folder holds, written last so a torn backup has none. */
export interface BackupManifest {
  format: 's5-backup';
  version: 1;
  created: string;
  migrations: string[];
  files: number;
  bytes: number;
}

export const MANIFEST = 'backup.json';
export const DATABASE = 's5.db';
export const FILES = 'files';

/**
 * Reads and checks a backup folder's manifest.
 * @throws AppError bad_request when the folder is not a complete s5 backup.
 */
export function readManifest(dir: string): BackupManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    throw new AppError(
      'bad_request',
      `${dir} はs5のバックアップではないか、不完全です (${MANIFEST} がありません) / ${dir} is not a complete s5 backup (no readable ${MANIFEST})`,
    );
  }
  const m = parsed as Partial<BackupManifest>;
  if (m.format !== 's5-backup' || m.version !== 1 || !Array.isArray(m.migrations)) {
    throw new AppError('bad_request', `${dir}/${MANIFEST}: unknown backup format`);
  }
  return m as BackupManifest;
}
