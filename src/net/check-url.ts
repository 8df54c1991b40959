import { AppError } from '../core/errors.ts';
import { type AddressClass, classifyAddress } from './classify-address.ts';

/** Why a URL may not be fetched; in `details.reason` of the AppError, for callers and tests. */
export type FetchRefusal =
  | 'bad_url'
  | 'scheme'
  | 'credentials'
  | 'private_address'
  | 'dns'
  | 'connect'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'bad_redirect'
  | 'invalid_json';

/** The AppError of a refused or failed fetch: bad_request, with a bilingual message. */
export function fetchError(
  reason: FetchRefusal,
  ja: string,
  en: string,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError('bad_request', `${ja} / ${en}`, { details: { reason, ...extra } });
}

/**
 * Parses a URL a server-side fetch may request: http or https, no user name or password, a host.
 * A literal IP host must be public unless `allowPrivate` (host names are checked after DNS).
 * @throws AppError bad_request (details.reason: bad_url, scheme, credentials, private_address)
 */
export function checkFetchUrl(
  raw: string,
  allowPrivate: boolean,
  classify: (address: string) => AddressClass = classifyAddress,
): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fetchError('bad_url', 'URLの形式が正しくありません', 'The URL is not valid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw fetchError(
      'scheme',
      `http または https の URL だけを取得できます（${url.protocol}）`,
      `Only http and https URLs can be fetched, not ${url.protocol}`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw fetchError(
      'credentials',
      'URLに利用者名やパスワードを含めることはできません',
      'The URL must not contain a user name or password',
    );
  }
  if (url.hostname === '') throw fetchError('bad_url', 'URLにホストがありません', 'No host');
  const literal = classify(url.hostname);
  if (literal !== 'invalid' && !allowPrivate) refuseUnlessPublic(url.hostname, literal);
  return url;
}

/**
 * @throws AppError bad_request (private_address) for an address that is not public.
 */
export function refuseUnlessPublic(host: string, kind: AddressClass): void {
  if (kind === 'public') return;
  throw fetchError(
    'private_address',
    `${host} は内部ネットワークのアドレス（${kind}）を指すため取得できません`,
    `${host} points to a non-public address (${kind}) and cannot be fetched`,
    { address_class: kind },
  );
}
