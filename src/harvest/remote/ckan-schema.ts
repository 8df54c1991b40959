import { z } from 'zod';

/**
 * The shapes s5 relies on in a remote CKAN's answers. Remote dicts carry many more keys (and
 * plugins add their own), so objects are loose; what is declared must have the right type.
 */
const optionalText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => v ?? '');

export const remoteResource = z.looseObject({
  id: z.string().min(1).max(200),
  url: optionalText,
  name: optionalText,
  description: optionalText,
  format: optionalText,
});

export const remotePackage = z.looseObject({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  metadata_modified: z.string().min(10).max(40),
  title: optionalText,
  notes: optionalText,
  license_id: optionalText,
  author: optionalText,
  author_email: optionalText,
  maintainer: optionalText,
  maintainer_email: optionalText,
  version: optionalText,
  url: optionalText,
  private: z.boolean().optional(),
  state: z.string().optional(),
  type: z.string().nullable().optional(),
  tags: z
    .array(z.looseObject({ name: z.string() }))
    .nullable()
    .optional()
    .transform((v) => v ?? []),
  extras: z
    .array(z.looseObject({ key: z.string(), value: z.unknown() }))
    .nullable()
    .optional()
    .transform((v) => v ?? []),
  resources: z
    .array(remoteResource)
    .nullable()
    .optional()
    .transform((v) => v ?? []),
});
export type RemotePackage = z.output<typeof remotePackage>;

/** A listing entry: what `fl=id,name` returns, and a subset of every full dict. */
export const remoteListed = z.looseObject({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
});

/** package_search's result; each result is checked on its own so one bad dict is one error. */
export const searchResult = z.looseObject({
  count: z.number().int().min(0),
  results: z.array(z.unknown()),
});

/** A CKAN error envelope (`success: false`), e.g. a 409 naming the parameter it refused. */
export const errorEnvelope = z.looseObject({
  success: z.literal(false),
  error: z.record(z.string(), z.unknown()),
});
