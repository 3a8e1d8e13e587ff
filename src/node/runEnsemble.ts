import { availableParallelism } from 'node:os';
import { createHash, type Hash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, fsyncSync, ftruncateSync, lstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
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
import { readRegularFile } from './readConfinedFile.js';
import { canonicalJson, sha256Hex } from '../scenario/hash.js';

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
  constructor(
    readonly nextRun: number,
    readonly checkpointPath: string | undefined,
    /** What else was done on the way out (e.g. "its jobs were removed from the queue"). */
    readonly detail?: string,
  ) {
    super(`interrupted before run ${nextRun}${checkpointPath ? `; checkpoint written to ${checkpointPath}` : ''}${detail ? `; ${detail}` : ''}`);
  }
}

/**
 * A checkpoint cannot be used: missing, damaged, edited, from another ensemble, or a file it
 * relies on (`runs.csv.partial`) is missing or changed. The message says what to do; resuming
 * never produces a partial result.
 */
export class ResumeError extends Error {
  override readonly name = 'ResumeError';
  constructor(message: string, readonly checkpointPath: string) {
    super(message);
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
  /** SHA-256 of the first `runsCsvBytes` bytes of `runs.csv.partial` (absent when no CSV is written). */
  readonly runsCsvSha256?: string;
  readonly accumulator: EncodedAccumulator;
  /** SHA-256 of the canonical JSON of every other field: a damaged or edited checkpoint is refused. */
  readonly checksum?: string;
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
  let csvSha256: string | undefined;
  if (options.resume && options.checkpointPath && existsSync(options.checkpointPath)) {
    const checkpoint = readCheckpoint(options.checkpointPath, { scenarioHash: hash, seed, runs, firstRun });
    try {
      accumulator = decodeAccumulator(checkpoint.accumulator);
    } catch {
      throw new ResumeError(`the checkpoint ${options.checkpointPath} is damaged (its statistics cannot be read): delete it to start afresh`, options.checkpointPath);
    }
    failures = [...checkpoint.failures];
    nextRun = checkpoint.nextRun;
    csvBytes = checkpoint.runsCsvBytes;
    csvSha256 = checkpoint.runsCsvSha256;
    if (options.runsCsvPath && nextRun > firstRun && csvSha256 === undefined) {
      throw new ResumeError(
        `the checkpoint ${options.checkpointPath} was written without per-run rows, so runs.csv cannot be completed: resume without --per-run, or delete the checkpoint to start afresh`,
        options.checkpointPath,
      );
    }
  }
  const csv = options.runsCsvPath
    ? openRunsCsv(options.runsCsvPath, nextRun > firstRun ? { bytes: csvBytes, sha256: csvSha256 as string, checkpointPath: options.checkpointPath as string } : null)
    : null;
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
      ...(csv ? { runsCsvSha256: csv.sha256() } : {}),
      accumulator: encodeAccumulator(accumulator),
    };
    writeFileAtomic(options.checkpointPath, JSON.stringify({ ...checkpoint, checksum: checkpointChecksum(checkpoint) }));
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
      // One run at a time, yielding to the event loop every 50 ms, so that a signal (Ctrl-C,
      // SIGTERM) is acted on within a second even inside a large batch (runs depend on (scenario,
      // seed, index) alone, so the result is the same).
      let yielded = Date.now();
      for (const task of tasks) {
        for (let run = task.firstRun; run < task.firstRun + task.count; run++) {
          if (options.signal?.aborted) throw interrupted();
          fold(computeBatch({ ...task, firstRun: run, count: 1, injectFailures: (task.injectFailures ?? []).filter((r) => r === run) }));
          if (Date.now() - yielded > 50) {
            maybeCheckpoint();
            await new Promise((resolve) => setImmediate(resolve));
            yielded = Date.now();
          }
        }
        maybeCheckpoint();
      }
      if (options.signal?.aborted) throw interrupted();
    } else {
      await runChunksOnPool(
        tasks,
        workers,
        (batch) => {
          fold(batch);
          maybeCheckpoint();
        },
        () => (options.signal?.aborted ? interrupted() : null),
        options.signal,
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

/** SHA-256 of a checkpoint's canonical JSON without its `checksum` field. */
function checkpointChecksum(checkpoint: Omit<Checkpoint, 'checksum'>): string {
  const { checksum: _ignored, ...content } = checkpoint as Checkpoint;
  return sha256Hex(canonicalJson(content));
}

function readCheckpoint(path: string, expected: { scenarioHash: string; seed: number | string; runs: number; firstRun: number }): Checkpoint {
  let checkpoint: Checkpoint;
  try {
    checkpoint = JSON.parse(readRegularFile(path, { maxBytes: 1 << 30 })) as Checkpoint;
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'it is truncated or damaged (not valid JSON)' : error instanceof Error ? error.message : String(error);
    throw new ResumeError(`cannot resume from the checkpoint ${path}: ${reason}; delete it to start afresh`, path);
  }
  if (checkpoint === null || typeof checkpoint !== 'object' || checkpoint.format !== 'resurgence-checkpoint/1') {
    throw new ResumeError(`${path} is not a resurgence checkpoint: delete it to start afresh`, path);
  }
  if (typeof checkpoint.checksum !== 'string' || checkpoint.checksum !== checkpointChecksum(checkpoint)) {
    throw new ResumeError(`the checkpoint ${path} is damaged or was edited (its checksum does not match): delete it to start afresh`, path);
  }
  for (const key of ['scenarioHash', 'seed', 'runs', 'firstRun'] as const) {
    if (checkpoint[key] !== expected[key]) {
      const flag = key === 'runs' ? '--runs' : key === 'seed' ? '--seed' : key === 'firstRun' ? '--first-run/--shard' : 'the scenario file';
      throw new ResumeError(
        `the checkpoint ${path} belongs to another ensemble: its ${key} is ${JSON.stringify(checkpoint[key])}, this run's is ${JSON.stringify(expected[key])} (resume with the same ${flag}, or delete the checkpoint to start afresh)`,
        path,
      );
    }
  }
  return checkpoint;
}

/**
 * Streams run rows to `<path>.partial`, renamed to `path` when the ensemble completes. The
 * partial file is never opened through a symbolic link (a link there is refused, not followed),
 * and a running SHA-256 of what was written goes into each checkpoint. On resume the partial file
 * must exist, hold at least the checkpoint's bytes, and those bytes must hash to the recorded
 * SHA-256; it is then cut back to that length. Anything else is a {@link ResumeError}: a missing
 * or changed `runs.csv.partial` never yields a truncated `runs.csv`.
 */
function openRunsCsv(path: string, resume: { bytes: number; sha256: string; checkpointPath: string } | null) {
  const partial = `${path}.partial`;
  mkdirSync(dirname(path), { recursive: true });
  const refuseLink = () => {
    try {
      if (lstatSync(partial).isSymbolicLink()) throw new ResumeError(`${partial} is a symbolic link: refusing to write through it (remove it)`, resume?.checkpointPath ?? partial);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  };
  refuseLink();
  let fd: number;
  let bytes: number;
  const hash: Hash = createHash('sha256');
  if (resume !== null) {
    const fix = `delete ${resume.checkpointPath} to start afresh`;
    try {
      fd = openSync(partial, constants.O_RDWR | constants.O_NOFOLLOW);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ResumeError(`cannot resume: ${partial}, which the checkpoint relies on, ${code === 'ENOENT' ? 'is missing' : `cannot be opened (${code})`}; ${fix}`, resume.checkpointPath);
    }
    try {
      if (!fstatSync(fd).isFile() || fstatSync(fd).size < resume.bytes) {
        throw new ResumeError(`cannot resume: ${partial} is shorter than the checkpoint recorded (${resume.bytes} bytes); ${fix}`, resume.checkpointPath);
      }
      const chunk = Buffer.alloc(1 << 20);
      for (let at = 0; at < resume.bytes; ) {
        const read = readSync(fd, chunk, 0, Math.min(chunk.length, resume.bytes - at), at);
        if (read === 0) break;
        hash.update(chunk.subarray(0, read));
        at += read;
      }
      if (hash.copy().digest('hex') !== resume.sha256) {
        throw new ResumeError(`cannot resume: ${partial} was changed since the checkpoint (its checksum does not match); ${fix}`, resume.checkpointPath);
      }
      ftruncateSync(fd, resume.bytes);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    bytes = resume.bytes;
  } else {
    rmSync(partial, { force: true });
    fd = openSync(partial, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    const header = `${runsCsvHeader(OBSERVABLE_IDS)}\n`;
    writeSync(fd, header);
    hash.update(header);
    bytes = Buffer.byteLength(header);
  }
  let open = true;
  return {
    fd,
    get bytes() {
      return bytes;
    },
    sha256() {
      return hash.copy().digest('hex');
    },
    write(text: string) {
      const buffer = Buffer.from(text);
      let written = 0;
      while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written, bytes + written);
      hash.update(buffer);
      bytes += buffer.length;
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
    finish() {
      fsyncSync(fd);
      this.close();
      refuseLink();
      renameSync(partial, path);
    },
  };
}
