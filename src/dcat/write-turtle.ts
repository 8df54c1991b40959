import { compactIri, groupByPredicate } from './compact-iri.ts';
import type { RdfWriter } from './rdf-writer.ts';
import { NAMESPACES, RDF_TYPE, type RdfNode, type Term } from './terms.ts';

/** Turtle (RDF 1.1): prefixes first, then one block per subject. */
export class TurtleWriter implements RdfWriter {
  begin(): string {
    return `${Object.entries(NAMESPACES)
      .map(([prefix, ns]) => `@prefix ${prefix}: ${iriRef(ns)} .`)
      .join('\n')}\n\n`;
  }

  write(nodes: readonly RdfNode[]): string {
    let out = '';
    for (const n of nodes) {
      const lines = groupByPredicate(n.props).map(
        ([p, objects]) =>
          `${p === RDF_TYPE ? 'a' : name(p)} ${objects.map((o) => term(o)).join(', ')}`,
      );
      if (lines.length === 0) continue;
      out += `${term(n.subject)} ${lines.join(' ;\n    ')} .\n\n`;
    }
    return out;
  }

  end(): string {
    return '';
  }
}

function name(value: string): string {
  const c = compactIri(value);
  return c ? `${c[0]}:${c[1]}` : iriRef(value);
}

function term(t: Term): string {
  switch (t.kind) {
    case 'iri':
      return name(t.value);
    case 'blank':
      return `_:${t.label}`;
    case 'literal': {
      const text = `"${escapeString(t.value)}"`;
      if (t.lang) return `${text}@${t.lang}`;
      return t.datatype ? `${text}^^${name(t.datatype)}` : text;
    }
  }
}

/**
 * IRIREF: the characters Turtle forbids inside `<…>` are percent-encoded (cleanIri has already
 * done so for every IRI the mapping makes; this keeps the writer safe on its own).
 */
function iriRef(value: string): string {
  return `<${value.replace(IRI_FORBIDDEN, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: Turtle forbids controls in IRIREF.
const IRI_FORBIDDEN = /[\u0000-\u0020<>"{}|^`\\]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: controls must be escaped in strings.
const STRING_ESCAPED = /[\\"\u0000-\u001F\u007F]/g;

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** STRING_LITERAL_QUOTE: backslash, quote and line breaks escaped; other controls as \uXXXX. */
function escapeString(value: string): string {
  return value.replace(
    STRING_ESCAPED,
    (ch) => ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
