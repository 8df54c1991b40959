import { createHash } from 'node:crypto';
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
} from 'node:fs';
import path from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

/** Every stored file under a content-addressed folder (`ab/cd/<sha256>`), by hash. */
export function listStoredFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const a of readdirSync(dir)) {
    if (!/^[0-9a-f]{2}$/.test(a)) continue; // `tmp/` holds uploads in flight, not files
    for (const b of readdirSync(path.join(dir, a))) {
      for (const name of readdirSync(path.join(dir, a, b))) {
        if (SHA256.test(name)) out.set(name, path.join(dir, a, b, name));
      }
    }
  }
  return out;
}

/** Where a hash lives in a content-addressed folder. */
export function storedPath(dir: string, sha256: string): string {
  return path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Copies one file unless the target already holds it (content-addressed: same name, same bytes). */
export function copyStoredFile(from: string, dir: string, sha256: string): boolean {
  const target = storedPath(dir, sha256);
  if (existsSync(target)) return false;
  mkdirSync(path.dirname(target), { recursive: true });
  const part = `${target}.part`;
  copyFileSync(from, part);
  // Rename last, so an interrupted copy never leaves a file under its final name.
  renameSync(part, target);
  return true;
}

/** Whether a file's bytes still hash to its name. */
export async function hashMatches(file: string, sha256: string): Promise<boolean> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex') === sha256;
}
