import { loadConfig } from '../core/config.ts';
import { createLogger } from '../core/logger.ts';
import { openPlatform, type Platform } from '../platform/index.ts';

/**
 * Opens the platform for one CLI command and closes it afterwards. Logs go to stderr at
 * `warn` unless S5_LOG_LEVEL says otherwise, so command output stays readable.
 */
export async function withPlatform<T>(
  fn: (platform: Platform) => Promise<T>,
  options: { migrate?: boolean; seed?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const log = createLogger(process.env.S5_LOG_LEVEL ? config.logLevel : 'warn');
  const platform = await openPlatform(config, { log, origin: 'cli', ...options });
  try {
    return await fn(platform);
  } finally {
    await platform.close();
  }
}

/** Prints a value as indented JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
