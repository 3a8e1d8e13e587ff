import { simulate } from '../experiment/simulate.js';
import { posteriorColumn, scenarioEntriesOf } from '../scenario/posteriorColumns.js';
import { SHIPPED_SCENARIOS } from '../scenario/shippedScenarios.js';
import { FIXED_UNCERTAINTY } from '../scenario/uncertainty.js';
import {
  CalibrationConfigError,
  parseCalibrationConfig,
  type CalibrationConfig,
  type CalibrationSetup,
  type PriorSpec,
} from './calibrationConfig.js';
import type { ObservedValue } from './distance.js';
import { logUniformPrior } from './logUniformPrior.js';
import { independentPrior, type Prior, type UnivariatePrior } from './prior.js';
import { targetStatistics, targetWindows } from './targetStatistics.js';
import { truncatedNormalPrior } from './truncatedNormalPrior.js';
import { uniformPrior } from './uniformPrior.js';

/** Options of {@link calibrationProblem}. */
export interface CalibrationProblemOptions {
  /** Which setup. Default: the config's `setup`. */
  readonly setup?: string;
  /** Resolves a setup's `scenario` to a scenario object. Default: the shipped scenarios by name. */
  readonly resolveScenario?: (reference: string) => unknown;
}

/** One setup of a calibration config, ready to simulate: what `calibrate` and `calibrationSbc` share. */
export interface CalibrationProblem {
  readonly config: CalibrationConfig;
  readonly setupName: string;
  readonly setup: CalibrationSetup;
  /** The scenario's first month ("2018-01") and the simulated months. */
  readonly start: string;
  readonly months: number;
  /** Simulated months [from, to] of each target. */
  readonly windows: readonly [number, number][];
  /** The prior of the calibrated quantities, in `names` order. */
  readonly prior: Prior & { readonly parts: readonly UnivariatePrior[] };
  readonly names: readonly string[];
  /** Observed value of each target, and its weight in the distance. */
  readonly observed: readonly ObservedValue[];
  readonly weights: readonly number[];
  /** Runs averaged per ABC simulation. */
  readonly runsPerSimulation: number;
  /** The scenario at θ: parameters and initial-state columns set over the setup's scenario. */
  scenarioAt(theta: readonly number[]): Record<string, unknown>;
  /** The target statistics of a run's (or an ensemble mean's) series. */
  statisticsOf(series: Readonly<Record<string, readonly number[]>>): number[];
  /** One ABC simulation: `runsPerSimulation` runs at θ from `seed`, the statistics of their mean series. */
  simulateStatistics(theta: readonly number[], seed: string): number[];
}

/**
 * Validates a calibration config and sets up one of its setups: the scenario (resolved by name),
 * its months, each target's window, the prior (bounds defaulting to each quantity's documented
 * range), and the simulator. Throws a {@link CalibrationConfigError} with issues as data for an
 * invalid config, an unknown setup or an unknown scenario.
 *
 * @example
 * const problem = calibrationProblem(config, { setup: 'start-2020' });
 * problem.names;                                      // ['attackRate', 'hideThreshold', …]
 * problem.simulateStatistics([0.04, 0.05, 0.07, 0.3, 0.002], 'demo'); // [188.3, 14890, …]
 */
export function calibrationProblem(config: unknown, options: CalibrationProblemOptions = {}): CalibrationProblem {
  const parsed = parseCalibrationConfig(config);
  if (!parsed.ok) throw new CalibrationConfigError(parsed.issues);
  const valid = parsed.value;
  const setupName = options.setup ?? valid.setup;
  const setup = valid.setups[setupName];
  if (!setup) {
    throw new CalibrationConfigError([{ code: 'unknown-setup', path: ['setup'], message: `unknown setup "${setupName}" (setups: ${Object.keys(valid.setups).join(', ')})` }]);
  }
  const resolve = options.resolveScenario ?? ((reference: string) => SHIPPED_SCENARIOS[reference]);
  const baseScenario = resolve(setup.scenario) as Record<string, unknown> | undefined;
  if (baseScenario === undefined || typeof baseScenario !== 'object') {
    throw new CalibrationConfigError([{ code: 'unknown-scenario', path: ['setups', setupName, 'scenario'], message: `cannot find scenario "${setup.scenario}" (a shipped name, or a file for the CLI)` }]);
  }
  const start = String(baseScenario.start);
  const months = setup.months ?? Number(baseScenario.months);
  const windows = targetWindows(setup.targets, start, months, setupName);
  const prior = buildPrior(valid, setup);
  const names = [...prior.names];
  const runsPerSimulation = setup.runsPerSimulation ?? valid.runsPerSimulation;
  // Parameters go into `parameters`, initial-state columns into `initialState` (over the scenario's own start).
  const scenarioAt = (theta: readonly number[]): Record<string, unknown> => {
    const entries = scenarioEntriesOf(names, theta);
    // Calibration fits the parameters with every other input at the scenario's values: a shipped
    // scenario's `uncertainty` block (posterior rows, judged factors) is switched off here.
    return {
      ...baseScenario,
      ...(baseScenario.uncertainty === undefined ? {} : { uncertainty: FIXED_UNCERTAINTY }),
      months,
      parameters: { ...(baseScenario.parameters as Record<string, number> | undefined), ...entries.parameters },
      ...(Object.keys(entries.initialState).length === 0
        ? {}
        : { initialState: { ...(baseScenario.initialState as Record<string, unknown> | undefined), ...entries.initialState } }),
    };
  };
  const statisticsOf = (series: Readonly<Record<string, readonly number[]>>) => targetStatistics(setup.targets, windows, series);
  return {
    config: valid,
    setupName,
    setup,
    start,
    months,
    windows,
    prior,
    names,
    observed: setup.targets.map((target) => target.observed as ObservedValue),
    weights: setup.targets.map((target) => target.weight ?? 1),
    runsPerSimulation,
    scenarioAt,
    statisticsOf,
    simulateStatistics: (theta, seed) => {
      const { summary } = simulate(scenarioAt(theta), { runs: runsPerSimulation, seed });
      return statisticsOf(Object.fromEntries(Object.entries(summary.series).map(([id, series]) => [id, series.mean])));
    },
  };
}

/** The config's prior for each calibrated quantity, bounds defaulting to the documented range (or an initial-state column's bounds). */
function buildPrior(config: CalibrationConfig, setup: CalibrationSetup): Prior & { parts: readonly UnivariatePrior[] } {
  return independentPrior(
    Object.fromEntries(
      setup.calibrate.map((id) => {
        const spec = config.priors[id] as PriorSpec;
        const parameter = posteriorColumn(id)!;
        const [low, high] = parameter.range;
        const lower = spec.lower ?? low;
        const upper = spec.upper ?? high;
        if (spec.kind === 'uniform') return [id, uniformPrior(lower, upper)];
        if (spec.kind === 'log-uniform') return [id, logUniformPrior(lower, upper)];
        return [id, truncatedNormalPrior(spec.mean ?? parameter.value ?? (lower + upper) / 2, spec.sd ?? (upper - lower) / 4, lower, upper)];
      }),
    ),
  );
}
