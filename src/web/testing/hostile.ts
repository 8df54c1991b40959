import { siteActor } from '../../catalog/index.ts';
import type { Platform } from '../../platform/index.ts';

/** Markup and script an attacker might put in published text. */
export const HOSTILE = {
  title: '<script>alert("title")</script>"><img src=x onerror=alert(1)>',
  notes:
    '# 見出し\n\n<script>alert("notes")</script>\n\n<img src=x onerror=alert(2)>\n\n' +
    '[クリック](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) ' +
    '<a href="javascript:alert(4)">raw link</a> ![画像](https://evil.example/x.png) ' +
    '[正常なリンク](https://example.jp/ok)',
  resourceName: '"><svg onload=alert(5)>',
  cell: '<script>alert("cell")</script>',
};

/** A public dataset of 札幌市 whose title, notes, resource and table rows are all hostile. */
export async function createHostileDataset(
  p: Platform,
): Promise<{ name: string; resourceId: string }> {
  const pkg = (await p.call(
    'package_create',
    {
      name: 'hostile',
      title: HOSTILE.title,
      notes: HOSTILE.notes,
      owner_org: 'sapporo-shi',
      license_id: 'cc-by-4.0',
    },
    siteActor,
  )) as { id: string; name: string };
  const table = (await p.call(
    'datastore_create',
    {
      resource: { package_id: pkg.id, name: HOSTILE.resourceName },
      fields: [
        { id: '名称', type: 'text' },
        { id: '備考', type: 'text' },
      ],
      records: [
        { 名称: HOSTILE.cell, 備考: '"><img src=x onerror=alert(6)>' },
        { 名称: '普通の行', 備考: 'javascript:alert(7)' },
      ],
    },
    siteActor,
  )) as { resource_id: string };
  return { name: pkg.name, resourceId: table.resource_id };
}
