/**
 * Outbound HTTP for the server (resource URL registration, harvesting, JSON-LD contexts): every
 * request goes through `safeFetch`, which refuses loopback, private and metadata addresses
 * unless explicitly allowed. Other folders import only from here.
 */
export { checkFetchUrl, type FetchRefusal } from './check-url.ts';
export { type AddressClass, classifyAddress } from './classify-address.ts';
export { type SafeFetchOptions, type SafeResponse, safeFetch } from './safe-fetch.ts';
