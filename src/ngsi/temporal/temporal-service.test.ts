import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { siteActor, testBackends } from '../../../test/support/backends.ts';
import { anonymous } from '../../core/action.ts';
import type { Platform } from '../../platform/index.ts';
import { brokerFor } from '../broker/open-broker.ts';
import type { NgsiCall } from '../broker/call.ts';
import { purgeHistory } from './retention.ts';
import { realtimeDb } from './tables.ts';
import { TemporalService } from './temporal-service.ts';

const V = 'https://uri.etsi.org/ngsi-ld/default-context/';

for (const backend of testBackends()) {
  describe(`temporal service limits and retention on ${backend.name}`, {
    skip: backend.skip,
  }, () => {
    let p: Platform;
    let call: NgsiCall;
    let svc: TemporalService;

    before(async () => {
      p = await backend.open({ seed: false });
      const broker = brokerFor(p.db, p.config);
      svc = new TemporalService(p.db, broker, 3);
      call = {
        actor: { ...anonymous, sysadmin: true, name: 'site' },
        tenant: '',
        now: new Date('2026-11-25T12:00:00Z'),
        terms: await broker.resolver.termsFor(undefined),
      };
      const readings = Array.from({ length: 8 }, (_, i) => ({
        type: 'Property',
        value: i,
        observedAt: `2026-11-25T05:0${i}:00Z`,
      }));
      await svc.upsert(call, { id: 'urn:ngsi-ld:Meter:m1', type: 'Meter', power: readings });
      await svc.upsert(call, { id: 'urn:ngsi-ld:Gauge:g1', type: 'Gauge', level: readings });
    });
    after(() => p.close());

    it('clips at the instance limit and reports the time range returned', async () => {
      const t = await svc.retrieve(call, 'urn:ngsi-ld:Meter:m1', {});
      assert.deepEqual(
        t.instances.map((r) => JSON.parse(r.body).value),
        [0, 1, 2],
      );
      assert.deepEqual(t.clipped, {
        fromMs: Date.parse('2026-11-25T05:00:00Z'),
        toMs: Date.parse('2026-11-25T05:02:00Z'),
      });
      const last = await svc.retrieve(call, 'urn:ngsi-ld:Meter:m1', { lastN: '5' });
      assert.deepEqual(
        last.instances.map((r) => JSON.parse(r.body).value),
        [5, 6, 7],
      );
      const few = await svc.retrieve(call, 'urn:ngsi-ld:Meter:m1', { lastN: '2' });
      assert.equal(few.clipped, undefined);
    });

    it('purges history past its type retention only', async () => {
      await p.call('s5_ngsi_retention_set', { type: 'Meter', days: 1 }, siteActor);
      const count = async (id: string) =>
        (
          await realtimeDb(p.db)
            .selectFrom('ngsi_attr_instance')
            .select('instance_id')
            .where('entity_id', '=', id)
            .execute()
        ).length;
      // History was received at call.now; one day later it is still kept, two days later not.
      assert.equal(await purgeHistory(p.db, Date.parse('2026-11-26T11:00:00Z')), 0);
      assert.equal(await purgeHistory(p.db, Date.parse('2026-11-27T13:00:00Z')), 8);
      assert.equal(await count('urn:ngsi-ld:Meter:m1'), 0);
      assert.equal(await count('urn:ngsi-ld:Gauge:g1'), 8);
      const rules = await realtimeDb(p.db).selectFrom('ngsi_retention').selectAll().execute();
      assert.deepEqual(
        rules.map((r) => [r.type, r.days]),
        [[`${V}Meter`, 1]],
      );
    });
  });
}
