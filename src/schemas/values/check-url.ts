import { finalizeCheck, finding, type Inspection } from './check-result.ts';
import { isPlaceholder } from './detect-placeholder.ts';
import { toAsciiValue } from './normalize-half-width.ts';
import type { ValueCheck, ValueFinding } from './types.ts';

// Every printable ASCII symbol: a URL is written in ASCII, so its full-width forms are typos.
const URL_SYMBOLS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ ';
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const BARE_HOST = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/:?#]|$)/i;

function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text) || !URL.canParse(text)) return false;
  return new URL(text).hostname !== '';
}

function inspectUrl(value: string): Inspection {
  const found = value.trim();
  if (found === '') return { findings: [] };
  if (isPlaceholder(found))
    return { findings: [finding('placeholder_value', { found })], candidate: '' };
  const ascii = toAsciiValue(found, { symbols: URL_SYMBOLS });
  const text = ascii.text.trim();
  const findings: ValueFinding[] = [...ascii.findings];
  if (/\s/.test(text)) {
    const parts = text.split(/\s+/);
    const code = parts.every(isHttpUrl) ? 'url_multiple' : 'url_contains_space';
    return { findings: [...findings, finding(code, { found })] };
  }
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined || (scheme !== 'http' && scheme !== 'https' && BARE_HOST.test(text))) {
    // http or https cannot be told from a bare host: reported, not fixed.
    const code = BARE_HOST.test(text) ? 'url_missing_scheme' : 'url_invalid';
    return { findings: [...findings, finding(code, { found })] };
  }
  if (scheme !== 'http' && scheme !== 'https') {
    return { findings: [...findings, finding('url_scheme', { found, scheme })] };
  }
  if (!isHttpUrl(text)) return { findings: [...findings, finding('url_invalid', { found })] };
  // Non-ASCII (IRI) paths work in browsers but are not URIs in the strict sense.
  if (/[^\x21-\x7e]/.test(text)) findings.push(finding('url_non_ascii', { found }));
  return { findings, candidate: text };
}

/**
 * Checks a URL cell: an absolute http(s) URL conforms; full-width characters are fixed;
 * spaces, missing or other schemes and unparsable values are reported.
 */
export function checkUrl(value: string): ValueCheck {
  return finalizeCheck(value, inspectUrl(value), inspectUrl);
}
