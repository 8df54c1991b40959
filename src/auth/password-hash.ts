import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt cost parameters. N=2^15, r=8, p=3 is one of OWASP's equivalent minimums: 32 MiB per
 * hash (p lanes run one after another), so a burst of logins cannot exhaust the server's memory
 * the way N=2^17 (128 MiB each) could. Stored with every hash, so they can be raised later.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PREFIX = 'scrypt';

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128·N·r bytes plus a little; Node's default (32 MiB) is just too small.
    const maxmem = 256 * params.N * params.r;
    scrypt(normalize(password), salt, KEY_BYTES, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * NIST SP 800-63B §5.1.1.2: passwords are compared after NFKC, so a password typed with
 * full-width letters on a Japanese keyboard matches the same password typed half-width.
 */
function normalize(password: string): string {
  return password.normalize('NFKC');
}

/**
 * Hashes a password with scrypt and a fresh random salt. The result carries its parameters:
 * `scrypt$N$r$p$<salt base64>$<key base64>`.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return [PREFIX, N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (N === undefined || r === undefined || p === undefined) return null;
  // Refuse absurd parameters from a tampered row rather than let them stall the server.
  const sane = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;
  if (!sane(N, 2 ** 20) || !sane(r, 32) || !sane(p, 16) || salt.length === 0 || key.length === 0)
    return null;
  return { N, r, p, salt, key };
}

/**
 * Whether `password` matches a stored hash, compared in constant time. A malformed hash never
 * matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** Whether a stored hash was made with weaker parameters than today's (rehash at next login). */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return (
    !parsed ||
    parsed.N < SCRYPT_PARAMS.N ||
    parsed.r < SCRYPT_PARAMS.r ||
    parsed.p < SCRYPT_PARAMS.p ||
    parsed.key.length < KEY_BYTES
  );
}

/**
 * A hash of no one's password, verified when the user name is unknown so that a login for a
 * missing user takes as long as one with a wrong password (no user enumeration by timing).
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
