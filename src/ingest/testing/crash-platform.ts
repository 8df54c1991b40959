import path from 'node:path';
import { fixedClock } from '../../core/clock.ts';
import { type Config, loadConfig } from '../../core/config.ts';
import { silentLogger } from '../../core/logger.ts';
import { openPlatform, type Platform } from '../../platform/index.ts';

/** What the crash test's parent and child share: where the data is. */
export interface CrashSetup {
  dataDir: string;
  database: Config['database'];
}

const SEED_DIR = path.resolve(import.meta.dirname, '../../../seed/hokkaido');

/** Opens the platform of a crash test (file-backed SQLite or a PostgreSQL schema). */
export function openCrashPlatform(setup: CrashSetup, seed: boolean): Promise<Platform> {
  const config = loadConfig({
    S5_DATA_DIR: setup.dataDir,
    S5_SEED_DIR: SEED_DIR,
    S5_LOG_LEVEL: 'silent',
    S5_SITE_URL: 'http://s5.test',
  });
  return openPlatform(
    { ...config, database: setup.database },
    { log: silentLogger, clock: fixedClock('2026-11-25T03:00:00.000Z'), seed },
  );
}
