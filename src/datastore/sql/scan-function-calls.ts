/** A name followed by `(` in SQL text: a function call, or (in deparsed SQL) an alias list. */
export interface CallCandidate {
  readonly name: string;
  /** The schema written before the name (`pg_catalog.upper(`), if any. */
  readonly schema: string | null;
  readonly quoted: boolean;
}

type Token = { kind: 'word'; text: string; quoted: boolean } | { kind: 'punct'; text: string };

/**
 * Finds every `name(` in SQL text, skipping string literals and type casts (`::numeric(10,2)`).
 * Used on PostgreSQL's own deparse of a query (pg_get_viewdef), which prints every expression,
 * including LIMIT, OFFSET and window frames, in canonical form.
 */
export function scanFunctionCalls(text: string): CallCandidate[] {
  const tokens = tokenize(text);
  const out: CallCandidate[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t?.kind !== 'word' || next?.kind !== 'punct' || next.text !== '(') continue;
    const prev = tokens[i - 1];
    if (prev?.kind === 'punct' && prev.text === '::') continue;
    let schema: string | null = null;
    if (prev?.kind === 'punct' && prev.text === '.') {
      const owner = tokens[i - 2];
      schema = owner?.kind === 'word' ? owner.text : '';
    }
    out.push({ name: t.quoted ? t.text : t.text.toLowerCase(), schema, quoted: t.quoted });
  }
  return out;
}

/** Casts to PostgreSQL's object identifier types (`'users'::regclass`) look up catalog names. */
export function castsToRegTypes(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.some((t, i) => {
    const prev = tokens[i - 1];
    return (
      t.kind === 'word' && /^reg/i.test(t.text) && prev?.kind === 'punct' && prev.text === '::'
    );
  });
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "'") {
      i = skipQuoted(text, i, "'");
      tokens.push({ kind: 'punct', text: "''" });
    } else if (c === '"') {
      const end = skipQuoted(text, i, '"');
      tokens.push({
        kind: 'word',
        text: text.slice(i + 1, end - 1).replaceAll('""', '"'),
        quoted: true,
      });
      i = end;
    } else if (/[\p{L}_]/u.test(c)) {
      let j = i + 1;
      while (j < text.length && /[\p{L}\p{N}_$]/u.test(text[j] ?? '')) j += 1;
      tokens.push({ kind: 'word', text: text.slice(i, j), quoted: false });
      i = j;
    } else if (c === ':' && text[i + 1] === ':') {
      tokens.push({ kind: 'punct', text: '::' });
      i += 2;
    } else {
      tokens.push({ kind: 'punct', text: c });
      i += 1;
    }
  }
  return tokens;
}

/** Index after the closing quote; a doubled quote is part of the text. */
function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return text.length;
}
