import { availableParallelism } from 'node:os';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { addRunInPlace, type EnsembleAccumulator } from '../experiment/ensembleAccumulator.js';
import type { RunFailure } from '../experiment/runBatch.js';
import type { RunResult } from '../experiment/runOnce.js';
import { buildEnsembleSummary, createEnsembleAccumulatorFor, scenarioHash, validScenario, type EnsembleSummary } from '../experiment/simulate.js';
import { OBSERVABLE_IDS } from '../model/observables.js';
import { runsCsvHeader, runsToCsvRows } from '../report/toCsv.js';
import { decodeAccumulator, encodeAccumulator, type EncodedAccumulator } from './accumulatorCodec.js';
import { computeBatch, type BatchResult, type BatchTask } from './worker.js';
import { writeFileAtomic } from './writeFileAtomic.js';
import { runChunksOnPool } from './poolExecutor.js';
import { eachRunOfBatch } from './eachRunOfBatch.js';

/** Options of {@link runEnsemble}; every one is optional. */
export interface RunEnsembleOptions {
  /** Number of runs. Default: the scenario's `runs`, else 1,000. */
  readonly runs?: number;
  /** Seed. Default: the scenario's `seed`, else 1. */
  readonly seed?: number | string;
  /** First run index (shards compute [firstRun, firstRun + runs)). Default 0. */
  readonly firstRun?: number;
  /** Worker threads. Default: every core (`os.availableParallelism()`); 1 computes in this thread. */
  readonly workers?: number;
  /** Compute in this thread instead of worker threads. Default: true for 1 worker, false otherwise. */
  readonly inThread?: boolean;
  /** Runs per task sent to a worker. Default: about 8 tasks per worker, between 1 and 200 runs. */
  readonly batchSize?: number;
  /** Called after each run is folded in, in run order, with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called with every run that completed, in run order (for back-test scores or custom statistics). */
  readonly onRun?: (result: RunResult) => void;
  /** Write every run's rows to this CSV (streamed in run order; renamed into place when complete). */
  readonly runsCsvPath?: string;
  /** Write a checkpoint here as the ensemble progresses, so that it can be resumed. */
  readonly checkpointPath?: string;
  /** Checkpoint at least every this many runs. Default 2,000 (and at least every 10 s). */
  readonly checkpointEvery?: number;
  /** Continue from `checkpointPath` if it exists (the result equals an uninterrupted run's). */
  readonly resume?: boolean;
  /** Stop at the first failing run, in run order, and throw its error. Default false. */
  readonly failFast?: boolean;
  /** Runs that throw on purpose, to test fault handling. Never set in real use. */
  readonly injectFailures?: readonly number[];
  /** Abort: the ensemble writes a checkpoint (when it has a path) and rejects with {@link EnsembleInterrupted}. */
  readonly signal?: AbortSignal;
  /** Exact quantiles up to this many runs, then a sketch. Default {@link EXACT_QUANTILE_LIMIT}. */
  readonly exactQuantileLimit?: number;
}

/** What {@link runEnsemble} returns: the summary, the accumulator (for merging), the failures. */
export interface EnsembleRun {
  readonly summary: EnsembleSummary;
  readonly accumulator: EnsembleAccumulator;
  readonly failures: readonly RunFailure[];
  /** Runs computed in this call (fewer than asked when resumed from a checkpoint). */
  readonly computedRuns: number;
}

/** The ensemble was interrupted (signal); `nextRun` is where `--resume` will pick up. */
export class EnsembleInterrupted extends Error {
  constructor(readonly nextRun: number, readonly checkpointPath: string | undefined) {
    super(`interrupted before run ${nextRun}${checkpointPath ? `; checkpoint written to ${checkpointPath}` : ''}`);
  }
}

/** A run failed and `failFast` was set. */
export class RunFailedError extends Error {
  constructor(readonly failure: RunFailure) {
    super(`run ${failure.run} failed: ${failure.message}`);
  }
}

interface Checkpoint {
  readonly format: 'resurgence-checkpoint/1';
  readonly scenarioHash: string;
  readonly seed: number | string;
  readonly runs: number;
  readonly firstRun: number;
  readonly nextRun: number;
  readonly failures: RunFailure[];
  readonly runsCsvBytes: number;
  readonly accumulator: EncodedAccumulator;
}

/**
 * Runs a scenario's ensemble on every core (worker threads), folding runs into the summary in
 * run-index order, so that the result is bit-identical for any number of workers and any batch
 * size. Memory does not grow with the number of runs (past the exact-quantile limit), per-run rows
 * stream to disk, failing runs are recorded (or stop the ensemble with `failFast`), and a
 * checkpoint lets an interrupted ensemble resume to the same result.
 *
 * @example
 * const { summary } = await runEnsemble(SHIPPED_SCENARIOS['baseline-2020'], { runs: 2000, workers: 2 });
 * summary.series.fighters.p50.at(-1); // median fighters in the last month
 */
export async function runEnsemble(scenario: unknown, options: RunEnsembleOptions = {}): Promise<EnsembleRun> {
  const valid = validScenario(scenario);
  const runs = options.runs ?? valid.scenario.runs ?? 1000;
  const seed = options.seed ?? valid.scenario.seed ?? 1;
  const firstRun = options.firstRun ?? 0;
  const workers = options.workers ?? availableParallelism();
  for (const [name, value, min] of [['runs', runs, 1], ['firstRun', firstRun, 0], ['workers', workers, 1]] as const) {
    if (!Number.isInteger(value) || value < min) throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ ${min})`);
  }
  const batchSize = options.batchSize ?? Math.max(1, Math.min(200, Math.ceil(runs / (workers * 8))));
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`invalid batchSize: ${batchSize} (expected an integer ≥ 1)`);
  if (options.resume && !options.checkpointPath) throw new RangeError('resume needs a checkpointPath');

  const hash = scenarioHash(valid);
  let accumulator = createEnsembleAccumulatorFor(valid, options.exactQuantileLimit);
  let failures: RunFailure[] = [];
  let nextRun = firstRun;
  let csvBytes = 0;
  if (options.resume && options.checkpointPath && existsSync(options.checkpointPath)) {
    const checkpoint = readCheckpoint(options.checkpointPath, { scenarioHash: hash, seed, runs, firstRun });
    accumulator = decodeAccumulator(checkpoint.accumulator);
    failures = [...checkpoint.failures];
    nextRun = checkpoint.nextRun;
    csvBytes = checkpoint.runsCsvBytes;
  }
  const csv = options.runsCsvPath ? openRunsCsv(options.runsCsvPath, nextRun > firstRun ? csvBytes : null) : null;
  const end = firstRun + runs;
  const computedFrom = nextRun;

  const writeCheckpoint = () => {
    if (!options.checkpointPath) return;
    if (csv) fsyncSync(csv.fd);
    const checkpoint: Checkpoint = {
      format: 'resurgence-checkpoint/1',
      scenarioHash: hash,
      seed,
      runs,
      firstRun,
      nextRun,
      failures,
      runsCsvBytes: csv ? csv.bytes : 0,
      accumulator: encodeAccumulator(accumulator),
    };
    writeFileAtomic(options.checkpointPath, JSON.stringify(checkpoint));
  };

  const fold = (batch: BatchResult) => {
    const advance = (run: number) => {
      nextRun = run + 1;
      options.onProgress?.(nextRun - firstRun, runs);
    };
    eachRunOfBatch(
      batch,
      (result, run) => {
        addRunInPlace(accumulator, result);
        options.onRun?.(result);
        if (csv) csv.write(runsToCsvRows([result], OBSERVABLE_IDS).join('\n') + '\n');
        advance(run);
      },
      (failure) => {
        if (options.failFast) throw new RunFailedError(failure);
        failures.push(failure);
        advance(failure.run);
      },
    );
  };

  const tasks: BatchTask[] = [];
  for (let start = nextRun; start < end; start += batchSize) {
    tasks.push({
      scenario: valid.scenario,
      seed,
      firstRun: start,
      count: Math.min(batchSize, end - start),
      injectFailures: (options.injectFailures ?? []).filter((run) => run >= start && run < start + batchSize),
    });
  }

  const checkpointEvery = options.checkpointEvery ?? 2000;
  let lastCheckpointRun = nextRun;
  let lastCheckpointTime = Date.now();
  const maybeCheckpoint = () => {
    if (nextRun - lastCheckpointRun >= checkpointEvery || Date.now() - lastCheckpointTime > 10_000) {
      writeCheckpoint();
      lastCheckpointRun = nextRun;
      lastCheckpointTime = Date.now();
    }
  };
  const interrupted = () => {
    writeCheckpoint();
    csv?.close();
    return new EnsembleInterrupted(nextRun, options.checkpointPath);
  };

  try {
    if (options.inThread ?? workers === 1) {
      for (const task of tasks) {
        if (options.signal?.aborted) throw interrupted();
        fold(computeBatch(task));
        maybeCheckpoint();
        // Yield to the event loop between batches so that a signal (Ctrl-C) can be handled.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } else {
      await runChunksOnPool(
        tasks,
        workers,
        (batch) => {
          fold(batch);
          maybeCheckpoint();
        },
        () => (options.signal?.aborted ? interrupted() : null),
      );
    }
  } catch (error) {
    csv?.close();
    throw error;
  }
  if (csv) csv.finish();
  if (options.checkpointPath) rmSync(options.checkpointPath, { force: true });
  return {
    summary: buildEnsembleSummary(valid, { seed, runs, firstRun }, accumulator, failures),
    accumulator,
    failures,
    computedRuns: end - computedFrom,
  };
}

function readCheckpoint(path: string, expected: { scenarioHash: string; seed: number | string; runs: number; firstRun: number }): Checkpoint {
  const checkpoint = JSON.parse(readFileSync(path, 'utf8')) as Checkpoint;
  if (checkpoint.format !== 'resurgence-checkpoint/1') throw new Error(`${path} is not a resurgence checkpoint`);
  for (const key of ['scenarioHash', 'seed', 'runs', 'firstRun'] as const) {
    if (checkpoint[key] !== expected[key]) {
      throw new Error(`the checkpoint ${path} belongs to another ensemble: its ${key} is ${JSON.stringify(checkpoint[key])}, this run's is ${JSON.stringify(expected[key])} (delete it to start afresh)`);
    }
  }
  return checkpoint;
}

/**
 * Streams run rows to `<path>.partial`, renamed to `path` when the ensemble completes; on resume
 * the partial file is cut back to the length the checkpoint recorded.
 */
function openRunsCsv(path: string, resumeBytes: number | null) {
  const partial = `${path}.partial`;
  mkdirSync(dirname(path), { recursive: true });
  let fd: number;
  let bytes: number;
  if (resumeBytes !== null && existsSync(partial) && statSync(partial).size >= resumeBytes) {
    truncateSync(partial, resumeBytes);
    fd = openSync(partial, 'a');
    bytes = resumeBytes;
  } else {
    fd = openSync(partial, 'w');
    const header = `${runsCsvHeader(OBSERVABLE_IDS)}\n`;
    writeSync(fd, header);
    bytes = Buffer.byteLength(header);
  }
  let open = true;
  return {
    fd,
    get bytes() {
      return bytes;
    },
    write(text: string) {
      bytes += writeSync(fd, text);
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
    finish() {
      fsyncSync(fd);
      this.close();
      renameSync(partial, path);
    },
  };
}
