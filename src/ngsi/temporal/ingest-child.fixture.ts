// Child process of kill-during-ingest.test.ts: batch-upserts rounds of readings into the s5
// database in argv[2] until killed. Value of every attribute in round r is r.
import { anonymous } from '../../core/action.ts';
import { loadConfig } from '../../core/config.ts';
import { silentLogger } from '../../core/logger.ts';
import { openPlatform } from '../../platform/index.ts';
import { brokerFor } from '../broker/open-broker.ts';

const dir = process.argv[2] ?? '';
const config = loadConfig({ S5_DATA_DIR: dir, S5_LOG_LEVEL: 'silent', S5_AUTO_SEED: 'false' });
const p = await openPlatform(config, { log: silentLogger });
const broker = brokerFor(p.db, config);
const call = {
  actor: { ...anonymous, sysadmin: true, name: 'device' },
  tenant: '',
  now: new Date(),
  terms: await broker.resolver.termsFor(undefined),
};
process.stdout.write('ingesting\n');
for (let round = 0; ; round++) {
  const batch = Array.from({ length: 20 }, (_, i) => ({
    id: `urn:ngsi-ld:RiverLevel:r${i}`,
    type: 'RiverLevel',
    level: { type: 'Property', value: round },
    flow: { type: 'Property', value: round },
    temperature: { type: 'Property', value: round },
  }));
  await broker.batch({ ...call, now: new Date() }, 'upsert', batch, async () => call.terms, {
    mode: 'update',
  });
}
