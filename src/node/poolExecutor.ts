import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { RunExecutor, RunTask } from '../experiment/executor.js';
import type { RunResult } from '../experiment/runOnce.js';
import type { BatchResult, BatchTask } from './worker.js';

/** Where the built worker script is: beside this bundle in dist/, or dist/ when run from source. */
export function workerFilename(): string {
  for (const candidate of ['./worker.js', '../../dist/worker.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('cannot find the worker script dist/worker.js: run `npm run build` first');
}

/** Options of {@link poolExecutor}. */
export interface PoolExecutorOptions {
  /** Worker threads. Default: every core. */
  readonly workers?: number;
  /** Runs per message to a worker; tasks are split into chunks of this size. Default 25. */
  readonly chunkSize?: number;
}

/** A scenario as JSON data: a validated scenario travels as its `scenario` field. */
function scenarioJson(scenario: unknown): unknown {
  return typeof scenario === 'object' && scenario !== null && 'factors' in scenario && 'parameters' in scenario && 'scenario' in scenario
    ? (scenario as { scenario: unknown }).scenario
    : scenario;
}

/**
 * An executor on worker threads: the analyses (compare, attribute, sensitivity) then use every
 * core, with results identical to the in-process executor (runs are handed on in task order).
 * The pool lives for one call.
 */
export function poolExecutor(options: PoolExecutorOptions = {}): RunExecutor {
  const workers = options.workers ?? availableParallelism();
  const chunkSize = options.chunkSize ?? 25;
  return async (tasks: readonly RunTask[], onRun: (task: number, result: RunResult) => void, onProgress) => {
    const chunks: { task: number; batch: BatchTask }[] = [];
    tasks.forEach((task, index) => {
      const scenario = scenarioJson(task.scenario);
      for (let start = task.firstRun; start < task.firstRun + task.count; start += chunkSize) {
        chunks.push({ task: index, batch: { scenario, seed: task.seed, firstRun: start, count: Math.min(chunkSize, task.firstRun + task.count - start) } });
      }
    });
    const total = tasks.reduce((sum, task) => sum + task.count, 0);
    let done = 0;
    await runChunksOnPool(
      chunks.map((c) => c.batch),
      workers,
      (batch, i) => {
        if (batch.failures.length > 0) throw new Error(`run ${batch.failures[0]?.run} failed: ${batch.failures[0]?.message}`);
        for (const result of batch.results) {
          onRun((chunks[i] as { task: number }).task, result);
          onProgress?.(++done, total);
        }
      },
    );
  };
}

/**
 * Sends batches to a fresh pool, keeping a bounded number in flight, and hands results to `fold`
 * in batch order (an early result waits in a small reorder buffer). `shouldStop` is checked
 * between batches and, when `signal` aborts, at once (the batches in flight are abandoned and the
 * pool's threads terminated); when it returns an error, that error is thrown.
 */
export async function runChunksOnPool(
  batches: readonly BatchTask[],
  workers: number,
  fold: (batch: BatchResult, index: number) => void,
  shouldStop: () => Error | null = () => null,
  signal?: AbortSignal,
): Promise<void> {
  if (batches.length === 0) return;
  const ABORTED = Symbol('aborted');
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<typeof ABORTED>((resolve) => {
    onAbort = () => resolve(ABORTED);
    if (signal?.aborted) resolve(ABORTED);
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  const pool = new Piscina({ filename: workerFilename(), minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  // Piscina emits 'error' (which, unheard, kills the process) when a worker answers a task the pool
  // no longer knows: a batch still running when an early stop destroys the pool. That answer is
  // moot once we are closing; before that, it is an error of the ensemble, thrown at the next batch.
  let closing = false;
  let poolError: Error | undefined;
  pool.on('error', (error: Error) => {
    if (!closing) poolError ??= error;
  });
  const inFlightLimit = workers * 3;
  const pending = new Map<number, Promise<BatchResult>>();
  let submitted = 0;
  try {
    for (let next = 0; next < batches.length; next++) {
      while (submitted < batches.length && submitted < next + inFlightLimit) {
        const index = submitted++;
        const promise = pool.run(batches[index]) as Promise<BatchResult>;
        promise.catch(() => undefined); // handled when its turn comes
        pending.set(index, promise);
      }
      const stop = shouldStop() ?? poolError;
      if (stop) throw stop;
      const batch = await Promise.race([pending.get(next) as Promise<BatchResult>, aborted]);
      if (batch === ABORTED) throw shouldStop() ?? new Error('aborted');
      pending.delete(next);
      const stopAfter = shouldStop();
      if (stopAfter) throw stopAfter;
      fold(batch, next);
    }
  } finally {
    closing = true;
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    await pool.destroy();
  }
}
