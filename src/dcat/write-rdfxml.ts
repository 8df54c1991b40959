import { AppError } from '../core/errors.ts';
import { compactIri } from './compact-iri.ts';
import type { RdfWriter } from './rdf-writer.ts';
import { NAMESPACES, type RdfNode, type Term } from './terms.ts';

/** RDF/XML: one `rdf:Description` per subject, every property as an element. */
export class RdfXmlWriter implements RdfWriter {
  begin(): string {
    const xmlns = Object.entries(NAMESPACES)
      .map(([prefix, ns]) => `\n    xmlns:${prefix}="${attr(ns)}"`)
      .join('');
    return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${xmlns}>\n`;
  }

  write(nodes: readonly RdfNode[]): string {
    let out = '';
    for (const n of nodes) {
      const about =
        n.subject.kind === 'blank'
          ? `rdf:nodeID="${attr(n.subject.label)}"`
          : `rdf:about="${attr(n.subject.value)}"`;
      out += `  <rdf:Description ${about}>\n`;
      for (const [p, o] of n.props) out += `    ${element(qname(p), o)}\n`;
      out += '  </rdf:Description>\n';
    }
    return out;
  }

  end(): string {
    return '</rdf:RDF>\n';
  }
}

function qname(predicate: string): string {
  const c = compactIri(predicate);
  // Property elements need a QName; the mapping only uses the declared vocabularies.
  if (!c) throw new AppError('internal', `no XML name for predicate ${predicate}`);
  return `${c[0]}:${c[1]}`;
}

function element(name: string, o: Term): string {
  switch (o.kind) {
    case 'iri':
      return `<${name} rdf:resource="${attr(o.value)}"/>`;
    case 'blank':
      return `<${name} rdf:nodeID="${attr(o.label)}"/>`;
    case 'literal': {
      const a = o.lang
        ? ` xml:lang="${attr(o.lang)}"`
        : o.datatype
          ? ` rdf:datatype="${attr(o.datatype)}"`
          : '';
      return `<${name}${a}>${text(o.value)}</${name}>`;
    }
  }
}

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR: Record<string, string> = {
  ...TEXT,
  '"': '&quot;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** Element content; a carriage return is written as a reference so parsers do not fold it. */
function text(value: string): string {
  return value.replace(/[&<>\r]/g, (ch) => TEXT[ch] ?? ch);
}

/** Attribute values; whitespace as references so attribute normalisation keeps it. */
function attr(value: string): string {
  return value.replace(/[&<>"\r\n\t]/g, (ch) => ATTR[ch] ?? ch);
}
