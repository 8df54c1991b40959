import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkFetchUrl, classifyAddress } from '../../net/index.ts';

/**
 * POSTs a notification with the same SSRF rules as src/net's safeFetch (which only GETs): the
 * URL is checked, the host resolved here, every address must be public unless `allowPrivate`,
 * and the connection goes to the checked address. No redirects are followed. Resolves with the
 * HTTP status; rejects on a refused URL, a network error or the timeout.
 */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  o: { allowPrivate: boolean; timeoutMs: number },
): Promise<number> {
  const target = checkFetchUrl(url, o.allowPrivate);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let address = host;
  let family: 4 | 6 = host.includes(':') ? 6 : 4;
  if (classifyAddress(host) === 'invalid') {
    const answers = await dnsLookup(host, { all: true, verbatim: true });
    const first = answers[0];
    if (!first) throw new Error(`${host} does not resolve`);
    for (const a of answers) {
      const kind = classifyAddress(a.address);
      if (kind !== 'public' && !o.allowPrivate)
        throw new Error(`${host} resolves to a non-public address (${kind})`);
    }
    address = first.address;
    family = first.family === 6 ? 6 : 4;
  }
  const lookup: LookupFunction = (_h, opts, cb) => {
    if (opts.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  };
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<number>((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup,
        agent: false,
        timeout: o.timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    const timer = setTimeout(
      () => req.destroy(new Error(`no answer in ${o.timeoutMs} ms`)),
      o.timeoutMs,
    );
    req.on('close', () => clearTimeout(timer));
    req.on('error', reject);
    req.end(body);
  });
}
