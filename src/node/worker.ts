/**
 * The worker-thread side of {@link runEnsemble}: computes one batch of runs and sends back their
 * series. Workers never decide anything about the ensemble (order, failures, summaries); they
 * only compute runs, which depend on (scenario, seed, run index) alone.
 */
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
