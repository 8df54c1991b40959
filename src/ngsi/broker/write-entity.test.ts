import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testBackends } from '../../../test/support/backends.ts';
import { anonymous } from '../../core/action.ts';
import type { Platform } from '../../platform/index.ts';
import type { EntityChange } from '../model/types.ts';
import { Broker } from './broker.ts';
import type { NgsiCall } from './call.ts';

const T = 'https://uri.etsi.org/ngsi-ld/default-context/';

for (const backend of testBackends()) {
  describe(`entity writes and their change lists on ${backend.name}`, {
    skip: backend.skip,
  }, () => {
    let p: Platform;
    let broker: Broker;
    let call: NgsiCall;
    const seen: EntityChange[] = [];

    before(async () => {
      p = await backend.open({ seed: false });
      broker = new Broker({
        db: p.db,
        settings: { maxLimit: 100, defaultLimit: 20, openAccess: true },
        apiBase: 'http://s5.test/ngsi-ld/v1',
        contextHosts: [],
        fetchTimeoutMs: 1000,
      });
      broker.onChange(async (_tx, changes) => {
        seen.push(...changes);
      });
      call = {
        actor: anonymous,
        tenant: '',
        now: new Date('2026-11-25T03:00:00Z'),
        terms: await broker.resolver.termsFor(undefined),
      };
    });
    after(() => p.close());

    it('hands every write to the listeners with what changed', async () => {
      seen.length = 0;
      await broker.entities.create(call, {
        id: 'urn:e:1',
        type: 'Meter',
        power: { type: 'Property', value: 1, observedAt: '2026-11-25T02:59:00Z' },
      });
      await broker.entities.update(call, 'urn:e:1', { power: { type: 'Property', value: 2 } });
      await broker.entities.deleteAttribute(call, 'urn:e:1', 'power', undefined, false);
      await broker.entities.delete(call, 'urn:e:1');
      assert.deepEqual(
        seen.map((c) => [c.op, c.attrs.map((a) => `${a.op}:${a.name.replace(T, '')}`)]),
        [
          ['created', ['created:power']],
          ['updated', ['updated:power']],
          ['updated', ['deleted:power']],
          ['deleted', []],
        ],
      );
      const update = seen[1];
      assert.equal(update?.attrs[0]?.previous?.value, 1);
      assert.equal(update?.attrs[0]?.current?.value, 2);
      assert.equal(update?.attrs[0]?.current?.createdAt, '2026-11-25T03:00:00.000Z');
      assert.equal(update?.after?.attrs.get(`${T}power`)?.get('')?.value, 2);
    });

    it('rolls the write back when a listener fails', async () => {
      const failing = new Broker({
        db: p.db,
        settings: { maxLimit: 100, defaultLimit: 20, openAccess: true },
        apiBase: 'http://s5.test/ngsi-ld/v1',
        contextHosts: [],
        fetchTimeoutMs: 1000,
      });
      failing.onChange(async () => {
        throw new Error('history is down');
      });
      await assert.rejects(
        failing.entities.create(call, { id: 'urn:e:2', type: 'Meter' }),
        /history is down/,
      );
      await assert.rejects(
        broker.entities.retrieve(call, 'urn:e:2'),
        (e) => (e as { code?: string }).code === 'not_found',
      );
    });

    it('skips writes that change nothing', async () => {
      await broker.entities.create(call, {
        id: 'urn:e:3',
        type: 'Meter',
        a: { type: 'Property', value: 1 },
      });
      seen.length = 0;
      const r = await broker.entities.append(
        call,
        'urn:e:3',
        { a: { type: 'Property', value: 9 } },
        true,
      );
      assert.deepEqual(r.updated, []);
      assert.deepEqual(seen, []);
    });
  });
}
