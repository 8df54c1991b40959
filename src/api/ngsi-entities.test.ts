import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { createTestUsers, type TestUsers, testBackends } from '../../test/support/backends.ts';
import type { Platform } from '../platform/index.ts';
import { createApp } from './create-app.ts';
import { LD, type NgsiClient, ngsiClient, TEST_CONTEXT } from './ngsi-testing.ts';

const E = 'urn:ngsi-ld:Building:b1';
const ERR = 'https://uri.etsi.org/ngsi-ld/errors/';

for (const backend of testBackends()) {
  describe(`NGSI-LD entities over HTTP on ${backend.name}`, { skip: backend.skip }, () => {
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
      const res = await c.create({
        id: E,
        type: 'Building',
        name: { type: 'Property', value: '札幌市役所' },
        temperature: {
          type: 'Property',
          value: 21.5,
          unitCode: 'CEL',
          observedAt: '2026-11-25T03:00:00Z',
        },
        locatedIn: { type: 'Relationship', object: 'urn:ngsi-ld:City:sapporo' },
        location: {
          type: 'GeoProperty',
          value: { type: 'Point', coordinates: [141.3544, 43.0621] },
        },
      });
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('location'), `/ngsi-ld/v1/entities/${E}`);
    });
    after(() => p.close());

    const get = (path: string, headers: Record<string, string> = {}) =>
      c.req('GET', path, { headers: { ...link, ...headers } });
    const body = async (r: Response) => (await r.json()) as Record<string, unknown>;

    it('returns the entity with names compacted by the Link @context', async () => {
      const r = await get(`/entities/${E}`);
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('content-type'), 'application/json');
      assert.match(r.headers.get('link') ?? '', /jsonldContexts/);
      assert.deepEqual(await body(r), {
        id: E,
        type: 'Building',
        name: { type: 'Property', value: '札幌市役所' },
        temperature: {
          type: 'Property',
          value: 21.5,
          unitCode: 'CEL',
          observedAt: '2026-11-25T03:00:00Z',
        },
        locatedIn: { type: 'Relationship', object: 'urn:ngsi-ld:City:sapporo' },
        location: {
          type: 'GeoProperty',
          value: { type: 'Point', coordinates: [141.3544, 43.0621] },
        },
      });
    });

    it('shows full IRIs to a request without that @context', async () => {
      const r = await c.req('GET', `/entities/${E}?options=keyValues`);
      const e = await body(r);
      assert.equal(e.type, 'https://example.org/vocab#Building');
      assert.equal(e['https://example.org/vocab#temperature'], 21.5);
      assert.deepEqual(e.location, { type: 'Point', coordinates: [141.3544, 43.0621] });
    });

    it('answers application/ld+json with the @context in the body', async () => {
      const e = await body(await get(`/entities/${E}?attrs=name`, LD));
      assert.ok(String(e['@context']).includes('/jsonldContexts/'));
      assert.deepEqual(Object.keys(e).sort(), ['@context', 'id', 'name', 'type']);
    });

    it('renders keyValues, concise and sysAttrs', async () => {
      const kv = await body(
        await get(`/entities/${E}?format=keyValues&attrs=temperature,locatedIn`),
      );
      assert.deepEqual(kv, {
        id: E,
        type: 'Building',
        temperature: 21.5,
        locatedIn: 'urn:ngsi-ld:City:sapporo',
      });
      const concise = await body(
        await get(`/entities/${E}?options=concise&attrs=name,temperature,locatedIn`),
      );
      assert.deepEqual(concise, {
        id: E,
        type: 'Building',
        name: '札幌市役所',
        temperature: { value: 21.5, unitCode: 'CEL', observedAt: '2026-11-25T03:00:00Z' },
        locatedIn: { object: 'urn:ngsi-ld:City:sapporo' },
      });
      const sys = await body(await get(`/entities/${E}?options=sysAttrs&attrs=name`));
      assert.equal(sys.createdAt, '2026-11-25T03:00:00.000Z');
      assert.equal((sys.name as Record<string, unknown>).modifiedAt, '2026-11-25T03:00:00.000Z');
    });

    it('answers a GeoJSON Feature for application/geo+json', async () => {
      const f = await body(
        await get(`/entities/${E}?attrs=name`, { Accept: 'application/geo+json' }),
      );
      assert.equal(f.type, 'Feature');
      assert.deepEqual(f.geometry, { type: 'Point', coordinates: [141.3544, 43.0621] });
      assert.equal((f.properties as Record<string, unknown>).type, 'Building');
    });

    it('answers 406 for an Accept it cannot serve and 415 for a body type it cannot read', async () => {
      assert.equal((await get(`/entities/${E}`, { Accept: 'text/html' })).status, 406);
      const r = await c.req('POST', '/entities', {
        body: '<x/>',
        headers: { 'Content-Type': 'application/xml' },
      });
      assert.equal(r.status, 415);
      assert.equal((await body(r)).type, `${ERR}UnsupportedMediaType`);
    });

    it('answers ProblemDetails with the spec types', async () => {
      const missing = await get('/entities/urn:ngsi-ld:Building:none');
      assert.equal(missing.status, 404);
      const pd = await body(missing);
      assert.equal(pd.type, `${ERR}ResourceNotFound`);
      assert.ok(pd.title && pd.detail && pd.title !== pd.detail);
      const dup = await c.create({ id: E, type: 'Building' });
      assert.equal(dup.status, 409);
      assert.equal((await body(dup)).type, `${ERR}AlreadyExists`);
      const bad = await c.req('POST', '/entities', { body: { id: 'not a uri', type: 'Building' } });
      assert.equal((await body(bad)).type, `${ERR}BadRequestData`);
      const json = await c.req('POST', '/entities', { body: '{oops' });
      assert.equal((await body(json)).type, `${ERR}InvalidRequest`);
      const unknown = await get(`/entities/${E}?colour=red`);
      assert.equal(unknown.status, 400);
      assert.equal((await body(unknown)).type, `${ERR}InvalidRequest`);
    });

    it('refuses writes without a token and accepts them with any user token', async () => {
      const anon = ngsiClient(app);
      const r = await anon.create({ id: 'urn:ngsi-ld:Building:anon', type: 'Building' });
      assert.equal(r.status, 403);
      assert.equal((await body(r)).type, `${ERR}AccessDenied`);
      const plain = await c.create(
        { id: 'urn:ngsi-ld:Building:plain', type: 'Building' },
        u.tokens.plain,
      );
      assert.equal(plain.status, 201);
    });

    it('appends attributes, keeping existing ones with noOverwrite (207 names them)', async () => {
      const id = 'urn:ngsi-ld:Building:append';
      await c.create({ id, type: 'Building', name: { type: 'Property', value: 'a' } });
      const r = await c.req('POST', `/entities/${id}/attrs?options=noOverwrite`, {
        headers: link,
        body: {
          name: { type: 'Property', value: 'b' },
          temperature: { type: 'Property', value: 3 },
        },
      });
      assert.equal(r.status, 207);
      assert.deepEqual(await body(r), {
        updated: ['https://example.org/vocab#temperature'],
        notUpdated: [
          {
            attributeName: 'https://example.org/vocab#name',
            reason: 'The attribute exists and noOverwrite is set',
          },
        ],
      });
      const e = await body(await get(`/entities/${id}?options=keyValues`));
      assert.deepEqual(e, { id, type: 'Building', name: 'a', temperature: 3 });
    });

    it('updates attributes (adding new ones), patches one, and reports a missing scope', async () => {
      const id = 'urn:ngsi-ld:Building:update';
      await c.create({
        id,
        type: 'Building',
        temperature: { type: 'Property', value: 1, unitCode: 'CEL' },
      });
      const upd = await c.req('PATCH', `/entities/${id}/attrs`, {
        headers: link,
        body: {
          temperature: { type: 'Property', value: 2 },
          name: { type: 'Property', value: 'x' },
        },
      });
      assert.equal(upd.status, 204);
      const patch = await c.req('PATCH', `/entities/${id}/attrs/temperature`, {
        headers: link,
        body: { value: 5, observedAt: '2026-01-01T00:00:00Z' },
      });
      assert.equal(patch.status, 204);
      const e = await body(await get(`/entities/${id}`));
      assert.deepEqual(e.temperature, {
        type: 'Property',
        value: 5,
        observedAt: '2026-01-01T00:00:00Z',
      });
      assert.deepEqual(e.name, { type: 'Property', value: 'x' });
      const scope = await c.req('PATCH', `/entities/${id}/attrs`, {
        headers: link,
        body: { scope: '/Hokkaido' },
      });
      assert.equal(scope.status, 207);
      const missing = await c.req('PATCH', `/entities/${id}/attrs/nothing`, {
        headers: link,
        body: { value: 1 },
      });
      assert.equal(missing.status, 404);
    });

    it('keeps multi-instance attributes apart by datasetId and deletes one or all', async () => {
      const id = 'urn:ngsi-ld:Building:multi';
      await c.create({
        id,
        type: 'Building',
        temperature: [
          { type: 'Property', value: 20 },
          { type: 'Property', value: 25, datasetId: 'urn:ngsi-ld:Dataset:roof' },
        ],
      });
      const both = (await body(await get(`/entities/${id}`))).temperature as unknown[];
      assert.equal(both.length, 2);
      const one = await body(await get(`/entities/${id}?datasetId=urn:ngsi-ld:Dataset:roof`));
      assert.deepEqual(one.temperature, {
        type: 'Property',
        value: 25,
        datasetId: 'urn:ngsi-ld:Dataset:roof',
      });
      const del = await c.req(
        'DELETE',
        `/entities/${id}/attrs/temperature?datasetId=urn:ngsi-ld:Dataset:roof`,
        {
          headers: link,
        },
      );
      assert.equal(del.status, 204);
      assert.deepEqual((await body(await get(`/entities/${id}`))).temperature, {
        type: 'Property',
        value: 20,
      });
      const gone = await c.req(
        'DELETE',
        `/entities/${id}/attrs/temperature?datasetId=urn:ngsi-ld:Dataset:roof`,
        {
          headers: link,
        },
      );
      assert.equal(gone.status, 404);
      assert.equal(
        (
          await c.req('DELETE', `/entities/${id}/attrs/temperature?deleteAll=true`, {
            headers: link,
          })
        ).status,
        204,
      );
      assert.equal((await body(await get(`/entities/${id}`))).temperature, undefined);
    });

    it('merges with merge-patch (NGSI-LD null deletes) and replaces whole entities', async () => {
      const id = 'urn:ngsi-ld:Building:merge';
      await c.create({
        id,
        type: 'Building',
        name: { type: 'Property', value: 'old', note: { type: 'Property', value: 'kept' } },
        temperature: { type: 'Property', value: 1 },
      });
      const m = await c.req('PATCH', `/entities/${id}`, {
        headers: { ...link, 'Content-Type': 'application/merge-patch+json' },
        body: {
          name: { value: 'new' },
          temperature: 'urn:ngsi-ld:null',
          locatedIn: { object: 'urn:ngsi-ld:City:x' },
        },
      });
      assert.equal(m.status, 204);
      const merged = await body(await get(`/entities/${id}?options=keyValues`));
      assert.equal(merged.name, 'new');
      assert.equal(merged.temperature, undefined);
      assert.equal(merged.locatedIn, 'urn:ngsi-ld:City:x');
      const full = await body(await get(`/entities/${id}`));
      assert.deepEqual((full.name as Record<string, unknown>).note, {
        type: 'Property',
        value: 'kept',
      });
      const put = await c.req('PUT', `/entities/${id}`, {
        headers: link,
        body: { type: 'Sensor', temperature: { type: 'Property', value: 9 } },
      });
      assert.equal(put.status, 204);
      assert.deepEqual(await body(await get(`/entities/${id}?options=keyValues`)), {
        id,
        type: 'Sensor',
        temperature: 9,
      });
      const attr = await c.req('PUT', `/entities/${id}/attrs/temperature`, {
        headers: link,
        body: { type: 'Property', value: 10 },
      });
      assert.equal(attr.status, 204);
    });

    it('shows LanguageProperty in one language with lang', async () => {
      const id = 'urn:ngsi-ld:Building:lang';
      await c.create({
        id,
        type: 'Building',
        name: { type: 'LanguageProperty', languageMap: { ja: '時計台', en: 'Clock Tower' } },
      });
      const e = await body(await get(`/entities/${id}?lang=en`));
      assert.deepEqual(e.name, { type: 'Property', value: 'Clock Tower', lang: 'en' });
      const kv = await body(await get(`/entities/${id}?lang=ja&options=keyValues`));
      assert.equal(kv.name, '時計台');
    });

    it('deletes entities (204, then 404)', async () => {
      const id = 'urn:ngsi-ld:Building:gone';
      await c.create({ id, type: 'Building' });
      assert.equal((await c.req('DELETE', `/entities/${id}`)).status, 204);
      assert.equal((await get(`/entities/${id}`)).status, 404);
      assert.equal((await c.req('DELETE', `/entities/${id}`)).status, 404);
    });
  });
}
