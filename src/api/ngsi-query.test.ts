import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import {
  createTestUsers,
  siteActor,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';
import type { Platform } from '../platform/index.ts';
import { createApp } from './create-app.ts';
import { type NgsiClient, ngsiClient, TEST_CONTEXT } from './ngsi-testing.ts';

const ERR = 'https://uri.etsi.org/ngsi-ld/errors/';

/** Sensors around Sapporo Station (141.3508, 43.0686) with temperatures 0, 5, 10, … */
const STATION = [141.3508, 43.0686];

for (const backend of testBackends()) {
  describe(`NGSI-LD queries, batches, tenants and privacy on ${backend.name}`, {
    skip: backend.skip,
  }, () => {
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
      link = {
        Link: `<http://s5.test${hosted.headers.get('location')}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`,
      };
      const batch = await c.req('POST', '/entityOperations/create', {
        headers: { 'Content-Type': 'application/ld+json' },
        body: Array.from({ length: 12 }, (_, i) => ({
          id: `urn:ngsi-ld:Sensor:s${i}`,
          type: 'Sensor',
          temperature: { type: 'Property', value: i * 5 },
          name: { type: 'Property', value: i % 2 === 0 ? 'even' : 'odd' },
          // Each sensor ~1.1 km further north of the station.
          location: {
            type: 'GeoProperty',
            value: { type: 'Point', coordinates: [STATION[0], (STATION[1] ?? 0) + i * 0.01] },
          },
          '@context': TEST_CONTEXT,
        })),
      });
      assert.equal(batch.status, 201);
      assert.equal(((await batch.json()) as string[]).length, 12);
    });
    after(() => p.close());

    const query = async (params: string, headers: Record<string, string> = {}, token?: string) => {
      const r = await c.req('GET', `/entities?${params}`, {
        headers: { ...link, ...headers },
        ...(token ? { token } : {}),
      });
      return {
        r,
        list: r.status === 200 ? ((await r.json()) as Array<Record<string, unknown>>) : [],
      };
    };
    const ids = (list: Array<Record<string, unknown>>) =>
      list.map((e) => String(e.id).split(':').pop()).sort();

    it('filters by type and q with and, or, ranges and lists', async () => {
      const q = (expr: string) => query(`type=Sensor&limit=100&q=${encodeURIComponent(expr)}`);
      assert.deepEqual(ids((await q('temperature>=40')).list), ['s10', 's11', 's8', 's9']);
      assert.deepEqual(ids((await q('temperature==10..20;name=="even"')).list), ['s2', 's4']);
      assert.deepEqual(ids((await q('temperature==0,55|name=="nothing"')).list), ['s0', 's11']);
      assert.deepEqual(ids((await q('(temperature<10|temperature>50);name=="odd"')).list), [
        's1',
        's11',
      ]);
      assert.deepEqual(ids((await q('name~=^ev;temperature<10')).list), ['s0']);
    });

    it('pages with limit/offset, counts with count=true and links the next page', async () => {
      const first = await query('type=Sensor&limit=5&count=true');
      assert.equal(first.list.length, 5);
      assert.equal(first.r.headers.get('ngsild-results-count'), '12');
      assert.match(first.r.headers.get('link') ?? '', /offset=5>;rel="next"/);
      const last = await query('type=Sensor&limit=5&offset=10');
      assert.equal(last.list.length, 2);
      assert.doesNotMatch(last.r.headers.get('link') ?? '', /rel="next"/);
      assert.match(last.r.headers.get('link') ?? '', /offset=5>;rel="prev"/);
      const tooMany = await query(`type=Sensor&limit=${p.config.ngsiMaxLimit + 1}`);
      assert.equal(tooMany.r.status, 403);
    });

    it('answers geo-queries: near with a distance, within a polygon', async () => {
      const near = await query(
        `type=Sensor&georel=${encodeURIComponent('near;maxDistance==2500')}&geometry=Point&coordinates=${encodeURIComponent(JSON.stringify(STATION))}`,
      );
      assert.deepEqual(ids(near.list), ['s0', 's1', 's2']);
      const far = await query(
        `type=Sensor&limit=100&georel=${encodeURIComponent('near;minDistance==10500')}&geometry=Point&coordinates=${encodeURIComponent(JSON.stringify(STATION))}`,
      );
      assert.deepEqual(ids(far.list), ['s10', 's11']);
      const box = [
        [
          [141.3, 43.085],
          [141.4, 43.085],
          [141.4, 43.105],
          [141.3, 43.105],
          [141.3, 43.085],
        ],
      ];
      const within = await query(
        `type=Sensor&georel=within&geometry=Polygon&coordinates=${encodeURIComponent(JSON.stringify(box))}`,
      );
      assert.deepEqual(ids(within.list), ['s2', 's3']);
      const bad = await query(
        'type=Sensor&georel=near;maxDistance==-100&geometry=Point&coordinates=[1,2]',
      );
      assert.equal(bad.r.status, 400);
    });

    it('answers POST /entityOperations/query like GET /entities', async () => {
      const r = await c.req('POST', '/entityOperations/query', {
        headers: link,
        body: {
          type: 'Query',
          entities: [{ type: 'Sensor' }],
          q: 'temperature>50',
          attrs: ['temperature'],
        },
      });
      assert.equal(r.status, 200);
      assert.deepEqual(await r.json(), [
        {
          id: 'urn:ngsi-ld:Sensor:s11',
          type: 'Sensor',
          temperature: { type: 'Property', value: 55 },
        },
      ]);
    });

    it('needs type, attrs, q or a geo-query to query', async () => {
      const r = await query('id=urn:ngsi-ld:Sensor:s1');
      assert.equal(r.r.status, 400);
    });

    it('reports each failed entity of a batch and writes the others (207)', async () => {
      const r = await c.req('POST', '/entityOperations/upsert', {
        headers: link,
        body: [
          {
            id: 'urn:ngsi-ld:Sensor:s0',
            type: 'Sensor',
            temperature: { type: 'Property', value: -5 },
          },
          {
            id: 'urn:ngsi-ld:Sensor:new',
            type: 'Sensor',
            temperature: { type: 'Property', value: 1 },
          },
          { id: 'not-a-uri', type: 'Sensor' },
        ],
      });
      assert.equal(r.status, 207);
      const result = (await r.json()) as {
        success: string[];
        errors: Array<{ entityId: string; error: { type: string } }>;
      };
      assert.deepEqual(result.success.sort(), ['urn:ngsi-ld:Sensor:new', 'urn:ngsi-ld:Sensor:s0']);
      assert.equal(result.errors[0]?.entityId, 'not-a-uri');
      assert.equal(result.errors[0]?.error.type, `${ERR}BadRequestData`);
      // Upsert replaces by default: s0 lost its name and location.
      const s0 = await c.req('GET', '/entities/urn:ngsi-ld:Sensor:s0?options=keyValues', {
        headers: link,
      });
      assert.deepEqual(await s0.json(), {
        id: 'urn:ngsi-ld:Sensor:s0',
        type: 'Sensor',
        temperature: -5,
      });
      const del = await c.req('POST', '/entityOperations/delete', {
        body: ['urn:ngsi-ld:Sensor:new', 'urn:ngsi-ld:Sensor:missing'],
      });
      assert.equal(del.status, 207);
    });

    it('keeps tenants apart and answers 404 for an unknown tenant', async () => {
      const t = { 'NGSILD-Tenant': 'kushiro' };
      assert.equal(
        (await c.create({ id: 'urn:ngsi-ld:Sensor:k1', type: 'Sensor' }, undefined, 'kushiro'))
          .status,
        201,
      );
      const inTenant = await query('type=Sensor', t);
      assert.deepEqual(ids(inTenant.list), ['k1']);
      const inDefault = await query('type=Sensor&limit=100');
      assert.ok(!ids(inDefault.list).includes('k1'));
      const other = await query('type=Sensor', { 'NGSILD-Tenant': 'nowhere' });
      assert.equal(other.r.status, 404);
      assert.equal(((await other.r.json()) as { type: string }).type, `${ERR}NonexistentTenant`);
    });

    it('hides private types from anonymous callers until s5_ngsi_type_publish', async () => {
      const anon = ngsiClient(app);
      const hidden = await anon.req('GET', '/entities?type=Sensor', { headers: link });
      assert.deepEqual(await hidden.json(), []);
      assert.equal(
        (await anon.req('GET', '/entities/urn:ngsi-ld:Sensor:s1', { headers: link })).status,
        404,
      );
      assert.deepEqual(
        (
          (await (await anon.req('GET', '/types', { headers: link })).json()) as {
            typeList: string[];
          }
        ).typeList,
        [],
      );
      await p.call('s5_ngsi_type_publish', { type: 'https://example.org/vocab#Sensor' }, siteActor);
      const shown = await anon.req('GET', '/entities?type=Sensor&limit=100', { headers: link });
      assert.equal(((await shown.json()) as unknown[]).length, 12);
      await assert.rejects(
        p.call('s5_ngsi_type_publish', { type: 'https://example.org/vocab#Sensor' }, u.editor),
        (e) => (e as { code?: string }).code === 'not_authorized',
      );
      await p.call(
        's5_ngsi_type_publish',
        { type: 'https://example.org/vocab#Sensor', public: false },
        siteActor,
      );
      assert.equal(
        (await anon.req('GET', '/entities/urn:ngsi-ld:Sensor:s1', { headers: link })).status,
        404,
      );
    });

    it('treats quotes, semicolons and SQL in q as data', async () => {
      const nasty = `x'); DROP TABLE ngsi_entity; --`;
      await c.create({
        id: 'urn:ngsi-ld:Sensor:nasty',
        type: 'Sensor',
        name: { type: 'Property', value: nasty },
      });
      const q = `name==${JSON.stringify(nasty)}`;
      const hit = await query(`type=Sensor&q=${encodeURIComponent(q)}`);
      assert.deepEqual(ids(hit.list), ['nasty']);
      const quoted = await query(`type=Sensor&q=${encodeURIComponent('name=="a\\"b\'c;d|e"')}`);
      assert.equal(quoted.r.status, 200);
      assert.deepEqual(quoted.list, []);
      for (const bad of [
        `name'x=="1"`,
        'name==1;DROP TABLE ngsi_entity',
        'a[b"c]==1',
        'temperature>"1"..',
      ]) {
        const r = await query(`type=Sensor&q=${encodeURIComponent(bad)}`);
        assert.equal(r.r.status, 400, bad);
      }
      const still = await query('type=Sensor&limit=100');
      assert.ok(still.list.length >= 12);
    });

    it('lists types and attributes for discovery', async () => {
      const types = (await (
        await c.req('GET', '/types?details=true', { headers: link })
      ).json()) as Array<Record<string, unknown>>;
      const sensor = types.find((t) => t.typeName === 'Sensor');
      assert.ok(sensor);
      assert.deepEqual((sensor.attributeNames as string[]).sort(), [
        'location',
        'name',
        'temperature',
      ]);
      const info = (await (
        await c.req('GET', '/types/Sensor', { headers: link })
      ).json()) as Record<string, unknown>;
      assert.equal(info.type, 'EntityTypeInfo');
      assert.ok((info.entityCount as number) >= 12);
      const attr = (await (
        await c.req('GET', '/attributes/temperature', { headers: link })
      ).json()) as Record<string, unknown>;
      assert.deepEqual(attr.attributeTypes, ['Property']);
      assert.deepEqual(attr.typeNames, ['Sensor']);
    });
  });
}
