import type { DcatFormat } from './rdf-writer.ts';

/** Media type → format, in ckanext-dcat's order (its CONTENT_TYPES without `xml`). */
const MEDIA_TYPES: ReadonlyArray<readonly [string, DcatFormat]> = [
  ['application/rdf+xml', 'rdf'],
  ['text/n3', 'n3'],
  ['text/turtle', 'ttl'],
  ['application/ld+json', 'jsonld'],
];

/**
 * ckanext-dcat's `parse_accept_header`: media types by descending q; `text/html` first means the
 * web page; a `type/*` wildcard takes the first format of that type. s5 differs in one point: no
 * Accept header, or only `*\/*` (curl, scripts), gets Turtle instead of the HTML home page.
 * Returns a format, `'html'`, or null when nothing acceptable is offered (406).
 */
export function negotiateFormat(accept: string | undefined): DcatFormat | 'html' | null {
  const header = (accept ?? '').trim();
  if (header === '') return 'ttl';
  const ranges: Array<{ type: string; q: number; order: number }> = [];
  header.split(',').forEach((part, order) => {
    const m = /^\s*([^;\s]+)\s*(?:;\s*q=([0-9.]+))?/.exec(part);
    const type = m?.[1]?.toLowerCase();
    if (!type) return;
    const q = m?.[2] === undefined ? 1 : Number(m[2]);
    if (Number.isFinite(q) && q > 0) ranges.push({ type, q, order });
  });
  ranges.sort((a, b) => b.q - a.q || a.order - b.order);
  let anything = false;
  for (const { type } of ranges) {
    if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
    const exact = MEDIA_TYPES.find(([media]) => media === type);
    if (exact) return exact[1];
    if (type === '*/*') anything = true;
    else if (type.endsWith('/*')) {
      const family = type.slice(0, -1);
      const wild = MEDIA_TYPES.find(([media]) => media.startsWith(family));
      if (wild) return wild[1];
    }
  }
  return anything ? 'ttl' : null;
}
