import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { createTestUsers, type TestUsers, testBackends } from '../../test/support/backends.ts';
import type { Platform } from '../platform/index.ts';
import { createApp } from './create-app.ts';
import { type NgsiClient, ngsiClient, TEST_CONTEXT } from './ngsi-testing.ts';

const E = 'urn:ngsi-ld:Sensor:river-1';
const T = (h: number, m = 0) =>
  `2026-11-25T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`;
// Readings at 00:00, 00:30, 01:00, 01:30, 02:00 (river level in cm).
const LEVELS = [120, 130, 150, 170, 160];
const readings = LEVELS.map((v, i) => ({
  type: 'Property',
  value: v,
  unitCode: 'CMT',
  observedAt: T(Math.floor(i / 2), (i % 2) * 30),
}));

for (const backend of testBackends()) {
  describe(`NGSI-LD temporal API on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let app: Hono;
    let u: TestUsers;
    let c: NgsiClient;
    let link: Record<string, string>;

    before(async () => {
      p = await backend.open();
      app = createApp(p);
      u = await createTestUsers(p);
      c = ngsiClient(app, u.tokens.editor);
      const hosted = await c.req('POST', '/jsonldContexts', { body: { '@context': TEST_CONTEXT } });
      assert.equal(hosted.status, 201);
      const url = `http://s5.test${hosted.headers.get('location')}`;
      link = {
        Link: `<${url}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`,
      };
      const r = await c.req('POST', '/temporal/entities', {
        body: { id: E, type: 'Sensor', temperature: readings },
        headers: link,
      });
      assert.equal(r.status, 201, await r.clone().text());
      assert.equal(
        r.headers.get('location'),
        `/ngsi-ld/v1/temporal/entities/${encodeURIComponent(E)}`,
      );
    });
    after(() => p.close());

    const get = async (path: string) => {
      const r = await c.req('GET', path, { headers: link });
      return {
        status: r.status,
        headers: r.headers,
        body: (await r.json()) as Record<string, unknown>,
      };
    };
    const values = (body: Record<string, unknown>) =>
      (body.temperature as Array<{ value: number }>).map((i) => i.value);

    it('keeps every instance, oldest first, with instance ids, and the entity ends with the newest', async () => {
      const r = await get(`/temporal/entities/${E}`);
      assert.equal(r.status, 200);
      assert.deepEqual(values(r.body), LEVELS);
      const first = (r.body.temperature as Array<Record<string, unknown>>)[0] ?? {};
      assert.match(String(first.instanceId), /^urn:ngsi-ld:attribute:instance:/);
      assert.equal(first.observedAt, T(0));
      assert.equal(first.unitCode, 'CMT');
      const core = await c.req('GET', `/entities/${E}?options=keyValues`, { headers: link });
      assert.equal(((await core.json()) as { temperature: number }).temperature, 160);
    });

    it('filters by timerel before / after / between on observedAt', async () => {
      assert.deepEqual(
        values((await get(`/temporal/entities/${E}?timerel=before&timeAt=${T(1)}`)).body),
        [120, 130],
      );
      assert.deepEqual(
        values((await get(`/temporal/entities/${E}?timerel=after&timeAt=${T(1)}`)).body),
        [150, 170, 160],
      );
      assert.deepEqual(
        values(
          (
            await get(
              `/temporal/entities/${E}?timerel=between&timeAt=${T(0, 30)}&endTimeAt=${T(1, 30)}`,
            )
          ).body,
        ),
        [130, 150],
      );
    });

    it('projects with pick and omit, and answers 404 when nothing is left', async () => {
      const r = await get(`/temporal/entities/${E}?pick=id,temperature&lastN=1`);
      assert.deepEqual(Object.keys(r.body).sort(), ['id', 'temperature']);
      const o = await get(`/temporal/entities/${E}?omit=temperature`);
      assert.deepEqual(Object.keys(o.body).sort(), ['id', 'type']);
      assert.equal((await get(`/temporal/entities/${E}?pick=name`)).status, 404);
      assert.equal((await get(`/temporal/entities/${E}?pick=id&omit=id`)).status, 400);
      const empty = await c.req('POST', '/temporal/entities//attrs', { body: {}, headers: link });
      assert.equal(empty.status, 400);
    });

    it('rejects malformed temporal parameters with 400', async () => {
      for (const q of [
        'timerel=between&timeAt=2026-11-25T01:00:00Z',
        'timerel=later&timeAt=2026-11-25T01:00:00Z',
        'timerel=after&timeAt=yesterday',
        'lastN=0',
        'options=aggregatedValues&aggrMethods=median',
        'options=aggregatedValues&aggrMethods=avg&aggrPeriodDuration=1H',
      ])
        assert.equal((await get(`/temporal/entities/${E}?${q}`)).status, 400, q);
    });

    it('answers lastN with the newest N instances, oldest first', async () => {
      assert.deepEqual(values((await get(`/temporal/entities/${E}?lastN=2`)).body), [170, 160]);
    });

    it('answers temporalValues as [value, observedAt] pairs', async () => {
      const r = await get(
        `/temporal/entities/${E}?options=temporalValues&timerel=before&timeAt=${T(1)}`,
      );
      assert.deepEqual(r.body.temperature, {
        type: 'Property',
        values: [
          [120, T(0)],
          [130, T(0, 30)],
        ],
      });
    });

    it('aggregates per hour (avg, min, max, sum, totalCount, distinctCount)', async () => {
      const r = await get(
        `/temporal/entities/${E}?options=aggregatedValues&aggrMethods=avg,min,max,sum,totalCount,distinctCount&aggrPeriodDuration=PT1H&timerel=between&timeAt=${T(0)}&endTimeAt=${T(3)}`,
      );
      assert.equal(r.status, 200);
      const t = r.body.temperature as Record<string, Array<[number, string, string]>>;
      const hour = (h: number) => [T(h), T(h + 1)];
      assert.deepEqual(t.avg, [
        [125, ...hour(0)],
        [160, ...hour(1)],
        [160, ...hour(2)],
      ]);
      assert.deepEqual(
        t.max?.map((x) => x[0]),
        [130, 170, 160],
      );
      assert.deepEqual(
        t.min?.map((x) => x[0]),
        [120, 150, 160],
      );
      assert.deepEqual(
        t.sum?.map((x) => x[0]),
        [250, 320, 160],
      );
      assert.deepEqual(
        t.totalCount?.map((x) => x[0]),
        [2, 2, 1],
      );
      assert.deepEqual(
        t.distinctCount?.map((x) => x[0]),
        [2, 2, 1],
      );
      // One period over the whole range without aggrPeriodDuration.
      const whole = await get(
        `/temporal/entities/${E}?options=aggregatedValues&aggrMethods=avg,totalCount&timerel=before&timeAt=${T(3)}`,
      );
      const w = whole.body.temperature as Record<string, Array<[number, string, string]>>;
      assert.equal(w.totalCount?.[0]?.[0], 5);
      assert.equal(w.avg?.[0]?.[0], 146);
    });

    it('aggregates calendar periods (P1M) in code, from the first instance', async () => {
      const r = await get(
        `/temporal/entities/${E}?options=aggregatedValues&aggrMethods=sum,totalCount&aggrPeriodDuration=P1M&timerel=after&timeAt=2026-11-01T00:00:00Z`,
      );
      const t = r.body.temperature as Record<string, Array<[number, string, string]>>;
      // Periods start at the first instance in the range.
      assert.deepEqual(t.sum, [[730, T(0), '2026-12-25T00:00:00Z']]);
      assert.equal(t.totalCount?.[0]?.[0], 5);
    });

    it('queries the history of entities by type, and records ordinary writes too', async () => {
      const r = await c.req('PATCH', `/entities/${E}/attrs/temperature`, {
        body: { type: 'Property', value: 155, observedAt: T(2, 30) },
        headers: link,
      });
      assert.equal(r.status, 204);
      const q = await c.req('GET', `/temporal/entities?type=Sensor&timerel=after&timeAt=${T(2)}`, {
        headers: link,
      });
      assert.equal(q.status, 200);
      const list = (await q.json()) as Array<Record<string, unknown>>;
      assert.equal(list.length, 1);
      assert.deepEqual(values(list[0] ?? {}), [160, 155]);
      // Without filters: every entity (the ETSI suite's local=true query).
      const noFilter = await c.req('GET', '/temporal/entities?local=true', { headers: link });
      assert.equal(noFilter.status, 200);
      assert.ok(((await noFilter.json()) as Array<{ id: string }>).some((e) => e.id === E));
    });

    it('patches and deletes single instances, and deletes an attribute history', async () => {
      const all = (await get(`/temporal/entities/${E}`)).body.temperature as Array<{
        instanceId: string;
        value: number;
      }>;
      const first = all[0]?.instanceId ?? '';
      const second = all[1]?.instanceId ?? '';
      const patch = await c.req(
        'PATCH',
        `/temporal/entities/${E}/attrs/temperature/${encodeURIComponent(first)}`,
        {
          body: { temperature: { type: 'Property', value: 121, observedAt: T(0) } },
          headers: link,
        },
      );
      assert.equal(patch.status, 204, await patch.clone().text());
      const del = await c.req(
        'DELETE',
        `/temporal/entities/${E}/attrs/temperature/${encodeURIComponent(second)}`,
        { headers: link },
      );
      assert.equal(del.status, 204);
      const again = await c.req(
        'DELETE',
        `/temporal/entities/${E}/attrs/temperature/${encodeURIComponent(second)}`,
        { headers: link },
      );
      assert.equal(again.status, 404);
      assert.deepEqual(
        values((await get(`/temporal/entities/${E}?lastN=100`)).body).slice(0, 2),
        [121, 150],
      );
      const gone = await c.req('DELETE', `/temporal/entities/${E}/attrs/temperature`, {
        headers: link,
      });
      assert.equal(gone.status, 204);
      assert.equal((await get(`/temporal/entities/${E}`)).body.temperature, undefined);
    });

    it('deletes the history with the entity; anonymous callers cannot write history', async () => {
      const anon = await c.req('POST', '/temporal/entities', {
        body: { id: 'urn:ngsi-ld:Sensor:x', type: 'Sensor', temperature: readings },
        headers: link,
        token: '',
      });
      assert.ok(anon.status === 401 || anon.status === 403, String(anon.status));
      const d = await c.req('DELETE', `/temporal/entities/${E}`, { headers: link });
      assert.equal(d.status, 204);
      assert.equal((await get(`/temporal/entities/${E}`)).status, 404);
      const rows = await p.db.kysely
        .withTables<{ ngsi_attr_instance: { entity_id: string } }>()
        .selectFrom('ngsi_attr_instance')
        .select('entity_id')
        .where('entity_id', '=', E)
        .execute();
      assert.equal(rows.length, 0);
    });
  });
}
