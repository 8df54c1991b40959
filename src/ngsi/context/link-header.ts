/** The `rel` of a JSON-LD context link (JSON-LD 1.1 §6.1, NGSI-LD clause 6.3.5). */
export const CONTEXT_REL = 'http://www.w3.org/ns/json-ld#context';

/**
 * The @context URL of a `Link` header, or undefined when it has no context link.
 * Returns null when the header holds more than one context link (clause 6.3.5: at most one).
 */
export function contextFromLink(header: string | undefined): string | undefined | null {
  if (!header) return undefined;
  const found: string[] = [];
  for (const part of splitLinks(header)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const params = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(params)?.[1];
    if (rel?.trim() === CONTEXT_REL) found.push((match[1] ?? '').trim());
  }
  if (found.length > 1) return null;
  return found[0];
}

/** The `Link` header value announcing a context URL. */
export function contextLink(url: string): string {
  return `<${url}>; rel="${CONTEXT_REL}"; type="application/ld+json"`;
}

function splitLinks(header: string): string[] {
  // Commas inside <…> belong to the URL.
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i];
    if (ch === '<') depth++;
    else if (ch === '>') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      parts.push(header.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(header.slice(start));
  return parts;
}
