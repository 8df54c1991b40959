import { badData } from '../errors.ts';
import { isDateTime } from './datetime.ts';
import { geometryProblem, isGeometryType } from './geojson.ts';
import { ATTRIBUTE_TYPES, type Attr, type AttributeType, VALUE_MEMBER } from './types.ts';
import { isUri } from './uri.ts';

/** What parsing needs from a TermMap: names and vocab values are expanded through it. */
export interface Expander {
  expand(term: string): string;
}

export interface ParseOptions {
  /** Accept the NGSI-LD null (update, merge): such an instance means "delete". */
  allowNull?: boolean;
}

/** The NGSI-LD null (clause 4.5.x): in an update or merge it removes what it names. */
export const NGSI_NULL = 'urn:ngsi-ld:null';

/** Members of an attribute object that are not sub-attributes (clause 4.5). */
const ATTRIBUTE_MEMBERS = new Set([
  'type',
  'value',
  'object',
  'languageMap',
  'json',
  'vocab',
  'valueList',
  'objectList',
  'objectType',
  'datasetId',
  'observedAt',
  'unitCode',
  'createdAt',
  'modifiedAt',
  'deletedAt',
  'instanceId',
  'previousValue',
  'previousObject',
  'previousLanguageMap',
  'previousJson',
  'previousVocab',
  'previousValueList',
  'previousObjectList',
  'entity',
  '@context',
]);

/** Members whose presence, with no `type`, tells a concise attribute's type. */
const CONCISE_TYPE: Array<[string, AttributeType]> = [
  ['object', 'Relationship'],
  ['languageMap', 'LanguageProperty'],
  ['json', 'JsonProperty'],
  ['vocab', 'VocabProperty'],
  ['valueList', 'ListProperty'],
  ['objectList', 'ListRelationship'],
  ['value', 'Property'],
];

// Clause 4.6.2: names must not contain these characters (nor control characters or spaces).
const FORBIDDEN_NAME = /[\s<>"'=;()\\]/;

/**
 * Checks an attribute (or type) name as written in a request.
 * @throws AppError BadRequestData for an empty name or one with forbidden characters.
 */
export function checkName(name: string, what = 'attribute name'): void {
  // A leading @ would make the name a JSON-LD keyword.
  if (name === '' || name.startsWith('@') || FORBIDDEN_NAME.test(name))
    throw badData(`Invalid ${what}: ${name}`);
}

/** Whether an attribute object (or array of them) is written in the normalized or concise form. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parses one attribute as written in a request (normalized or concise, one instance or an array
 * of instances) into its instances.
 * @throws AppError BadRequestData naming the attribute and what is wrong.
 */
export function parseAttribute(
  name: string,
  raw: unknown,
  terms: Expander,
  opts: ParseOptions = {},
): Attr[] {
  if (Array.isArray(raw) && raw.length > 0 && raw.every(isInstanceObject)) {
    const instances = raw.map((item) => parseInstance(name, item, terms, opts));
    const seen = new Set<string>();
    for (const a of instances) {
      const key = a.datasetId ?? '';
      if (seen.has(key))
        throw badData(`Attribute ${name} has two instances with the same datasetId`);
      seen.add(key);
    }
    return instances;
  }
  return [parseInstance(name, raw, terms, opts)];
}

function isInstanceObject(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  if (typeof v.type === 'string' && (ATTRIBUTE_TYPES as readonly string[]).includes(v.type))
    return true;
  return CONCISE_TYPE.some(([member]) => member in v);
}

/**
 * Parses one attribute instance.
 * @throws AppError BadRequestData.
 */
export function parseInstance(
  name: string,
  raw: unknown,
  terms: Expander,
  opts: ParseOptions = {},
): Attr {
  if (raw === null || raw === undefined) throw badData(`Attribute ${name} has no value`);
  if (opts.allowNull && raw === NGSI_NULL) return { type: 'Property', value: NGSI_NULL, sub: {} };
  if (!isPlainObject(raw)) return { type: 'Property', value: raw, sub: {} };
  const type = attributeType(name, raw);
  if (opts.allowNull && type !== undefined && isNullValue(raw[VALUE_MEMBER[type]])) {
    const attr: Attr = { type, value: NGSI_NULL, sub: {} };
    if (isUri(raw.datasetId)) attr.datasetId = raw.datasetId;
    return attr;
  }
  if (type === undefined) {
    // Concise GeoProperty: a bare GeoJSON geometry.
    if (isGeometryType(raw.type)) return geoFromValue(name, raw);
    // Concise Property whose value is a JSON object.
    return { type: 'Property', value: raw, sub: {} };
  }
  const attr: Attr = { type, value: mainValue(name, type, raw, terms), sub: {} };
  readMetadata(name, raw, attr, terms);
  readSubAttributes(raw, attr, terms, opts);
  return attr;
}

/**
 * A partial update of an existing attribute instance (PATCH …/attrs/{attrId}, merge): without
 * a type or main member the old value stays and only metadata and sub-attributes change.
 * @throws AppError BadRequestData.
 */
export function parsePatch(name: string, raw: unknown, terms: Expander, existing: Attr): Attr {
  const hasMain =
    isPlainObject(raw) && ('type' in raw || CONCISE_TYPE.some(([member]) => member in raw));
  if (!isPlainObject(raw) || hasMain) return parseInstance(name, raw, terms, { allowNull: true });
  const attr: Attr = { type: existing.type, value: existing.value, sub: {} };
  if (existing.datasetId !== undefined) attr.datasetId = existing.datasetId;
  readMetadata(name, raw, attr, terms);
  readSubAttributes(raw, attr, terms, { allowNull: true });
  return attr;
}

function readSubAttributes(
  raw: Record<string, unknown>,
  attr: Attr,
  terms: Expander,
  opts: ParseOptions,
): void {
  for (const [key, value] of Object.entries(raw)) {
    if (ATTRIBUTE_MEMBERS.has(key)) continue;
    checkName(key, 'sub-attribute name');
    const instances = parseAttribute(key, value, terms, opts);
    const first = instances[0];
    if (first) attr.sub[terms.expand(key)] = first;
  }
}

/** Whether a main member holds the NGSI-LD null (a language map holds it under @none). */
function isNullValue(v: unknown): boolean {
  if (v === NGSI_NULL) return true;
  if (Array.isArray(v)) return v.length === 1 && v[0] === NGSI_NULL;
  return isPlainObject(v) && Object.keys(v).length === 1 && v['@none'] === NGSI_NULL;
}

function attributeType(name: string, raw: Record<string, unknown>): AttributeType | undefined {
  if ('type' in raw) {
    const t = raw.type;
    if (typeof t === 'string' && (ATTRIBUTE_TYPES as readonly string[]).includes(t))
      return t as AttributeType; // checked to be one of ATTRIBUTE_TYPES just above
    if (isGeometryType(t) && 'coordinates' in raw) return undefined;
    throw badData(`Attribute ${name} has an invalid type ${JSON.stringify(t)}`);
  }
  for (const [member, type] of CONCISE_TYPE) {
    if (member in raw) {
      if (type === 'Property' && isPlainObject(raw.value) && isGeometryType(raw.value.type))
        return 'GeoProperty';
      return type;
    }
  }
  return undefined;
}

function geoFromValue(name: string, geometry: Record<string, unknown>): Attr {
  const problem = geometryProblem(geometry);
  if (problem) throw badData(`GeoProperty ${name}: ${problem}`);
  return { type: 'GeoProperty', value: geometry, sub: {} };
}

function mainValue(
  name: string,
  type: AttributeType,
  raw: Record<string, unknown>,
  terms: Expander,
): unknown {
  const need = (member: string) => {
    const v = raw[member];
    if (v === undefined || v === null) throw badData(`${type} ${name} needs a ${member} member`);
    return v;
  };
  switch (type) {
    case 'Property':
      return need('value');
    case 'GeoProperty': {
      const v = need('value');
      const problem = geometryProblem(v);
      if (problem) throw badData(`GeoProperty ${name}: ${problem}`);
      return v;
    }
    case 'Relationship': {
      const v = need('object');
      const list = Array.isArray(v) ? v : [v];
      if (list.length === 0 || !list.every(isUri))
        throw badData(`Relationship ${name}: object must be a URI or a list of URIs`);
      return v;
    }
    case 'LanguageProperty': {
      const v = need('languageMap');
      if (!isPlainObject(v)) throw badData(`LanguageProperty ${name}: languageMap is an object`);
      for (const text of Object.values(v)) {
        const ok =
          typeof text === 'string' ||
          (Array.isArray(text) && text.every((t) => typeof t === 'string'));
        if (!ok) throw badData(`LanguageProperty ${name}: languageMap values are strings`);
      }
      return v;
    }
    case 'JsonProperty':
      return need('json');
    case 'VocabProperty': {
      const v = need('vocab');
      const list = Array.isArray(v) ? v : [v];
      if (!list.every((x) => typeof x === 'string' && x !== ''))
        throw badData(`VocabProperty ${name}: vocab must be a string or a list of strings`);
      const expanded = list.map((x) => terms.expand(x as string)); // checked to be strings above
      return Array.isArray(v) ? expanded : expanded[0];
    }
    case 'ListProperty': {
      const v = need('valueList');
      if (!Array.isArray(v)) throw badData(`ListProperty ${name}: valueList must be an array`);
      return v;
    }
    case 'ListRelationship': {
      const v = need('objectList');
      if (!Array.isArray(v)) throw badData(`ListRelationship ${name}: objectList is an array`);
      for (const item of v) {
        const uri = isPlainObject(item) ? item.object : item;
        if (!isUri(uri)) throw badData(`ListRelationship ${name}: objects must be URIs`);
      }
      return v;
    }
  }
}

function readMetadata(
  name: string,
  raw: Record<string, unknown>,
  attr: Attr,
  terms: Expander,
): void {
  if (raw.datasetId !== undefined) {
    if (!isUri(raw.datasetId)) throw badData(`Attribute ${name}: datasetId must be a URI`);
    attr.datasetId = raw.datasetId;
  }
  if (raw.observedAt !== undefined) {
    if (!isDateTime(raw.observedAt))
      throw badData(`Attribute ${name}: observedAt must be a DateTime`);
    attr.observedAt = raw.observedAt;
  }
  if (raw.unitCode !== undefined) {
    if (typeof raw.unitCode !== 'string' || raw.unitCode === '')
      throw badData(`Attribute ${name}: unitCode must be a string`);
    attr.unitCode = raw.unitCode;
  }
  if (raw.objectType !== undefined) {
    const list = Array.isArray(raw.objectType) ? raw.objectType : [raw.objectType];
    if (!list.every((t) => typeof t === 'string' && t !== ''))
      throw badData(`Relationship ${name}: objectType must be a type name`);
    const expanded = list.map((t) => terms.expand(t as string)); // checked to be strings above
    attr.members = {
      ...attr.members,
      objectType: Array.isArray(raw.objectType) ? expanded : expanded[0],
    };
  }
}
