/**
 * The worker-thread side of {@link runEnsemble}: computes one batch of runs and sends back their
 * series. Workers never decide anything about the ensemble (order, failures, summaries); they
 * only compute runs, which depend on (scenario, seed, run index) alone.
 */
import { provideBundledExpressionEngine } from '../scenario/bundledExpressionEngine.js';

// A worker thread compiles the scenario's expressions itself: it provides mathjs at load.
provideBundledExpressionEngine();

import { runBatch, type RunFailure } from '../experiment/runBatch.js';
import type { RunResult } from '../experiment/runOnce.js';
import { validScenario } from '../experiment/simulate.js';
import type { ValidScenario } from '../scenario/parseScenario.js';

/** One batch of work: the scenario as JSON data, the seed and the run range. */
export interface BatchTask {
  readonly scenario: unknown;
  readonly seed: number | string;
  readonly firstRun: number;
  readonly count: number;
  readonly injectFailures?: readonly number[];
}

/** What a batch sends back: the runs that completed, in index order, and those that threw. */
export interface BatchResult {
  readonly firstRun: number;
  readonly count: number;
  readonly results: RunResult[];
  readonly failures: RunFailure[];
}

const parsed = new Map<string, ValidScenario>();

function scenarioOf(scenario: unknown): ValidScenario {
  const key = JSON.stringify(scenario);
  let valid = parsed.get(key);
  if (!valid) {
    valid = validScenario(scenario);
    if (parsed.size > 8) parsed.clear();
    parsed.set(key, valid);
  }
  return valid;
}

/** Most runs one batch task may ask for: a job from a queue asking for more is refused. */
export const MAX_BATCH_RUNS = 10_000;

/**
 * Checks a batch task that arrived as data (a queue job anyone with Redis access could have
 * written): a seed, a whole first run ≥ 0, a run count within {@link MAX_BATCH_RUNS}, and a list
 * of whole numbers for the injected failures. The scenario itself is parsed again by
 * {@link computeBatch}. Throws an `Error` naming the field otherwise.
 *
 * Cost: O(injected failures).
 *
 * @example
 * checkBatchTask({ scenario: {}, seed: 1, firstRun: 0, count: 20 }).count; // 20
 * checkBatchTask({ scenario: {}, seed: 1, firstRun: 0, count: 1e9 }); // throws: count above 10000
 */
export function checkBatchTask(data: unknown): BatchTask {
  const task = data as Partial<BatchTask> | null;
  if (task === null || typeof task !== 'object') throw new Error('invalid batch task: expected an object');
  const { seed, firstRun, count, injectFailures } = task;
  if (!((typeof seed === 'number' && Number.isSafeInteger(seed) && seed >= 0) || (typeof seed === 'string' && seed.length > 0 && seed.length <= 200))) {
    throw new Error('invalid batch task: seed must be a whole number ≥ 0 or a short string');
  }
  if (typeof firstRun !== 'number' || !Number.isSafeInteger(firstRun) || firstRun < 0) throw new Error('invalid batch task: firstRun must be a whole number ≥ 0');
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1 || count > MAX_BATCH_RUNS) {
    throw new Error(`invalid batch task: count must be a whole number from 1 to ${MAX_BATCH_RUNS}`);
  }
  if (injectFailures !== undefined && (!Array.isArray(injectFailures) || injectFailures.length > count || !injectFailures.every((run) => Number.isSafeInteger(run)))) {
    throw new Error('invalid batch task: injectFailures must be a short list of run indices');
  }
  return task as BatchTask;
}

/** Computes a batch (every failure recorded; fail-fast is the coordinator's decision, in run order). */
export function computeBatch(task: BatchTask): BatchResult {
  const results: RunResult[] = [];
  const failures = runBatch(
    scenarioOf(task.scenario),
    { seed: task.seed, firstRun: task.firstRun, count: task.count, injectFailures: task.injectFailures ?? [] },
    (result) => results.push(result),
  );
  return { firstRun: task.firstRun, count: task.count, results, failures };
}

export default computeBatch;
