/** The NGSI-LD query language (`q`, clause 4.9) as a tree; names are as written (not expanded). */

export type CompareOp = '==' | '!=' | '>' | '>=' | '<' | '<=';

export type QLiteral =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  /** An unquoted DateTime, date or time: compared as text with stored times. */
  | { type: 'datetime'; value: string }
  /** Any other unquoted token, e.g. a Relationship's object URI. */
  | { type: 'uri'; value: string };

export type QValue =
  | { kind: 'single'; literal: QLiteral }
  | { kind: 'list'; literals: QLiteral[] }
  | { kind: 'range'; from: QLiteral; to: QLiteral };

/**
 * Where a term looks: `attr`, `attr.sub.subsub` (sub-attributes; `attr.observedAt` and other
 * metadata too) and `attr[key][key2]` (into a JSON value).
 */
export interface QPath {
  /** The attribute followed by sub-attribute names. */
  names: string[];
  /** Keys into the JSON value, outermost first. */
  keys: string[];
}

export type QNode =
  | { kind: 'and'; items: QNode[] }
  | { kind: 'or'; items: QNode[] }
  | { kind: 'exists'; path: QPath; negated: boolean }
  | { kind: 'compare'; path: QPath; op: CompareOp; value: QValue }
  | { kind: 'pattern'; path: QPath; negated: boolean; pattern: string };

/** Attribute metadata reachable as `attr.<member>` in q. */
export const METADATA_MEMBERS = new Set([
  'observedAt',
  'createdAt',
  'modifiedAt',
  'unitCode',
  'datasetId',
]);
