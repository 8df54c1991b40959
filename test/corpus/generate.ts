// Writes the corpus to test/corpus/generated/ for inspection with other tools:
// `node --import tsx test/corpus/generate.ts` → one file per file case and manifest.json with
// every case (files and requests) and its expected outcome. The test builds the same cases in
// memory, so nothing generated is committed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileCases } from './file-cases.ts';
import { requestCases } from './request-cases.ts';

const out = path.join(import.meta.dirname, 'generated');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = fileCases().map((c) => {
  const name = `${c.id}${path.extname(c.fileName) || '.bin'}`;
  writeFileSync(path.join(out, name), c.bytes);
  return { id: c.id, what: c.what, file: name, bytes: c.bytes.length, expect: c.expect };
});
const requests = requestCases().map((c) => ({ id: c.id, what: c.what, status: c.status }));
writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify({ files, requests }, null, 2)}\n`);
process.stdout.write(
  `corpus: ${files.length} files and ${requests.length} requests written to ${out}\n`,
);
