/**
 * The broker's internal, context-free form of entities: every name and type is an expanded IRI,
 * so that the same entity can be rendered with any @context.
 */

/** NGSI-LD attribute types (clause 4.5). */
export const ATTRIBUTE_TYPES = [
  'Property',
  'Relationship',
  'GeoProperty',
  'LanguageProperty',
  'JsonProperty',
  'VocabProperty',
  'ListProperty',
  'ListRelationship',
] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** The member that holds an attribute's main value in the normalized representation. */
export const VALUE_MEMBER: Record<AttributeType, string> = {
  Property: 'value',
  Relationship: 'object',
  GeoProperty: 'value',
  LanguageProperty: 'languageMap',
  JsonProperty: 'json',
  VocabProperty: 'vocab',
  ListProperty: 'valueList',
  ListRelationship: 'objectList',
};

/** One attribute instance (an entity attribute or a sub-attribute). */
export interface Attr {
  type: AttributeType;
  /** The main member's value; for VocabProperty the expanded IRI(s). */
  value: unknown;
  /** Absent for the default instance. */
  datasetId?: string;
  observedAt?: string;
  unitCode?: string;
  /** Relationship `objectType` and other plain members we keep but do not interpret. */
  members?: Record<string, unknown>;
  createdAt?: string;
  modifiedAt?: string;
  /** Sub-attributes by expanded name (one instance each). */
  sub: Record<string, Attr>;
}

/** All instances of one attribute, keyed by datasetId ('' = default instance). */
export type AttrInstances = Map<string, Attr>;

export interface Entity {
  id: string;
  /** Expanded type IRIs, at least one. */
  types: string[];
  scopes?: string[];
  createdAt?: string;
  modifiedAt?: string;
  /** Expanded attribute name → instances. */
  attrs: Map<string, AttrInstances>;
}

/** The key of the default instance in AttrInstances. */
export const DEFAULT_INSTANCE = '';

export function instanceKey(datasetId: string | undefined): string {
  return datasetId ?? DEFAULT_INSTANCE;
}

/** What happened to one attribute instance in a write. */
export interface AttributeChange {
  name: string;
  datasetId: string | undefined;
  op: 'created' | 'updated' | 'deleted';
  previous?: Attr;
  current?: Attr;
}

/**
 * What one write did to one entity: returned by every write, in its transaction, so that
 * history and notifications can hook in at one place (see broker/write-entity.ts).
 */
export interface EntityChange {
  tenant: string;
  entityId: string;
  op: 'created' | 'updated' | 'deleted';
  /** The entity before and after the write (absent when it did not exist / no longer exists). */
  before?: Entity;
  after?: Entity;
  attrs: AttributeChange[];
  /** ISO 8601 time of the write. */
  at: string;
}
