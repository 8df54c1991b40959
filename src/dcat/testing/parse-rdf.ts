/**
 * Test support: parses each serialization with an independent RDF library (n3 for Turtle,
 * jsonld for JSON-LD, rdfxml-streaming-parser for RDF/XML) into N-Triples-like strings, and
 * canonicalises a graph (URDNA2015) so that graphs with blank nodes can be compared.
 */
import jsonld from 'jsonld';
import { Parser, type Quad, type Term, Writer } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';

/** A parsed triple; `s` and `o` in N-Triples syntax (`<iri>`, `_:b`, `"text"@ja`). */
export interface Triple {
  s: string;
  p: string;
  o: string;
  /** The raw quad, for canonicalisation. */
  quad: Quad;
}

export type ParsedFormat = 'ttl' | 'jsonld' | 'xml';

/** Parses a document; throws when the library rejects it. */
export async function parseRdf(format: ParsedFormat, text: string): Promise<Triple[]> {
  const quads = await parseQuads(format, text);
  return quads.map((q) => ({ s: nt(q.subject), p: q.predicate.value, o: nt(q.object), quad: q }));
}

async function parseQuads(format: ParsedFormat, text: string): Promise<Quad[]> {
  if (format === 'ttl')
    return new Parser({ format: 'text/turtle', blankNodePrefix: '' }).parse(text);
  if (format === 'jsonld') {
    const doc: unknown = JSON.parse(text);
    // jsonld's types want a JsonLdDocument; it validates the parsed JSON itself.
    const nquads = await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
      format: 'application/n-quads',
    });
    return new Parser({ format: 'N-Quads', blankNodePrefix: '' }).parse(String(nquads));
  }
  return new Promise((resolve, reject) => {
    const out: Quad[] = [];
    const parser = new RdfXmlParser({ validateUri: true });
    parser.on('data', (q: Quad) => out.push(q));
    parser.on('error', reject);
    parser.on('end', () => resolve(out));
    parser.write(text);
    parser.end();
  });
}

/** N-Triples form of a term (literals escaped as N-Triples does). */
export function nt(t: Term): string {
  switch (t.termType) {
    case 'NamedNode':
      return `<${t.value}>`;
    case 'BlankNode':
      return `_:${t.value}`;
    case 'Literal': {
      const text = JSON.stringify(t.value);
      if (t.language) return `${text}@${t.language}`;
      const dt = t.datatype.value;
      return dt === 'http://www.w3.org/2001/XMLSchema#string' ? text : `${text}^^<${dt}>`;
    }
    default:
      return t.value;
  }
}

/** The canonical N-Quads of a graph: equal strings mean isomorphic graphs. */
export async function canonical(triples: readonly Triple[]): Promise<string> {
  const writer = new Writer({ format: 'N-Quads' });
  writer.addQuads(triples.map((t) => t.quad));
  const nquads = await new Promise<string>((resolve, reject) =>
    writer.end((error, result: string) => (error ? reject(error) : resolve(result))),
  );
  // With inputFormat N-Quads, canonize takes the N-Quads string (its types only know documents).
  return jsonld.canonize(nquads as unknown as jsonld.JsonLdDocument, {
    algorithm: 'URDNA2015',
    inputFormat: 'application/n-quads',
  });
}

/** Objects of (subject, predicate); subject as `<iri>` or `_:label`. */
export function objects(triples: readonly Triple[], s: string, p: string): string[] {
  return triples.filter((t) => t.s === s && t.p === p).map((t) => t.o);
}

/** Subjects having rdf:type `type`. */
export function subjectsOfType(triples: readonly Triple[], type: string): string[] {
  const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
  return triples.filter((t) => t.p === rdfType && t.o === `<${type}>`).map((t) => t.s);
}
