// Child of kill-during-publish.test.ts: takes FY2024 to `reviewed`, says `publishing`, publishes.
import { loadConfig } from '../../../src/core/config.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { openPlatform } from '../../../src/platform/index.ts';
import { SEED_DIR, siteActor } from '../../support/backends.ts';

const config = loadConfig({
  S5_DATA_DIR: process.argv[2] ?? '',
  S5_SEED_DIR: SEED_DIR,
  S5_LOG_LEVEL: 'silent',
});
const p = await openPlatform(config, { log: silentLogger });
const report = (await p.call('s5_report_show', { fiscal_year: 2024 }, siteActor)) as {
  status: string;
};
if (report.status === 'draft') await p.call('s5_report_submit', { fiscal_year: 2024 }, siteActor);
if (report.status !== 'reviewed')
  await p.call('s5_report_review', { fiscal_year: 2024 }, siteActor);
process.stdout.write('publishing\n');
await p.call('s5_report_publish', { fiscal_year: 2024 }, siteActor);
process.stdout.write('published\n');
await p.close();
