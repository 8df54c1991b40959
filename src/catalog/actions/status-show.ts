import { z } from 'zod';
import { defineAction } from '../../core/action.ts';

/** The CKAN version s5 answers as: clients check it to pick their code paths. */
export const CKAN_COMPAT_VERSION = '2.10.4';

export const statusShow = defineAction({
  name: 'status_show',
  description: 'Return the site title, URL and the CKAN API version s5 is compatible with.',
  input: z.strictObject({}),
  readOnly: true,
  auth: 'anyone',
  example: {},
  run: async (ctx) => ({
    site_title: ctx.site.siteTitle,
    site_url: ctx.site.siteUrl,
    site_description: '',
    ckan_version: CKAN_COMPAT_VERSION,
    locale_default: 'ja',
    extensions: ['s5'],
  }),
});
