/**
 * resurgence/node: the Node-only engine. Worker threads on every core, checkpoints and resume,
 * streaming per-run rows to disk, shards and their merge. The browser-safe library is the main
 * entry (`resurgence`); this one adds what needs threads and files.
 *
 * @example
 * import { runEnsemble } from 'resurgence/node';
 * const { summary } = await runEnsemble('…scenario object…', { runs: 100_000, workers: 8 });
 */
import { provideBundledExpressionEngine } from '../scenario/bundledExpressionEngine.js';

provideBundledExpressionEngine();

export { runEnsemble, EnsembleInterrupted, RunFailedError } from './runEnsemble.js';
export type { RunEnsembleOptions, EnsembleRun } from './runEnsemble.js';
export { encodeAccumulator, decodeAccumulator } from './accumulatorCodec.js';
export type { EncodedAccumulator } from './accumulatorCodec.js';
export { writeFileAtomic } from './writeFileAtomic.js';
export { computeBatch } from './worker.js';
export type { BatchTask, BatchResult } from './worker.js';
export { ensembleState, readEnsembleState, mergeEnsembleStates } from './ensembleState.js';
export type { EnsembleState } from './ensembleState.js';
export { runEnsembleOnQueue, startQueueWorker, DEFAULT_QUEUE } from './queue.js';
export type { QueueEnsembleOptions, QueueWorkerOptions } from './queue.js';
export { poolExecutor, runChunksOnPool, workerFilename } from './poolExecutor.js';
export type { PoolExecutorOptions } from './poolExecutor.js';
