// A writer for the backup test: creates datasets (with an uploaded file every fifth) in a loop
// on the given data folder and prints the running count, until killed.
import { loadConfig } from '../../core/config.ts';
import { silentLogger } from '../../core/logger.ts';
import { Upload } from '../../files/index.ts';
import { openPlatform } from '../../platform/index.ts';
import { buildPackage, SEED_DIR, siteActor } from '../../../test/support/backends.ts';

const dataDir = process.argv[2] ?? '';
const config = loadConfig({
  S5_DATA_DIR: dataDir,
  S5_SEED_DIR: SEED_DIR,
  S5_LOG_LEVEL: 'silent',
  S5_AUTO_SEED: 'false',
});
const platform = await openPlatform(config, { log: silentLogger });
for (let n = 1; ; n += 1) {
  const pkg = (await platform.call(
    'package_create',
    buildPackage({ title: `書き込み ${n}` }),
    siteActor,
  )) as {
    id: string;
  };
  if (n % 5 === 0) {
    const bytes = new TextEncoder().encode(`n,value\n${n},${Math.random()}\n`);
    const stored = await platform.files.put(
      (async function* () {
        yield bytes;
      })(),
      1_000_000,
    );
    await platform.call(
      'resource_create',
      {
        package_id: pkg.id,
        name: `file ${n}`,
        upload: new Upload(stored, `f${n}.csv`, 'text/csv'),
      },
      siteActor,
    );
  }
  process.stdout.write(`${n}\n`);
}
