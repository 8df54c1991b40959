import type { QLiteral, QNode, QPath, QValue } from './q-ast.ts';

/**
 * Writes a q tree back as a q expression that parses to the same tree (used for logging,
 * subscriptions and the round-trip property test). `or` inside `and` gets parentheses.
 */
export function printQ(node: QNode): string {
  switch (node.kind) {
    case 'or':
      return node.items.map(printQ).join('|');
    case 'and':
      return node.items.map((n) => (n.kind === 'or' ? `(${printQ(n)})` : printQ(n))).join(';');
    case 'exists':
      return `${node.negated ? '!' : ''}${printPath(node.path)}`;
    case 'compare':
      return `${printPath(node.path)}${node.op}${printValue(node.value)}`;
    case 'pattern':
      return `${printPath(node.path)}${node.negated ? '!~=' : '~='}${quote(node.pattern)}`;
  }
}

export function printPath(path: QPath): string {
  return path.names.join('.') + path.keys.map((k) => `[${k}]`).join('');
}

function printValue(value: QValue): string {
  switch (value.kind) {
    case 'single':
      return printLiteral(value.literal);
    case 'list':
      return value.literals.map(printLiteral).join(',');
    case 'range':
      return `${printLiteral(value.from)}..${printLiteral(value.to)}`;
  }
}

function printLiteral(l: QLiteral): string {
  switch (l.type) {
    case 'string':
      return quote(l.value);
    case 'number':
      return String(l.value);
    case 'boolean':
      return String(l.value);
    case 'datetime':
    case 'uri':
      return l.value;
  }
}

function quote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
