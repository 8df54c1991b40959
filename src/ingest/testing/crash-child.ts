/**
 * The child process of the crash test (`crash.test.ts`): opens the platform the parent prepared
 * and runs one queued ingest job, printing each progress report as a JSON line on stdout so the
 * parent can kill it mid-load. Usage: `node --import tsx crash-child.ts '<setup JSON>' <job id>`.
 */
import { runQueuedJob } from '../index.ts';
import { type CrashSetup, openCrashPlatform } from './crash-platform.ts';

const setup = JSON.parse(process.argv[2] ?? '{}') as CrashSetup;
const jobId = process.argv[3] ?? '';
const p = await openCrashPlatform(setup, false);
const run = await runQueuedJob({ db: p.db, files: p.files, now: () => new Date() }, jobId, {
  onProgress: (_job, progress) => process.stdout.write(`${JSON.stringify(progress)}\n`),
});
process.stdout.write(
  `${JSON.stringify({ phase: 'finished', state: run?.job.state ?? 'not queued' })}\n`,
);
await p.close();
