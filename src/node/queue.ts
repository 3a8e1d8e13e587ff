import { createHash } from 'node:crypto';
import type { RunFailure } from '../experiment/runBatch.js';
import { addRunInPlace, createEnsembleAccumulator, type EnsembleAccumulator } from '../experiment/ensembleAccumulator.js';
import { buildEnsembleSummary, EXACT_QUANTILE_LIMIT, scenarioHash, validScenario } from '../experiment/simulate.js';
import { EVENT_IDS, OBSERVABLE_IDS } from '../model/observables.js';
import type { EnsembleRun } from './runEnsemble.js';
import { EnsembleInterrupted, RunFailedError } from './runEnsemble.js';
import { checkBatchTask, computeBatch, type BatchTask } from './worker.js';
import { maskSecrets } from './maskSecrets.js';
import { eachRunOfBatch } from './eachRunOfBatch.js';

/** The BullMQ queue resurgence uses unless told otherwise. */
export const DEFAULT_QUEUE = 'resurgence';

/** A batch's result as JSON (what a queue worker returns): typed arrays as plain arrays. */
interface SerializedBatch {
  readonly firstRun: number;
  readonly count: number;
  readonly results: { run: number; series: number[]; eventMonths: number[] }[];
  readonly failures: RunFailure[];
}

/** Options of {@link runEnsembleOnQueue}. */
export interface QueueEnsembleOptions {
  /** Redis URL, e.g. redis://127.0.0.1:6379. */
  readonly redis: string;
  readonly runs?: number;
  readonly seed?: number | string;
  readonly firstRun?: number;
  /** Runs per job. Default 20. */
  readonly batchSize?: number;
  readonly queue?: string;
  readonly failFast?: boolean;
  readonly injectFailures?: readonly number[];
  readonly onProgress?: (done: number, total: number) => void;
  /** Abort: the ensemble's jobs are removed from the queue and the call rejects with `EnsembleInterrupted`. */
  readonly signal?: AbortSignal;
  /**
   * How long Redis may stay unreachable before the ensemble fails with a {@link QueueError}, ms.
   * Default 60,000. (A Redis that restarts within it is reconnected to; jobs it lost are enqueued again.)
   */
  readonly unreachableTimeoutMs?: number;
  /** How often each job's state is checked, ms. Default 250. */
  readonly pollMs?: number;
  /** One-line notices for people (Redis unreachable, reconnected, jobs enqueued again, no workers); secrets masked. */
  readonly onNotice?: (line: string) => void;
}

/**
 * A queue problem caused by the environment — Redis unreachable, refusing the password, losing
 * contact for too long, a job that failed on every attempt — with a one-line message saying what
 * to do (the URL's password masked). Not a bug: the CLI prints it without a stack, exit 1.
 */
export class QueueError extends Error {
  override readonly name = 'QueueError';
  /** Marks the message as safe to show as is. */
  readonly userFacing = true;
}

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  readonly redis: string;
  readonly queue?: string;
  /** Jobs processed at once by this process. Default 1 (start one process per core). */
  readonly concurrency?: number;
  /**
   * How long a job's lock lasts without renewal, ms. A worker that dies loses its lock after this
   * long and BullMQ hands the job to another worker. Default 30,000 (BullMQ's).
   */
  readonly lockDuration?: number;
  /** How often workers look for jobs whose worker died, ms. Default 30,000 (BullMQ's). */
  readonly stalledInterval?: number;
  /** One-line notices for people (lost contact, reconnected); secrets masked. */
  readonly onNotice?: (line: string) => void;
}

async function loadBullmq() {
  try {
    const [bullmq, ioredis] = await Promise.all([import('bullmq'), import('ioredis')]);
    return { ...bullmq, Redis: ioredis.Redis };
  } catch {
    throw new Error('the queue backend needs the optional packages bullmq and ioredis: npm install bullmq ioredis');
  }
}

/**
 * What a Redis connection error means for people: a refused or missing password is named as
 * such (ioredis reports it as "WRONGPASS …", "NOAUTH …" or, after the server closes the socket,
 * "Connection is closed").
 */
export function describeRedisError(url: string, error: unknown): string {
  const at = `Redis at ${maskSecrets(url)}`;
  const message = error instanceof Error ? error.message : String(error);
  if (/WRONGPASS|invalid username-password|invalid password/i.test(message)) {
    return `${at} refused the password (wrong user or password): check the URL, redis://[user]:PASSWORD@host:port`;
  }
  if (/NOAUTH|Authentication required/i.test(message)) {
    return `${at} needs a password: give it in the URL, redis://:PASSWORD@host:port`;
  }
  if (/without any password configured|AUTH.*no password is set/i.test(message)) {
    return `${at} has no password set, but the URL gives one: remove it from the URL`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED') return `${at} refused the connection: is redis-server running there, and is the port right?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${at}: the host name was not found`;
  return `cannot connect to ${at}: ${maskSecrets(message.split('\n')[0] ?? '')}`;
}

async function connect(url: string) {
  const { Redis } = await loadBullmq();
  // BullMQ needs maxRetriesPerRequest: null for blocking commands.
  const connection = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, retryStrategy: (times: number) => Math.min(times * 200, 2000) });
  // Connection errors surface through connect() and the commands that fail; without a listener
  // ioredis would also print each one as an "unhandled error event". The last one is kept to
  // explain a failed connect (an AUTH error arrives here, connect() only says the socket closed).
  let lastError: unknown;
  connection.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    await connection.connect();
    await connection.ping();
  } catch (error) {
    connection.disconnect();
    const cause = lastError !== undefined && /closed/i.test(String((error as Error)?.message)) ? lastError : error;
    throw new QueueError(describeRedisError(url, cause));
  }
  return connection;
}

/** Resolves to `promise`'s value, or to `fallback` after `ms` (the promise keeps running). */
function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<F>((resolve) => {
      timer = setTimeout(() => resolve(fallback), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * A queue worker: takes batches of runs from Redis (BullMQ), computes them and returns their
 * series. Start as many as you like, on any machine that reaches the Redis server; a worker that
 * dies mid-batch loses its lock and the batch goes to another worker. Resolves to a `close()`.
 *
 * @example
 * const worker = await startQueueWorker({ redis: 'redis://127.0.0.1:6379' });
 * // … later: await worker.close();
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<{ close(): Promise<void> }> {
  const { Worker } = await loadBullmq();
  const connection = await connect(options.redis);
  const worker = new Worker(
    options.queue ?? DEFAULT_QUEUE,
    async (job) => {
      // Job data comes from Redis, where anyone with access may write: the task is checked (run
      // counts within budget) and its scenario parsed again by computeBatch before anything runs.
      const result = computeBatch(checkBatchTask(job.data));
      const serialized: SerializedBatch = {
        firstRun: result.firstRun,
        count: result.count,
        results: result.results.map((r) => ({ run: r.run, series: Array.from(r.series), eventMonths: Array.from(r.eventMonths) })),
        failures: result.failures,
      };
      return serialized;
    },
    {
      connection,
      concurrency: options.concurrency ?? 1,
      ...(options.lockDuration === undefined ? {} : { lockDuration: options.lockDuration }),
      ...(options.stalledInterval === undefined ? {} : { stalledInterval: options.stalledInterval }),
      maxStalledCount: 10,
    },
  );
  // Reconnect noise: one line per outage, not a stack trace per retry.
  let down = false;
  worker.on('error', (error: Error) => {
    if (down) return;
    down = true;
    options.onNotice?.(`lost contact with ${describeRedisError(options.redis, error).replace(/^cannot connect to /, '')}; reconnecting…`);
  });
  connection.on('ready', () => {
    if (!down) return;
    down = false;
    options.onNotice?.(`reconnected to Redis at ${maskSecrets(options.redis)}`);
  });
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}

/**
 * Runs an ensemble through a Redis queue: enqueues one job per batch of runs (job ids derived
 * from the ensemble, so a batch is never enqueued twice), waits for queue workers
 * ({@link startQueueWorker}, `resurgence worker --redis URL`) to compute them, and folds their
 * results in run order: the summary is bit-identical to a local run. A batch whose worker died is
 * retried by another worker and still counted once.
 */
export async function runEnsembleOnQueue(scenario: unknown, options: QueueEnsembleOptions): Promise<EnsembleRun> {
  const { Queue, Job } = await loadBullmq();
  const valid = validScenario(scenario);
  const runs = options.runs ?? valid.scenario.runs ?? 1000;
  const seed = options.seed ?? valid.scenario.seed ?? 1;
  const firstRun = options.firstRun ?? 0;
  const batchSize = options.batchSize ?? 20;
  const queueName = options.queue ?? DEFAULT_QUEUE;
  const unreachableTimeout = options.unreachableTimeoutMs ?? 60_000;
  const pollMs = options.pollMs ?? 250;
  const notice = (line: string) => options.onNotice?.(maskSecrets(line));
  const ensembleId = createHash('sha256')
    .update(JSON.stringify({ scenario: scenarioHash(valid), seed, runs, firstRun, batchSize, inject: options.injectFailures ?? [] }))
    .digest('hex')
    .slice(0, 16);
  const connection = await connect(options.redis);
  const queue = new Queue(queueName, { connection });
  queue.on('error', () => undefined); // reported once, as a notice, by the polling below
  const accumulator: EnsembleAccumulator = createEnsembleAccumulator({
    observables: OBSERVABLE_IDS,
    events: EVENT_IDS,
    months: valid.scenario.months,
    exactQuantileLimit: EXACT_QUANTILE_LIMIT,
  });
  const failures: RunFailure[] = [];
  const tasks = new Map<string, BatchTask>();
  const ids: string[] = [];
  for (let start = firstRun; start < firstRun + runs; start += batchSize) {
    const id = `${ensembleId}-${start}`;
    ids.push(id);
    tasks.set(id, {
      scenario: valid.scenario,
      seed,
      firstRun: start,
      count: Math.min(batchSize, firstRun + runs - start),
      injectFailures: (options.injectFailures ?? []).filter((run) => run >= start && run < start + batchSize),
    });
  }
  const enqueue = (id: string) => queue.add('batch', tasks.get(id) as BatchTask, { jobId: id, attempts: 3, removeOnComplete: false, removeOnFail: false });
  // Every Redis call is bounded: while Redis is unreachable, ioredis queues commands forever.
  let lastContact = Date.now();
  let unreachable = false;
  const call = async <T>(what: () => Promise<T>): Promise<T> => {
    for (;;) {
      if (options.signal?.aborted) throw new EnsembleInterrupted(nextRun, undefined);
      const MISSED = Symbol('missed');
      const value = await within(what().catch(() => MISSED), Math.max(1000, pollMs * 4), MISSED);
      if (value !== MISSED) {
        if (unreachable) notice(`reconnected to Redis at ${options.redis}`);
        unreachable = false;
        lastContact = Date.now();
        return value as T;
      }
      if (!unreachable) notice(`Redis at ${options.redis} is unreachable; retrying for up to ${Math.round(unreachableTimeout / 1000)} s…`);
      unreachable = true;
      if (Date.now() - lastContact > unreachableTimeout) {
        throw new QueueError(
          `lost contact with Redis at ${maskSecrets(options.redis)} for ${Math.round(unreachableTimeout / 1000)} s: the ensemble stopped (nothing was saved); run it again once Redis is back`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };
  let nextRun = firstRun;
  let reenqueued = 0;
  let warnedNoWorkers = false;
  try {
    for (const id of ids) await call(() => enqueue(id));
    let done = 0;
    for (const id of ids) {
      let waitedSince = Date.now();
      // Heartbeat: poll the job's state (bounded calls); a job Redis lost is enqueued again.
      for (;;) {
        const state = await call(() => queue.getJobState(id));
        if (state === 'completed') break;
        if (state === 'failed') {
          const job = await call(() => Job.fromId(queue, id));
          throw new QueueError(`batch ${id} failed on every attempt: ${String(job?.failedReason ?? 'no reason given').split('\n')[0]}`);
        }
        if (state === 'unknown') {
          reenqueued++;
          notice(`job ${id} is missing from the queue (did Redis restart without its data?): enqueued it again`);
          await call(() => enqueue(id));
          waitedSince = Date.now();
          if (reenqueued > ids.length * 3) throw new QueueError(`the queue keeps losing jobs (${reenqueued} enqueued again): check the Redis server's memory policy and persistence`);
        }
        if (!warnedNoWorkers && Date.now() - waitedSince > 10_000) {
          const workers = await call(() => queue.getWorkers());
          if (workers.length === 0) {
            warnedNoWorkers = true;
            notice(`no worker is connected to queue "${queueName}": start one with resurgence worker --redis URL`);
          }
        }
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
      // Read the result from Redis after completion (a Job fetched before it completed keeps a
      // stale null returnvalue).
      const job = await call(() => Job.fromId(queue, id));
      const batch = job?.returnvalue as SerializedBatch | null | undefined;
      if (batch === null || batch === undefined) {
        notice(`job ${id} completed without a result: enqueued it again`);
        await call(async () => (await job?.remove()) ?? null);
        await call(() => enqueue(id));
        continue;
      }
      eachRunOfBatch(
        batch,
        (result) => {
          addRunInPlace(accumulator, { series: Float64Array.from(result.series), eventMonths: Int32Array.from(result.eventMonths) });
          nextRun = result.run + 1;
          options.onProgress?.(++done, runs);
        },
        (failure) => {
          if (options.failFast) throw new RunFailedError(failure);
          failures.push(failure);
          nextRun = failure.run + 1;
          options.onProgress?.(++done, runs);
        },
      );
      await call(async () => (await job?.remove()) ?? null);
    }
  } catch (error) {
    if (error instanceof EnsembleInterrupted || error instanceof QueueError || error instanceof RunFailedError) {
      // Cancel the ensemble's jobs that no worker has taken yet (best effort, bounded).
      await within(Promise.allSettled(ids.map((id) => queue.remove(id))), 3000, undefined);
    }
    if (error instanceof EnsembleInterrupted) throw new EnsembleInterrupted(nextRun, undefined, 'its jobs were removed from the queue');
    throw error;
  } finally {
    await within(queue.close(), 3000, undefined);
    connection.disconnect();
  }
  return {
    summary: buildEnsembleSummary(valid, { seed, runs, firstRun }, accumulator, failures),
    accumulator,
    failures,
    computedRuns: runs,
  };
}
