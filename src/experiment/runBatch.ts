import type { ModelInputs } from '../model/inputs.js';
import { resurgenceModel } from '../model/resurgenceModel.js';
import type { ValidScenario } from '../scenario/parseScenario.js';
import { toModelInputs } from '../scenario/toModelInputs.js';
import { drawRunInputs, isUncertain } from '../scenario/drawRunInputs.js';
import { runOnce, type RunResult } from './runOnce.js';

/** A run that threw: its index and the error's message. The seed is the ensemble's. */
export interface RunFailure {
  readonly run: number;
  readonly message: string;
}

/** Which runs a batch computes, and how it treats failures. */
export interface RunBatchOptions {
  readonly seed: number | string;
  readonly firstRun: number;
  readonly count: number;
  /** Stop at the first failing run (throwing its error) instead of recording it. Default false. */
  readonly failFast?: boolean;
  /**
   * Run indices that throw on purpose, to test fault handling end to end (workers, queues,
   * reports). Never set in real use. Default none.
   */
  readonly injectFailures?: readonly number[];
}

const inputsCache = new WeakMap<ValidScenario, ModelInputs>();

/**
 * The model inputs of run `run`: for a scenario with uncertain inputs (distributions, uncertain
 * months, a parameter posterior), run `run`'s own draw from the 'inputs' stream of (seed, run),
 * so that bands carry input uncertainty as well as model noise; otherwise one shared object.
 */
export function inputsForRun(valid: ValidScenario, seed: number | string, run: number): ModelInputs {
  if (isUncertain(valid)) return drawRunInputs(valid, seed, run);
  let inputs = inputsCache.get(valid);
  if (!inputs) {
    inputs = toModelInputs(valid);
    inputsCache.set(valid, inputs);
  }
  return inputs;
}

/**
 * Runs [firstRun, firstRun + count) of a scenario's ensemble in index order, handing each
 * finished run to `onRun`, and returns the runs that threw (they are not handed on). A run's
 * numbers depend only on (scenario, seed, run index): batches can be split and computed
 * anywhere.
 *
 * @example
 * const failures = runBatch(valid, { seed: 1, firstRun: 10, count: 5 }, (run) => console.log(run.run));
 * // logs 10 … 14; failures is []
 */
export function runBatch(valid: ValidScenario, options: RunBatchOptions, onRun: (result: RunResult) => void): RunFailure[] {
  const failures: RunFailure[] = [];
  const inject = new Set(options.injectFailures ?? []);
  for (let run = options.firstRun; run < options.firstRun + options.count; run++) {
    let result: RunResult;
    try {
      if (inject.has(run)) throw new Error(`injected failure in run ${run} (a test of fault handling)`);
      result = runOnce(resurgenceModel, inputsForRun(valid, options.seed, run), options.seed, run);
    } catch (error) {
      if (options.failFast) throw error;
      failures.push({ run, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    onRun(result);
  }
  return failures;
}
