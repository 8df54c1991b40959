import { type Database, withTransaction } from '../../db/index.ts';
import type { Logger } from '../../core/logger.ts';
import { realtimeDb, type OutboxRow } from '../temporal/tables.ts';
import { dueNotifications } from './subscription-repo.ts';
import { postJson } from './post-json.ts';

/** Sends one notification: resolves when the endpoint took it, rejects otherwise. */
export type Publisher = (
  endpoint: string,
  message: { headers: Record<string, string>; body: unknown },
) => Promise<void>;

export interface OutboxOptions {
  /** Per notification (HTTP: the whole exchange). */
  timeoutMs: number;
  allowPrivate: boolean;
  /** How often the outbox is read when nothing woke the worker. */
  pollMs?: number;
  /** Attempts before a notification is given up (state failed). */
  maxAttempts?: number;
  /** First retry delay; doubled per attempt, at most a minute. */
  backoffMs?: number;
  /** mqtt:// endpoints (set by the MQTT bridge). */
  mqtt?: Publisher;
  log?: Logger;
}

/**
 * Delivers the outbox: one notification in flight per endpoint (so each receiver sees them in
 * order) and any number of endpoints at once, so a slow or dead endpoint only delays its own
 * queue. A failed endpoint rests for its backoff before its next attempt. A row is marked
 * delivered after the endpoint accepted it; a crash in between delivers it again with the same
 * notification id (receivers can drop the repeat), a crash before never loses it.
 */
export class OutboxWorker {
  readonly #db: Database;
  readonly #o: Required<Omit<OutboxOptions, 'mqtt' | 'log'>> & Pick<OutboxOptions, 'mqtt' | 'log'>;
  readonly #busy = new Set<string>();
  readonly #resting = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #reading = false;
  #again = false;
  readonly #inflight = new Set<Promise<void>>();

  constructor(db: Database, o: OutboxOptions) {
    this.#db = db;
    this.#o = { pollMs: 25, maxAttempts: 6, backoffMs: 500, ...o };
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#timer = setInterval(() => this.kick(), this.#o.pollMs);
    this.kick();
  }

  /** Stops reading the outbox and waits for deliveries in flight. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer) clearInterval(this.#timer);
    await Promise.allSettled([...this.#inflight]);
  }

  /** Reads the outbox now (after a commit that queued notifications). */
  readonly kick = (): void => {
    if (!this.#running) return;
    if (this.#reading) {
      this.#again = true;
      return;
    }
    this.#reading = true;
    this.#read()
      .catch((error: unknown) =>
        this.#o.log?.error('NGSI-LD outbox read failed', { error: String(error) }),
      )
      .finally(() => {
        this.#reading = false;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  };

  async #read(): Promise<void> {
    const now = Date.now();
    for (const [ep, until] of this.#resting) if (until <= now) this.#resting.delete(ep);
    const skip = [...this.#busy, ...this.#resting.keys()];
    const rows = await dueNotifications(this.#db, now, skip, 500);
    const firstPerEndpoint = new Map<string, OutboxRow>();
    for (const r of rows)
      if (!firstPerEndpoint.has(r.endpoint)) firstPerEndpoint.set(r.endpoint, r);
    for (const row of firstPerEndpoint.values()) {
      if (!this.#running) return;
      this.#busy.add(row.endpoint);
      const p = this.#deliver(row).finally(() => {
        this.#busy.delete(row.endpoint);
        this.#inflight.delete(p);
        this.kick();
      });
      this.#inflight.add(p);
    }
  }

  async #deliver(row: OutboxRow): Promise<void> {
    const message = JSON.parse(row.message) as { headers: Record<string, string>; body: unknown }; // written by the listener
    let error: string | undefined;
    try {
      if (/^mqtts?:/.test(row.endpoint)) {
        if (!this.#o.mqtt) throw new Error('MQTT notifications need the MQTT bridge');
        await this.#o.mqtt(row.endpoint, message);
      } else {
        const status = await postJson(row.endpoint, JSON.stringify(message.body), message.headers, {
          allowPrivate: this.#o.allowPrivate,
          timeoutMs: this.#o.timeoutMs,
        });
        if (status < 200 || status >= 300) error = `HTTP ${status}`;
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const at = new Date();
    await withTransaction(this.#db, async (tx) => {
      const db = realtimeDb(tx);
      if (error === undefined) {
        const r = await db
          .updateTable('ngsi_outbox')
          .set({ state: 'delivered', done_ms: at.getTime(), attempts: row.attempts + 1 })
          .where('id', '=', row.id)
          .where('state', '=', 'pending')
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return;
        await db
          .updateTable('ngsi_subscription')
          .set((eb) => ({
            times_sent: eb('times_sent', '+', 1),
            last_notification: at.toISOString(),
            last_success: at.toISOString(),
          }))
          .where('tenant', '=', row.tenant)
          .where('id', '=', row.subscription_id)
          .execute();
        return;
      }
      const attempts = row.attempts + 1;
      const giveUp = attempts >= this.#o.maxAttempts;
      const wait = Math.min(60_000, this.#o.backoffMs * 2 ** (attempts - 1));
      await db
        .updateTable('ngsi_outbox')
        .set({
          state: giveUp ? 'failed' : 'pending',
          attempts,
          next_ms: at.getTime() + wait,
          last_error: error.slice(0, 500),
          ...(giveUp ? { done_ms: at.getTime() } : {}),
        })
        .where('id', '=', row.id)
        .execute();
      await db
        .updateTable('ngsi_subscription')
        .set((eb) => ({
          times_failed: eb('times_failed', '+', 1),
          last_notification: at.toISOString(),
          last_failure: at.toISOString(),
        }))
        .where('tenant', '=', row.tenant)
        .where('id', '=', row.subscription_id)
        .execute();
      this.#resting.set(row.endpoint, at.getTime() + wait);
    });
  }
}
