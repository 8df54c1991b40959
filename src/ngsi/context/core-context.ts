import { readFileSync } from 'node:fs';

/** The URL under which the broker lists and links its core @context (NGSI-LD v1.8). */
export const CORE_CONTEXT_URL = 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld';

// Any versioned (or unversioned) ETSI core context URL means "the core context": a broker knows
// its core context and never fetches it (clause 5.5.7); the packaged v1.8 copy answers for all.
const CORE_ALIAS =
  /^https?:\/\/uri\.etsi\.org\/ngsi-ld\/v1\/ngsi-ld-core-context(-v\d+\.\d+(\.\d+)?)?\.jsonld$/;

let cached: Record<string, unknown> | undefined;

/** The packaged core context document (`{"@context": {…}}`), read once from src/ngsi/contexts. */
export function coreContextDocument(): Record<string, unknown> {
  if (!cached) {
    const text = readFileSync(
      new URL('../contexts/ngsi-ld-core-context-v1.8.jsonld', import.meta.url),
      'utf8',
    );
    cached = JSON.parse(text) as Record<string, unknown>; // a packaged JSON object
  }
  return cached;
}

/** Whether a URL names the core context (any version). */
export function isCoreContextUrl(url: string): boolean {
  return CORE_ALIAS.test(url);
}
