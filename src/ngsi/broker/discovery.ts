import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/index.ts';
import { ngsiError } from '../errors.ts';
import { attributeSummaries, typeSummaries } from '../repo/discovery.ts';
import { type BrokerSettings, type NgsiCall, readsPublicOnly } from './call.ts';

/**
 * Types and attributes discovery (clause 5.7.5–5.7.10), compacted with the caller's @context.
 * Anonymous callers see only public types, and only attributes of their entities.
 */
export class DiscoveryService {
  constructor(
    readonly db: Database,
    readonly settings: BrokerSettings,
  ) {}

  /** GET /types: EntityTypeList, or with details an array of EntityType. */
  async types(call: NgsiCall, details: boolean): Promise<unknown> {
    const c = (iri: string) => call.terms.compact(iri);
    const all = await typeSummaries(this.db, call.tenant, readsPublicOnly(call, this.settings));
    if (!details)
      return {
        id: `urn:ngsi-ld:EntityTypeList:${randomUUID()}`,
        type: 'EntityTypeList',
        typeList: all.map((t) => c(t.type)),
      };
    return all.map((t) => ({
      id: t.type,
      type: 'EntityType',
      typeName: c(t.type),
      attributeNames: [...t.attributes.keys()].map(c),
    }));
  }

  /** GET /types/{type}: EntityTypeInfo. @throws AppError ResourceNotFound. */
  async type(call: NgsiCall, typeName: string): Promise<unknown> {
    const c = (iri: string) => call.terms.compact(iri);
    const iri = call.terms.expand(typeName);
    const [t] = await typeSummaries(
      this.db,
      call.tenant,
      readsPublicOnly(call, this.settings),
      iri,
    );
    if (!t) throw ngsiError('ResourceNotFound', `No entities of type ${typeName}`);
    return {
      id: t.type,
      type: 'EntityTypeInfo',
      typeName: c(t.type),
      entityCount: t.entityCount,
      attributeDetails: [...t.attributes].map(([name, types]) => ({
        id: name,
        type: 'Attribute',
        attributeName: c(name),
        attributeTypes: [...types],
      })),
    };
  }

  /** GET /attributes: AttributeList, or with details an array of Attribute. */
  async attributes(call: NgsiCall, details: boolean): Promise<unknown> {
    const c = (iri: string) => call.terms.compact(iri);
    const all = await attributeSummaries(
      this.db,
      call.tenant,
      readsPublicOnly(call, this.settings),
    );
    if (!details)
      return {
        id: `urn:ngsi-ld:AttributeList:${randomUUID()}`,
        type: 'AttributeList',
        attributeList: all.map((a) => c(a.name)),
      };
    return all.map((a) => ({
      id: a.name,
      type: 'Attribute',
      attributeName: c(a.name),
      typeNames: [...a.typeNames].map(c),
    }));
  }

  /** GET /attributes/{attr}: Attribute. @throws AppError ResourceNotFound. */
  async attribute(call: NgsiCall, attrName: string): Promise<unknown> {
    const c = (iri: string) => call.terms.compact(iri);
    const iri = call.terms.expand(attrName);
    const [a] = await attributeSummaries(
      this.db,
      call.tenant,
      readsPublicOnly(call, this.settings),
      iri,
    );
    if (!a) throw ngsiError('ResourceNotFound', `No attribute ${attrName}`);
    return {
      id: a.name,
      type: 'Attribute',
      attributeName: c(a.name),
      attributeCount: a.count,
      attributeTypes: [...a.attributeTypes],
      typeNames: [...a.typeNames].map(c),
    };
  }
}
