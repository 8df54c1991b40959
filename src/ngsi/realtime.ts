import type { Config } from '../core/config.ts';
import type { Database } from '../db/index.ts';
import type { Broker } from './broker/broker.ts';
import { recordHistory } from './temporal/history-repo.ts';
import { TemporalService } from './temporal/temporal-service.ts';

/** Instances per entity before a temporal answer is clipped (206); the ETSI suite wants < 40. */
const INSTANCE_LIMIT = 10_000;
const CONFORMANCE_INSTANCE_LIMIT = 30;

const services = new WeakMap<Broker, TemporalService>();

/**
 * Hooks history (and notifications) into a broker's write path: called once per broker by
 * brokerFor, so every entity write records its instances in the same transaction.
 */
export function attachRealtime(broker: Broker, db: Database, config: Config): void {
  broker.onChange(recordHistory);
  services.set(
    broker,
    new TemporalService(
      db,
      broker,
      config.ngsiConformance ? CONFORMANCE_INSTANCE_LIMIT : INSTANCE_LIMIT,
    ),
  );
}

/** The temporal API of a broker made by brokerFor. */
export function temporalOf(broker: Broker): TemporalService {
  const s = services.get(broker);
  if (!s) throw new Error('The broker was not opened with brokerFor (no history attached)');
  return s;
}
