import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { LICENSES } from '../licenses.ts';

export const licenseList = defineAction({
  name: 'license_list',
  description: 'Return the licences a dataset can carry, with Japanese and English titles.',
  input: z.strictObject({}),
  readOnly: true,
  auth: 'anyone',
  example: {},
  run: async () =>
    LICENSES.map((l) => ({
      id: l.id,
      title: l.title,
      title_en: l.title_en,
      url: l.url,
      od_conformance: l.od_conformance,
      osd_conformance: 'not reviewed',
      domain_content: true,
      domain_data: true,
      domain_software: false,
      family: '',
      is_generic: l.id === 'other',
      is_okd_compliant: l.is_open,
      is_osi_compliant: false,
      maintainer: '',
      status: 'active',
    })),
});
