import { runBatch } from './runBatch.js';
import type { RunResult } from './runOnce.js';
import { validScenario } from './simulate.js';

/** A block of runs of one scenario: what an analysis asks an executor to compute. */
export interface RunTask {
  /** The scenario as JSON data (so that a worker thread or another machine can rebuild it). */
  readonly scenario: unknown;
  readonly seed: number | string;
  readonly firstRun: number;
  readonly count: number;
}

/**
 * Computes tasks and hands every run to `onRun(taskIndex, result)` in task order, then run order:
 * the order is part of the contract, so analyses built on an executor are deterministic however
 * the executor spreads the work. A run that throws rejects the whole call (analyses pair runs
 * across scenarios and cannot leave one out). `onProgress(done, total)` counts runs.
 */
export type RunExecutor = (
  tasks: readonly RunTask[],
  onRun: (task: number, result: RunResult) => void,
  onProgress?: (done: number, total: number) => void,
) => Promise<void>;

/**
 * The executor that computes everything in this thread (browsers, notebooks, tests). In Node,
 * `poolExecutor` from `resurgence/node` spreads the same tasks over worker threads with the same
 * results.
 */
export const inProcessExecutor: RunExecutor = async (tasks, onRun, onProgress) => {
  const total = tasks.reduce((sum, task) => sum + task.count, 0);
  let done = 0;
  for (const [index, task] of tasks.entries()) {
    const failures = runBatch(validScenario(task.scenario), { seed: task.seed, firstRun: task.firstRun, count: task.count, failFast: true }, (result) => {
      onRun(index, result);
      onProgress?.(++done, total);
    });
    if (failures.length > 0) throw new Error(`run ${failures[0]?.run} failed: ${failures[0]?.message}`);
  }
};
