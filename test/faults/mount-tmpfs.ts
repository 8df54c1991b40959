import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/**
 * Mounts a small tmpfs (a disk that fills up) at `dir`; returns why not when this machine
 * cannot (not root, or mounting is not allowed in this container), so the test can skip.
 */
export function mountTmpfs(dir: string, bytes: number): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root to mount a small tmpfs';
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], {
    encoding: 'utf8',
  });
  return r.status === 0 ? undefined : `mount failed: ${r.stderr.trim() || r.error?.message}`;
}

export function unmount(dir: string): void {
  spawnSync('umount', ['-l', dir]);
}

/** Whether this machine can mount a tmpfs (probed once, at a throwaway path). */
export function tmpfsUnavailable(probeDir: string): string | undefined {
  const why = mountTmpfs(probeDir, 64 * 1024);
  if (why === undefined) unmount(probeDir);
  return why;
}
