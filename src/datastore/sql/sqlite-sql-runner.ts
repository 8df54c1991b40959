import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors.ts';
import { sqlRefusals } from './sql-result.ts';
import type { SqliteSqlReply, SqliteSqlRequest } from './sqlite-sql-protocol.ts';

const CHILD = fileURLToPath(new URL('./sqlite-sql-child.ts', import.meta.url));
/** Queries waiting beyond this are refused rather than queued without end. */
const MAX_WAITING = 32;

interface Job {
  readonly request: Omit<SqliteSqlRequest, 'id'>;
  readonly timeoutMs: number;
  resolve(reply: SqliteSqlReply): void;
  reject(error: unknown): void;
}

/**
 * Runs SQLite queries one at a time in a child process and kills it when a query outlives its
 * timeout (a synchronous SQLite call cannot be interrupted from JavaScript, not even in a worker
 * thread). The child is started on first use and again after a kill; while idle it does not keep
 * the parent process alive.
 */
class SqliteSqlRunner {
  #child: ChildProcess | null = null;
  #waiting: Job[] = [];
  #current: { job: Job; id: number; timer: NodeJS.Timeout } | null = null;
  #nextId = 1;

  run(request: Omit<SqliteSqlRequest, 'id'>, timeoutMs: number): Promise<SqliteSqlReply> {
    if (this.#waiting.length >= MAX_WAITING) return Promise.reject(sqlRefusals.busy());
    return new Promise((resolve, reject) => {
      this.#waiting.push({ request, timeoutMs, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#current) return;
    const job = this.#waiting.shift();
    const child = this.#child;
    if (!job) {
      child?.unref();
      child?.channel?.unref();
      return;
    }
    const running = child ?? this.#start();
    running.ref();
    running.channel?.ref();
    const id = this.#nextId++;
    const timer = setTimeout(() => this.#kill(sqlRefusals.timeout()), job.timeoutMs);
    this.#current = { job, id, timer };
    running.send({ ...job.request, id } satisfies SqliteSqlRequest);
  }

  #start(): ChildProcess {
    const child = fork(CHILD, [], {
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.on('message', (reply: SqliteSqlReply) => this.#finish(reply));
    child.on('exit', () => {
      if (this.#child !== child) return;
      this.#child = null;
      if (this.#current) this.#kill(new AppError('internal', 'the SQL process stopped'));
    });
    this.#child = child;
    return child;
  }

  #finish(reply: SqliteSqlReply): void {
    const current = this.#current;
    if (!current || reply.id !== current.id) return;
    clearTimeout(current.timer);
    this.#current = null;
    current.job.resolve(reply);
    this.#pump();
  }

  #kill(error: unknown): void {
    const current = this.#current;
    const child = this.#child;
    this.#current = null;
    this.#child = null;
    child?.kill('SIGKILL');
    if (current) {
      clearTimeout(current.timer);
      current.job.reject(error);
    }
    this.#pump();
  }
}

const runner = new SqliteSqlRunner();

/** Runs one query in the shared child process. @throws AppError validation on timeout or overload. */
export function runInSqliteChild(
  request: Omit<SqliteSqlRequest, 'id'>,
  timeoutMs: number,
): Promise<SqliteSqlReply> {
  return runner.run(request, timeoutMs);
}
