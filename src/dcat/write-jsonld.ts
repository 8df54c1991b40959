import { compactIri, groupByPredicate } from './compact-iri.ts';
import type { RdfWriter } from './rdf-writer.ts';
import { NAMESPACES, RDF_TYPE, type RdfNode, type Term } from './terms.ts';

/**
 * JSON-LD 1.1 in compacted form: the vocabulary prefixes as `@context` and every subject as a
 * node object in `@graph` (node objects with the same `@id` merge when expanded, so a catalog's
 * pages can each add their `dcat:dataset` links).
 */
export class JsonLdWriter implements RdfWriter {
  #first = true;

  begin(): string {
    return `{"@context":${json(NAMESPACES)},\n"@graph":[\n`;
  }

  write(nodes: readonly RdfNode[]): string {
    let out = '';
    for (const n of nodes) {
      out += `${this.#first ? '' : ',\n'}${json(nodeObject(n))}`;
      this.#first = false;
    }
    return out;
  }

  end(): string {
    return '\n]}\n';
  }
}

function nodeObject(n: RdfNode): Record<string, unknown> {
  const out: Record<string, unknown> = { '@id': id(n.subject) };
  for (const [p, objects] of groupByPredicate(n.props)) {
    if (p === RDF_TYPE) {
      const types = objects.map((o) => (o.kind === 'iri' ? name(o.value) : id(o)));
      out['@type'] = types.length === 1 ? types[0] : types;
      continue;
    }
    const values = objects.map(value);
    out[name(p)] = values.length === 1 ? values[0] : values;
  }
  return out;
}

function id(t: Term): string {
  return t.kind === 'blank' ? `_:${t.label}` : t.value;
}

function name(value: string): string {
  const c = compactIri(value);
  return c ? `${c[0]}:${c[1]}` : value;
}

function value(t: Term): unknown {
  switch (t.kind) {
    case 'iri':
    case 'blank':
      return { '@id': id(t) };
    case 'literal':
      if (t.lang) return { '@value': t.value, '@language': t.lang };
      if (t.datatype) return { '@value': t.value, '@type': name(t.datatype) };
      return t.value;
  }
}

const HTML_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON text with `<`, `>`, `&` and line separators escaped, so it is safe inside HTML too. */
function json(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (ch) => HTML_UNSAFE[ch] ?? ch);
}
