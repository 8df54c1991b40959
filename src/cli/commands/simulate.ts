import type { Command } from 'commander';
import mqtt from 'mqtt';
import { type CliIo, processIo } from './validate.ts';

/** One simulated reading: an entity's attributes at one time (keyValues). */
export interface Reading {
  type: 'ElectricityMeter' | 'WeatherObserved' | 'WaterLevel';
  id: string;
  attrs: Record<string, number | string>;
}

/**
 * Realistic readings for `n` public facilities' electricity meters, weather stations and river
 * gauges at time `t` (pure: the same inputs give the same readings). Meters follow office
 * hours, temperatures a daily cycle around a Hokkaido November mean, rivers a slow swell.
 */
export function readingsAt(n: number, t: Date): Reading[] {
  const hour = t.getUTCHours() + 9 + t.getUTCMinutes() / 60; // JST
  const day = Math.sin(((hour - 6) / 24) * 2 * Math.PI);
  const observedAt = t.toISOString();
  const out: Reading[] = [];
  for (let i = 0; i < n; i++) {
    const jitter = ((i * 7919 + Math.floor(t.getTime() / 60_000)) % 100) / 100;
    const open = hour % 24 >= 8.5 && hour % 24 < 17.5;
    out.push({
      type: 'ElectricityMeter',
      id: `urn:ngsi-ld:ElectricityMeter:facility-${i + 1}`,
      attrs: {
        power: Math.round((open ? 40 : 8) * (1 + i / n) * (0.9 + jitter * 0.2) * 10) / 10,
        observedAt,
      },
    });
    if (i % 5 === 0)
      out.push({
        type: 'WeatherObserved',
        id: `urn:ngsi-ld:WeatherObserved:station-${i / 5 + 1}`,
        attrs: {
          temperature: Math.round((2 + 5 * day + jitter) * 10) / 10,
          relativeHumidity: Math.round(60 + 20 * jitter),
          observedAt,
        },
      });
    if (i % 10 === 0)
      out.push({
        type: 'WaterLevel',
        id: `urn:ngsi-ld:WaterLevel:gauge-${i / 10 + 1}`,
        attrs: {
          level:
            Math.round((1.2 + 0.3 * Math.sin(t.getTime() / 3_600_000 / 6) + jitter * 0.05) * 100) /
            100,
          observedAt,
        },
      });
  }
  return out;
}

interface SimulateOptions {
  facilities: string;
  rate: string;
  count: string;
  mqtt?: string;
  http?: string;
  user?: string;
  token?: string;
  tenant: string;
}

/**
 * `s5 simulate`: publishes simulated sensor readings to a running s5, over MQTT (the ingest
 * topics) or HTTP batch upsert, at a given rate, with a progress line.
 */
export function register(program: Command, io: CliIo = processIo): void {
  program
    .command('simulate')
    .description('センサーデータの模擬送信 / publish simulated sensor readings (MQTT or HTTP)')
    .option('--facilities <n>', '公共施設の数 / public facilities', '20')
    .option('--rate <n>', '1秒あたりの読み取り数 / readings per second', '50')
    .option('--count <n>', '送信する読み取り数 / readings to send (0 = until stopped)', '1000')
    .option('--mqtt <url>', 'MQTT ブローカー / broker, e.g. mqtt://127.0.0.1:1884')
    .option('--http <url>', 's5 の URL / s5 base URL, e.g. http://127.0.0.1:8080')
    .option('--user <name>', 'MQTT username (s5 user name)')
    .option('--token <token>', 'API token (MQTT password / Authorization)')
    .option('--tenant <name>', 'NGSILD-Tenant', 'default')
    .addHelpText(
      'after',
      '\n例 / example:\n  s5 simulate --mqtt mqtt://127.0.0.1:1884 --user gw1 --token $TOKEN --rate 200\n',
    )
    .action(async (o: SimulateOptions) => {
      if (!o.mqtt && !o.http) {
        io.err('--mqtt か --http を指定してください / give --mqtt or --http');
        io.exit(2);
        return;
      }
      const rate = Math.max(1, Number(o.rate));
      const total = Number(o.count);
      const client = o.mqtt
        ? await mqtt.connectAsync(o.mqtt, {
            ...(o.user ? { username: o.user } : {}),
            ...(o.token ? { password: o.token } : {}),
          })
        : undefined;
      let sent = 0;
      let failed = 0;
      const started = Date.now();
      while (total === 0 || sent < total) {
        const readings = readingsAt(Number(o.facilities), new Date());
        for (let i = 0; i < readings.length && (total === 0 || sent < total); ) {
          const tickStart = Date.now();
          const chunk = readings.slice(i, i + Math.max(1, Math.floor(rate / 10)));
          i += chunk.length;
          try {
            if (client)
              await Promise.all(
                chunk.map((r) =>
                  client.publishAsync(
                    `s5/${o.tenant}/${r.type}/${r.id}/attrs`,
                    JSON.stringify(r.attrs),
                    { qos: 1 },
                  ),
                ),
              );
            else await postBatch(o, chunk);
          } catch {
            failed += chunk.length;
          }
          sent += chunk.length;
          const s = (Date.now() - started) / 1000;
          process.stderr.write(
            `\r${sent} sent, ${failed} failed, ${(sent / Math.max(s, 0.001)).toFixed(0)}/s   `,
          );
          const wait = 100 - (Date.now() - tickStart);
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
      }
      process.stderr.write('\n');
      await client?.endAsync();
      io.exit(failed > 0 ? 1 : 0);
    });
}

async function postBatch(o: SimulateOptions, chunk: readonly Reading[]): Promise<void> {
  const body = chunk.map((r) => {
    const e: Record<string, unknown> = { id: r.id, type: r.type };
    for (const [k, v] of Object.entries(r.attrs))
      if (k !== 'observedAt') e[k] = { type: 'Property', value: v, observedAt: r.attrs.observedAt };
    return e;
  });
  const res = await fetch(`${o.http}/ngsi-ld/v1/entityOperations/upsert?options=update`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(o.token ? { Authorization: o.token } : {}),
      ...(o.tenant !== 'default' ? { 'NGSILD-Tenant': o.tenant } : {}),
    },
    body: JSON.stringify(body),
  });
  if (res.status >= 300 && res.status !== 207) throw new Error(`HTTP ${res.status}`);
}
