import { createHash } from 'node:crypto';
import type { RunFailure } from '../experiment/runBatch.js';
import { addRunInPlace, createEnsembleAccumulator, type EnsembleAccumulator } from '../experiment/ensembleAccumulator.js';
import { buildEnsembleSummary, EXACT_QUANTILE_LIMIT, scenarioHash, validScenario } from '../experiment/simulate.js';
import { EVENT_IDS, OBSERVABLE_IDS } from '../model/observables.js';
import type { EnsembleRun } from './runEnsemble.js';
import { RunFailedError } from './runEnsemble.js';
import { computeBatch, type BatchTask } from './worker.js';
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
}

async function loadBullmq() {
  try {
    const [bullmq, ioredis] = await Promise.all([import('bullmq'), import('ioredis')]);
    return { ...bullmq, Redis: ioredis.Redis };
  } catch {
    throw new Error('the queue backend needs the optional packages bullmq and ioredis: npm install bullmq ioredis');
  }
}

async function connect(url: string) {
  const { Redis } = await loadBullmq();
  // BullMQ needs maxRetriesPerRequest: null for blocking commands.
  const connection = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  // Connection errors surface through connect() and the commands that fail; without a listener
  // ioredis would also print each one as an "unhandled error event".
  connection.on('error', () => undefined);
  try {
    await connection.connect();
  } catch (error) {
    connection.disconnect();
    throw new Error(`cannot connect to Redis at ${url}: ${(error as Error).message}`);
  }
  return connection;
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
      const result = computeBatch(job.data as BatchTask);
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
  const { Queue, QueueEvents, Job } = await loadBullmq();
  const valid = validScenario(scenario);
  const runs = options.runs ?? valid.scenario.runs ?? 1000;
  const seed = options.seed ?? valid.scenario.seed ?? 1;
  const firstRun = options.firstRun ?? 0;
  const batchSize = options.batchSize ?? 20;
  const queueName = options.queue ?? DEFAULT_QUEUE;
  const ensembleId = createHash('sha256')
    .update(JSON.stringify({ scenario: scenarioHash(valid), seed, runs, firstRun, batchSize, inject: options.injectFailures ?? [] }))
    .digest('hex')
    .slice(0, 16);
  const connection = await connect(options.redis);
  const eventsConnection = await connect(options.redis);
  const queue = new Queue(queueName, { connection });
  const events = new QueueEvents(queueName, { connection: eventsConnection });
  await events.waitUntilReady();
  const accumulator: EnsembleAccumulator = createEnsembleAccumulator({
    observables: OBSERVABLE_IDS,
    events: EVENT_IDS,
    months: valid.scenario.months,
    exactQuantileLimit: EXACT_QUANTILE_LIMIT,
  });
  const failures: RunFailure[] = [];
  try {
    const ids: string[] = [];
    for (let start = firstRun; start < firstRun + runs; start += batchSize) {
      const task: BatchTask = {
        scenario: valid.scenario,
        seed,
        firstRun: start,
        count: Math.min(batchSize, firstRun + runs - start),
        injectFailures: (options.injectFailures ?? []).filter((run) => run >= start && run < start + batchSize),
      };
      const id = `${ensembleId}-${start}`;
      await queue.add('batch', task, { jobId: id, attempts: 3, removeOnComplete: false, removeOnFail: false });
      ids.push(id);
    }
    let done = 0;
    for (const id of ids) {
      let job = await Job.fromId(queue, id);
      if (!job) throw new Error(`job ${id} vanished from the queue`);
      if (!(await job.isCompleted())) await job.waitUntilFinished(events);
      // Read the result from Redis after completion: a Job fetched before it completed keeps a
      // stale null returnvalue, and a completion event raced by a killed worker's retry can
      // carry none (seen once in CI as "Cannot read properties of null").
      job = await Job.fromId(queue, id);
      const batch = job?.returnvalue as SerializedBatch | null | undefined;
      if (batch === null || batch === undefined) throw new Error(`job ${id} completed without a result`);
      eachRunOfBatch(
        batch,
        (result) => {
          addRunInPlace(accumulator, { series: Float64Array.from(result.series), eventMonths: Int32Array.from(result.eventMonths) });
          options.onProgress?.(++done, runs);
        },
        (failure) => {
          if (options.failFast) throw new RunFailedError(failure);
          failures.push(failure);
          options.onProgress?.(++done, runs);
        },
      );
      await job?.remove();
    }
  } finally {
    await events.close();
    await queue.close();
    connection.disconnect();
    eventsConnection.disconnect();
  }
  return {
    summary: buildEnsembleSummary(valid, { seed, runs, firstRun }, accumulator, failures),
    accumulator,
    failures,
    computedRuns: runs,
  };
}
