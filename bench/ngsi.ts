/**
 * NGSI-LD real-time figures (issue 10): ingest of attribute updates into history over batch
 * upsert, temporal aggregation over many instances, and notification latency update → HTTP
 * delivery with 100 subscriptions. SQLite (file in a temporary folder).
 *   node --import tsx bench/ngsi.ts [--entities N] [--rounds N] [--instances N]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { anonymous } from '../src/core/action.ts';
import { loadConfig } from '../src/core/config.ts';
import { silentLogger } from '../src/core/logger.ts';
import {
  brokerFor,
  type NgsiCall,
  startNotifications,
  subscriptionsOf,
  temporalOf,
} from '../src/ngsi/index.ts';
import { openPlatform } from '../src/platform/index.ts';

const ATTRS = 5;

export interface NgsiBenchOptions {
  entities: number;
  rounds: number;
  instances: number;
}

/** The figures `run` measures (bench/run.ts turns them into table rows). */
export interface NgsiBenchFigures extends NgsiBenchOptions {
  updatesPerSecond: number;
  aggregationP50Ms: number;
  notificationP50Ms: number;
  notificationP95Ms: number;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

/** Runs the three measurements on a fresh SQLite platform; prints each figure as it comes. */
export async function run(o: NgsiBenchOptions): Promise<NgsiBenchFigures> {
  const ENTITIES = o.entities;
  const ROUNDS = o.rounds;
  const INSTANCES = o.instances;
  const dir = mkdtempSync(path.join(tmpdir(), 's5-bench-ngsi-'));
  const config = loadConfig({
    S5_SEED_DIR: path.resolve(import.meta.dirname, '../seed/hokkaido'),
    S5_LOG_LEVEL: 'silent',
    S5_DATA_DIR: path.join(dir, 'data'),
    S5_AUTO_SEED: 'false',
    S5_MQTT_EMBEDDED: 'false',
  });
  const p = await openPlatform(config, { log: silentLogger });
  const broker = brokerFor(p.db, config);
  const call: NgsiCall = {
    actor: { ...anonymous, sysadmin: true, name: 'bench' },
    tenant: '',
    now: new Date(),
    terms: await broker.resolver.termsFor(undefined),
  };
  const terms = async () => call.terms;

  // 1. Ingest: rounds of batch upserts (update mode) of ENTITIES meters × ATTRS attributes.
  const entity = (i: number, round: number) => {
    const e: Record<string, unknown> = {
      id: `urn:ngsi-ld:ElectricityMeter:m${i}`,
      type: 'ElectricityMeter',
    };
    for (let a = 0; a < ATTRS; a++)
      e[`a${a}`] = {
        type: 'Property',
        value: round * 10 + a + i / 1000,
        observedAt: new Date(Date.UTC(2026, 10, 25, 0, round, a)).toISOString(),
      };
    return e;
  };
  await broker.batch(
    call,
    'upsert',
    Array.from({ length: ENTITIES }, (_, i) => entity(i, 0)),
    terms,
  );
  let t0 = performance.now();
  for (let r = 1; r <= ROUNDS; r++)
    await broker.batch(
      call,
      'upsert',
      Array.from({ length: ENTITIES }, (_, i) => entity(i, r)),
      terms,
      { mode: 'update' },
    );
  const ingestS = (performance.now() - t0) / 1000;
  const updates = ENTITIES * ROUNDS * ATTRS;
  console.log(
    `ingest (batch upsert, ${ENTITIES} entities × ${ATTRS} attrs × ${ROUNDS} rounds): ${Math.round(updates / ingestS)} attribute updates/s into history`,
  );

  // 2. Temporal aggregation over INSTANCES instances of one attribute (rows inserted directly).
  const { insertInstances, instanceRow } = await import('../src/ngsi/temporal/history-repo.ts');
  const V = 'https://uri.etsi.org/ngsi-ld/default-context/';
  const big = 'urn:ngsi-ld:ElectricityMeter:m0';
  const start = Date.UTC(2025, 0, 1);
  const { withTransaction } = await import('../src/db/index.ts');
  for (let i = 0; i < INSTANCES; i += 10_000)
    await withTransaction(p.db, (tx) =>
      insertInstances(
        tx,
        Array.from({ length: Math.min(10_000, INSTANCES - i) }, (_, k) =>
          instanceRow(
            '',
            big,
            `${V}power`,
            {
              type: 'Property',
              value: (i + k) % 97,
              sub: {},
              observedAt: new Date(start + (i + k) * 60_000).toISOString(),
            },
            start + (i + k) * 60_000,
          ),
        ),
      ),
    );
  const svc = temporalOf(broker);
  const aggr: number[] = [];
  for (let k = 0; k < 5; k++) {
    t0 = performance.now();
    await svc.retrieve(call, big, {
      attrs: 'power',
      options: 'aggregatedValues',
      aggrMethods: 'avg,min,max,sum,totalCount',
      aggrPeriodDuration: 'P1D',
      timerel: 'after',
      timeAt: '2024-12-31T00:00:00Z',
    });
    aggr.push(performance.now() - t0);
  }
  console.log(
    `temporal aggregation (P1D, 5 methods) over ${INSTANCES} instances: p50 ${pct(aggr, 50).toFixed(1)} ms`,
  );

  // 3. Notification latency with 100 subscriptions (one matching entity id each).
  const arrived = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => {
      text += c.toString('utf8');
    });
    req.on('end', () => {
      const body = JSON.parse(text) as { data: Array<{ id: string }> };
      arrived.set(body.data[0]?.id ?? '', performance.now());
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/n`;
  for (let s = 0; s < 100; s++)
    await subscriptionsOf(broker).create(
      call,
      {
        type: 'Subscription',
        entities: [{ type: 'ElectricityMeter', id: `urn:ngsi-ld:ElectricityMeter:m${s}` }],
        notification: { endpoint: { uri: url } },
      },
      undefined,
    );
  const worker = startNotifications(p.db, config, { allowPrivate: true });
  const lat: number[] = [];
  for (let k = 0; k < 200; k++) {
    const id = `urn:ngsi-ld:ElectricityMeter:m${k % 100}`;
    arrived.delete(id);
    const sent = performance.now();
    await broker.entities.append(call, id, { a0: { type: 'Property', value: k } }, false);
    while (!arrived.has(id)) await new Promise((r) => setTimeout(r, 1));
    lat.push((arrived.get(id) ?? 0) - sent);
  }
  console.log(
    `notification latency update → HTTP delivery (100 subscriptions): p50 ${pct(lat, 50).toFixed(1)} ms, p95 ${pct(lat, 95).toFixed(1)} ms`,
  );
  await worker.stop();
  server.close();
  await p.close();
  return {
    entities: ENTITIES,
    rounds: ROUNDS,
    instances: INSTANCES,
    updatesPerSecond: updates / ingestS,
    aggregationP50Ms: pct(aggr, 50),
    notificationP50Ms: pct(lat, 50),
    notificationP95Ms: pct(lat, 95),
  };
}

if (import.meta.main) {
  const { values: flags } = parseArgs({
    options: {
      entities: { type: 'string', default: '200' },
      rounds: { type: 'string', default: '10' },
      instances: { type: 'string', default: '100000' },
    },
  });
  await run({
    entities: Number(flags.entities),
    rounds: Number(flags.rounds),
    instances: Number(flags.instances),
  });
}
