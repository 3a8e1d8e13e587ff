import { simulate } from '../experiment/simulate.js';
import type { ValidScenario } from '../scenario/parseScenario.js';
import { formatSeconds } from './progressBar.js';

/**
 * Seconds per model run of a scenario, timed on `runs` runs in this thread (the first runs of a
 * process are slower, so this errs long). Used for the one-line estimate printed before long work.
 *
 * Cost: `runs` model runs.
 *
 * @example
 * secondsPerRun(valid, 2); // e.g. 0.12
 */
export function secondsPerRun(scenario: ValidScenario, runs = 2, now: () => number = () => performance.now()): number {
  const started = now();
  simulate(scenario, { runs, seed: 'duration-estimate' });
  return (now() - started) / 1000 / runs;
}

/**
 * The line printed before an ensemble when stderr is not a TTY: the work and how long it should
 * take (model runs × seconds per run ÷ workers). An estimate: workers share the machine.
 *
 * Cost: O(1).
 *
 * @example
 * formatDurationEstimate({ label: 'run', runs: 1000, months: 36, workers: 2, secondsPerRun: 0.25, timedRuns: 2 });
 * // 'run: 1,000 runs × 36 months; about 2m 05s on 2 workers (timed from 2 runs)'
 */
export function formatDurationEstimate(plan: {
  readonly label: string;
  readonly runs: number;
  readonly months: number;
  readonly workers: number;
  readonly secondsPerRun: number;
  readonly timedRuns: number;
  readonly what?: string;
}): string {
  const seconds = (plan.runs * plan.secondsPerRun) / Math.max(1, plan.workers);
  return `${plan.label}: ${plan.what ?? `${plan.runs.toLocaleString('en-US')} runs`} × ${plan.months} months; about ${formatSeconds(seconds)} on ${plan.workers} worker${plan.workers === 1 ? '' : 's'} (timed from ${plan.timedRuns} runs)`;
}

/**
 * {@link secondsPerRun}, or undefined when a pilot run throws (the ensemble then reports the
 * failure itself, with the command that reproduces it; the estimate is only skipped).
 *
 * Cost: `runs` model runs.
 *
 * @example
 * const perRun = trySecondsPerRun(valid); // undefined if the scenario's runs throw
 */
export function trySecondsPerRun(scenario: ValidScenario, runs = 2): number | undefined {
  try {
    return secondsPerRun(scenario, runs);
  } catch {
    return undefined;
  }
}
