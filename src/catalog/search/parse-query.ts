import { type FilterNode, isRangeField, isTermField, parseFilter } from './parse-filter.ts';
import { toWords } from './normalize-text.ts';

export interface ParsedQuery {
  /** Normalised words that must all occur (as substrings) in the dataset's text. */
  words: string[];
  /** `field:value` parts of `q` (CKAN clients send `q=tags:防災` or `q=*:*`). */
  filters: FilterNode[];
  /** Free text was given but held no letters or digits (e.g. `^$%&`): nothing can match it. */
  matchesNothing: boolean;
}

const MAX_WORDS = 32;

/**
 * Splits `q` into free-text words and field filters. Free text is everything that is not a
 * `known_field:value` term; `*:*` and an empty q match everything.
 * @throws AppError search_query for a malformed field term.
 */
export function parseQuery(q: string, now: Date): ParsedQuery {
  const words: string[] = [];
  const filters: FilterNode[] = [];
  let freeText = false;
  for (const part of splitRespectingQuotes(q)) {
    if (part === '*:*' || part === '*') continue;
    const field = /^[+-]?([A-Za-z_]+):/.exec(part)?.[1];
    if (field && (isTermField(field) || isRangeField(field))) {
      filters.push(parseFilter(part, now));
      continue;
    }
    // Lucene operators in free text carry no meaning here: every word must match.
    if (part === 'AND' || part === '&&') continue;
    freeText = true;
    words.push(...toWords(part));
  }
  return {
    words: [...new Set(words)].slice(0, MAX_WORDS),
    filters,
    matchesNothing: freeText && words.length === 0,
  };
}

function splitRespectingQuotes(q: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let bracket = false;
  for (const ch of q) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '[') bracket = true;
    if (!quoted && ch === ']') bracket = false;
    if (!quoted && !bracket && /\s/.test(ch)) {
      if (current) parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) parts.push(current);
  return parts;
}
