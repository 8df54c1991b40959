import { z } from 'zod';

/** Shortest password accepted, in characters (code points, so 12 kanji count as 12). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted: long enough for any passphrase, short enough to hash cheaply. */
export const MAX_PASSWORD_LENGTH = 1024;

/** A new password: 12–1024 characters. */
export const passwordParam = z
  .string({ error: 'Missing value' })
  .refine((s) => [...s].length >= MIN_PASSWORD_LENGTH, {
    message: `Must be at least ${MIN_PASSWORD_LENGTH} characters`,
  })
  .refine((s) => [...s].length <= MAX_PASSWORD_LENGTH, {
    message: `Must be at most ${MAX_PASSWORD_LENGTH} characters`,
  });

/** A password being checked (not chosen): any length up to the maximum. */
export const givenPasswordParam = z.string().max(MAX_PASSWORD_LENGTH * 4);
