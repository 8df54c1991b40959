import { z } from 'zod';

/**
 * Zod pieces for CKAN-style parameters: GET requests carry every value as a string, so
 * numbers, booleans and JSON lists must also be accepted in their string form.
 */
export const ckanBool = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const s = v.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(s)) return true;
    if (['false', '0', 'no', 'off', ''].includes(s)) return false;
    return v;
  },
  z.boolean({ error: 'must be true or false' }),
);

export function ckanInt(min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
    z
      .number({ error: 'must be an integer' })
      .int('must be an integer')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`),
  );
}

/** A list given as a JSON array, a JSON string of one, or (GET) a single string. */
export function ckanList<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const s = v.trim();
      if (s.startsWith('[')) {
        try {
          return JSON.parse(s);
        } catch {
          return v;
        }
      }
      return s === '' ? [] : [s];
    },
    z.array(item, { error: 'must be a list' }),
  );
}

/** A bounded string: every free-text field has a maximum length so no request can bloat storage. */
export function text(max: number) {
  return z.string({ error: 'must be a string' }).max(max, `must be at most ${max} characters`);
}

/** CKAN's name rule for datasets, organizations and groups. */
export const ckanName = z
  .string({ error: 'must be a string' })
  .min(2, 'Must be at least 2 characters long')
  .max(100, 'Name must be a maximum of 100 characters long')
  .regex(
    /^[a-z0-9_-]+$/,
    'Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_',
  );
