import { backtestScores, type SeriesScores } from '../analysis/backtest/backtestScores.js';
import type { UncertaintyDescription } from '../scenario/uncertainty.js';
import { SHIPPED_SCENARIOS } from '../scenario/shippedScenarios.js';
import type { ValidScenario } from '../scenario/parseScenario.js';
import type { RunResult } from './runOnce.js';
import { simulate, validScenario, type EnsembleSummary } from './simulate.js';

/** One back-test scenario's line of the scoreboard: its ensemble's scores against what it observed. */
export interface ScoreboardEntry {
  readonly scenario: string;
  readonly title?: string;
  readonly start: string;
  readonly months: number;
  readonly runs: number;
  readonly seed: number | string;
  /** What the bands include (run-to-run randomness, parameters, inputs), as the ensemble says. */
  readonly uncertainty: UncertaintyDescription;
  /** The forecast origin (`forecastOrigin`), when points up to it are in sample and not scored. */
  readonly forecastOrigin?: string;
  readonly series: readonly SeriesScores[];
  /** Over all series: observations scored, and those inside the 50% and 90% bands. */
  readonly evaluated: number;
  readonly inside50: number;
  readonly inside90: number;
}

/** Options of {@link backtestScoreboard}. */
export interface ScoreboardOptions {
  /** Runs per scenario. Default: each scenario's own `runs` (1,000 for the shipped back-tests). */
  readonly runs?: number;
  /** Called after each scenario, with how many are done out of how many. */
  readonly onScenario?: (done: number, total: number, name: string) => void;
}

/**
 * Every back-test at once: each scenario that carries observed series (by default the shipped
 * ones: the 2018-2020 back-tests, the rolling origins and the historical episodes) is run with
 * its own seed (and runs, unless `options.runs` says otherwise) and scored as `resurgence run`
 * scores it, so each line repeats that command's numbers. Scenarios without observed series are
 * skipped. The entries keep the scenarios' order.
 *
 * Cost: the sum of the scenarios' ensembles (about a minute on one core for the shipped ones at
 * their 1,000 runs), plus O(points × runs × log runs) for the scores.
 *
 * @example
 * const [first] = backtestScoreboard(undefined, { runs: 100 });
 * first.scenario; // 'backtest-2018-2019'
 * `${first.inside90} of ${first.evaluated}`; // observations inside the 90% bands
 */
export function backtestScoreboard(
  scenarios: Readonly<Record<string, unknown>> = SHIPPED_SCENARIOS,
  options: ScoreboardOptions = {},
): ScoreboardEntry[] {
  const backtests = backtestScenarios(scenarios);
  return backtests.map(([name, valid], index) => {
    const { summary, runs } = simulate(valid, { perRun: true, ...(options.runs === undefined ? {} : { runs: options.runs }) });
    options.onScenario?.(index + 1, backtests.length, name);
    return scoreboardEntry(name, valid, summary, runs ?? []);
  });
}

/**
 * The scenarios of `scenarios` that carry observed series, validated, in order: what
 * {@link backtestScoreboard} runs. A runner of its own (worker threads, a queue) runs each and
 * passes its ensemble to {@link scoreboardEntry}.
 *
 * Cost: one validation per scenario.
 */
export function backtestScenarios(scenarios: Readonly<Record<string, unknown>> = SHIPPED_SCENARIOS): (readonly [string, ValidScenario])[] {
  return Object.entries(scenarios)
    .map(([name, scenario]) => [name, validScenario(scenario)] as const)
    .filter(([, valid]) => (valid.observed ?? []).length > 0);
}

/**
 * One line of the scoreboard from a finished ensemble: its summary and its runs, in run order
 * (the same numbers whichever runner made them, since each run depends only on the scenario,
 * the seed and its index). Pure.
 *
 * Cost: O(points × runs × log runs).
 *
 * @example
 * const { summary, runs } = simulate(valid, { perRun: true, runs: 100 });
 * scoreboardEntry('episode-growth-iraq-2012', valid, summary, runs).inside90;
 */
export function scoreboardEntry(name: string, valid: ValidScenario, summary: EnsembleSummary, runs: readonly RunResult[]): ScoreboardEntry {
  const seed = summary.provenance.seed;
  const series = backtestScores(valid.observed ?? [], runs, { seed, ...(valid.forecastOrigin === undefined ? {} : { origin: valid.forecastOrigin }) });
  const total = (pick: (scores: SeriesScores) => number) => series.reduce((sum, scores) => sum + pick(scores), 0);
  return {
    scenario: name,
    ...(summary.scenario.title === undefined ? {} : { title: summary.scenario.title }),
    start: summary.scenario.start,
    months: summary.scenario.months,
    runs: summary.provenance.runs,
    seed,
    uncertainty: summary.uncertainty,
    ...(valid.scenario.forecastOrigin === undefined ? {} : { forecastOrigin: valid.scenario.forecastOrigin }),
    series,
    evaluated: total((scores) => scores.coverage.evaluated),
    inside50: total((scores) => scores.coverage.inside50),
    inside90: total((scores) => scores.coverage.inside90),
  };
}
