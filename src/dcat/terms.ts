/**
 * RDF terms as plain values, the vocabularies DCAT-AP uses and the cleaning every IRI and literal
 * goes through before a serializer sees it. Pure: no I/O.
 */

/** Prefix → namespace, in the order serializers declare them (ckanext-dcat's names). */
export const NAMESPACES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  owl: 'http://www.w3.org/2002/07/owl#',
  spdx: 'http://spdx.org/rdf/terms#',
  schema: 'http://schema.org/',
  hydra: 'http://www.w3.org/ns/hydra/core#',
} as const;

export type Prefix = keyof typeof NAMESPACES;

export interface IriTerm {
  readonly kind: 'iri';
  readonly value: string;
}
export interface BlankTerm {
  readonly kind: 'blank';
  /** A label of ASCII letters, digits and `_`, starting with a letter (an XML NCName). */
  readonly label: string;
}
export interface LiteralTerm {
  readonly kind: 'literal';
  readonly value: string;
  readonly lang?: string;
  /** Full datatype IRI; absent for a plain (xsd:string) literal. */
  readonly datatype?: string;
}
export type Subject = IriTerm | BlankTerm;
export type Term = IriTerm | BlankTerm | LiteralTerm;

/** One statement: predicate IRI and object, about the node's subject. */
export type Property = readonly [predicate: string, object: Term];

/** A subject with everything said about it; serializers write one node at a time. */
export interface RdfNode {
  readonly subject: Subject;
  readonly props: readonly Property[];
}

/** `dct:title` → full IRI. Only the prefixes in NAMESPACES exist. */
export function curie(prefix: Prefix, local: string): string {
  return `${NAMESPACES[prefix]}${local}`;
}

export const RDF_TYPE = curie('rdf', 'type');

/** An IRI term; the value must already be clean (see cleanIri). */
export function iri(value: string): IriTerm {
  return { kind: 'iri', value };
}

/**
 * A blank node whose label is derived from the given parts, so that the same dataset always
 * gets the same labels and labels of different datasets never collide in one document.
 */
export function blank(kind: string, ...parts: string[]): BlankTerm {
  return { kind: 'blank', label: `${kind}_${parts.map(encodeLabel).join('_')}` };
}

/** A literal with control characters and lone surrogates removed (see cleanText). */
export function literal(value: string, options: { lang?: string; datatype?: string } = {}) {
  const term: LiteralTerm = { kind: 'literal', value: cleanText(value), ...options };
  return term;
}

// XML 1.0 cannot carry these code points at all, not even as character references, so they are
// removed for every format alike and the three serializations state the same triples.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what it finds.
const FORBIDDEN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text safe for every serialization: well-formed UTF-16 without the characters XML forbids. */
export function cleanText(value: string): string {
  return value.toWellFormed().replace(FORBIDDEN_TEXT, '');
}

const ALLOWED_SCHEMES = new Set(['http', 'https', 'ftp', 'mailto']);
const HEX2 = /^[0-9A-Fa-f]{2}$/;
/** ASCII that needs no encoding anywhere (no `%`, no brackets). */
const PLAIN_IRI = /^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=]*$/;
const UTF8 = new TextEncoder();

/**
 * An absolute http(s)/ftp/mailto IRI that every serializer and parser accepts, or null.
 * Characters an IRI may not contain (spaces, quotes, `<>{}|\^` and backquote, controls, stray
 * `%`, brackets outside the host, non-characters) are percent-encoded as UTF-8, the way
 * ckanext-dcat's CleanedURIRef quotes them; Japanese letters stay as they are (RFC 3987).
 */
export function cleanIri(raw: string): string | null {
  const value = raw.trim().toWellFormed();
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined || !ALLOWED_SCHEMES.has(scheme)) return null;
  if (scheme !== 'mailto' && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\s]/.test(value)) return null;
  // Most URLs are plain ASCII with nothing to encode: skip the per-character walk.
  if (PLAIN_IRI.test(value)) return value;
  const authorityEnd = scheme === 'mailto' ? 0 : authorityEndOf(value);
  let out = '';
  let i = 0;
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '%' && HEX2.test(value.slice(i + 1, i + 3))) out += ch;
    else if ((ch === '[' || ch === ']') && i < authorityEnd) out += ch;
    else if (mustEncode(cp)) out += percentEncode(ch);
    else out += ch;
    i += ch.length;
  }
  return out;
}

function authorityEndOf(value: string): number {
  const start = value.indexOf('//') + 2;
  const rest = value.slice(start).search(/[/?#]/);
  return rest < 0 ? value.length : start + rest;
}

function mustEncode(cp: number): boolean {
  if (cp <= 0x20 || cp === 0x7f) return true;
  if (cp < 0x80) return '"<>\\^`{|}%[]'.includes(String.fromCodePoint(cp));
  // RFC 3987 ucschar ranges; anything else (C1 controls, private use, non-characters) is encoded.
  return !(
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xf900 && cp <= 0xfdcf) ||
    (cp >= 0xfdf0 && cp <= 0xffef) ||
    (cp >= 0x10000 && cp <= 0xefffd && (cp & 0xfffe) !== 0xfffe)
  );
}

function percentEncode(ch: string): string {
  let out = '';
  for (const byte of UTF8.encode(ch)) {
    out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Letters and digits stay; every other character becomes `_xHEX_`, so the mapping is one-to-one. */
function encodeLabel(part: string): string {
  return part.replace(/[^A-Za-z0-9]/gu, (ch) => `_x${(ch.codePointAt(0) ?? 0).toString(16)}_`);
}
