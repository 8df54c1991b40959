import type { RdfNode } from './terms.ts';
import { JsonLdWriter } from './write-jsonld.ts';
import { RdfXmlWriter } from './write-rdfxml.ts';
import { TurtleWriter } from './write-turtle.ts';

/**
 * A serializer for one document, written in pieces so a catalog can be streamed page by page:
 * `begin()`, then `write(nodes)` any number of times, then `end()`. A writer keeps only what it
 * needs between pieces (JSON-LD: whether a comma is due).
 */
export interface RdfWriter {
  begin(): string;
  write(nodes: readonly RdfNode[]): string;
  end(): string;
}

/** The formats of ckanext-dcat's endpoints; `rdf` and `xml` are both RDF/XML, `n3` is Turtle. */
export const DCAT_FORMATS = ['ttl', 'jsonld', 'xml', 'rdf', 'n3'] as const;
export type DcatFormat = (typeof DCAT_FORMATS)[number];

/** ckanext-dcat's CONTENT_TYPES. */
export const CONTENT_TYPES: Record<DcatFormat, string> = {
  ttl: 'text/turtle; charset=utf-8',
  n3: 'text/n3; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  xml: 'application/rdf+xml; charset=utf-8',
  rdf: 'application/rdf+xml; charset=utf-8',
};

export function isDcatFormat(value: string): value is DcatFormat {
  return (DCAT_FORMATS as readonly string[]).includes(value);
}

/** A fresh writer for one document in the given format. */
export function createWriter(format: DcatFormat): RdfWriter {
  switch (format) {
    case 'ttl':
    case 'n3':
      return new TurtleWriter();
    case 'jsonld':
      return new JsonLdWriter();
    case 'xml':
    case 'rdf':
      return new RdfXmlWriter();
  }
}

/** Writes a whole document at once (one dataset). */
export function serialize(format: DcatFormat, nodes: readonly RdfNode[]): string {
  const w = createWriter(format);
  return w.begin() + w.write(nodes) + w.end();
}
