import type { Actor } from '../../core/action.ts';
import type { Broker } from '../broker/broker.ts';
import type { NgsiCall } from '../broker/call.ts';
import { problemOf } from '../errors.ts';
import type { IngestMessage } from './topic.ts';

/**
 * Writes one MQTT reading through the broker's one write path (history and notifications
 * follow): merge into the entity, or create it on first sight.
 * @throws AppError from the broker (BadRequestData for bad attributes, AccessDenied, …).
 */
export async function ingest(broker: Broker, actor: Actor, m: IngestMessage): Promise<void> {
  const call: NgsiCall = {
    actor,
    tenant: m.tenant,
    now: new Date(),
    terms: await broker.resolver.termsFor(undefined),
  };
  try {
    await broker.entities.append(call, m.id, m.attrs, false);
    return;
  } catch (error) {
    if (problemOf(error) !== 'ResourceNotFound') throw error;
  }
  try {
    await broker.entities.create(call, { id: m.id, type: m.type, ...m.attrs });
  } catch (error) {
    // Another message created it in between: merge instead.
    if (problemOf(error) !== 'AlreadyExists') throw error;
    await broker.entities.append(call, m.id, m.attrs, false);
  }
}
