/**
 * The NGSI-LD context broker capability (ETSI GS CIM 009): entities, queries, batches,
 * discovery and the @context store, on the catalog's database, users and tokens. The HTTP
 * adapter is src/api/ngsi-routes.ts; other folders import only from here.
 */
import type { AnyAction } from '../core/action.ts';
import { ngsiDeviceScopeSet } from './actions/device-scope-set.ts';
import { ngsiRetentionSet } from './actions/retention-set.ts';
import { ngsiTypePublish } from './actions/type-publish.ts';

export const ngsiActions: readonly AnyAction[] = [
  ngsiTypePublish,
  ngsiRetentionSet,
  ngsiDeviceScopeSet,
];

export type { BatchOperation, BatchResult } from './broker/batch.ts';
export { Broker } from './broker/broker.ts';
export {
  type BrokerSettings,
  type ChangeListener,
  type NgsiCall,
  parseTenant,
} from './broker/call.ts';
export { checkId, type UpdateResult } from './broker/entities.ts';
export { brokerFor, readContextMap } from './broker/open-broker.ts';
export { CORE_CONTEXT_URL } from './context/core-context.ts';
export { contextFromLink, contextLink } from './context/link-header.ts';
export type { TermMap } from './context/term-map.ts';
export { badData, ngsiError, type ProblemType, problemOf } from './errors.ts';
export type { Geometry } from './model/geojson.ts';
export { type Format, type RenderOptions, renderEntity } from './model/render-entity.ts';
export { flatLinked } from './model/render-linked.ts';
export type { Entity, EntityChange } from './model/types.ts';
export {
  type Params,
  type Projection,
  parseAttrs,
  parsePaging,
  parseProjection,
  parseView,
  splitList,
  type ViewOptions,
} from './query/query-params.ts';
export { temporalOf } from './realtime.ts';
export { contentRange, renderTemporal } from './temporal/render-temporal.ts';
export { parseTemporalQuery, TEMPORAL_PARAMS } from './temporal/temporal-params.ts';
export type { TemporalEntity, TemporalService } from './temporal/temporal-service.ts';
export { purgeHistory } from './temporal/retention.ts';
export {
  type RealtimeRuntime,
  startNotifications,
  startRealtime,
  subscriptionsOf,
} from './realtime.ts';
export type { OutboxWorker } from './subscriptions/outbox-worker.ts';
export type { SubscriptionService } from './subscriptions/subscription-service.ts';
export { INGEST_TOPIC, parseIngest } from './mqtt/topic.ts';
