import packageJson from '../../package.json';
import { quantiles } from '../math/quantile.js';
import { monthLabels, simulate } from '../experiment/simulate.js';
import { OBSERVABLE_IDS } from '../model/observables.js';
import { createRunStream } from '../rng/createRunStream.js';
import { abcRejection } from './abcRejection.js';
import { abcSmc } from './abcSmc.js';
import { calibrationConfigHash } from './calibrationConfigHash.js';
import { calibrationProblem } from './calibrationProblem.js';
import type { AbcPosterior, AbcProgress, CompletedDraw } from './abcTypes.js';
import type { CalibrationConfigError, CalibrationTarget } from './calibrationConfig.js';
import { madScaledEuclidean, type ObservedValue } from './distance.js';
import type { UnivariatePrior } from './prior.js';
import { resamplePosterior } from './resamplePosterior.js';
import { summarizePosterior, type ParameterSummary } from './summarizePosterior.js';

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /** Seed of the calibration. Default: the config's `seed`, else 1. */
  readonly seed?: number | string;
  /** Which setup to run. Default: the config's `setup`. */
  readonly setup?: string;
  /** Resolves a setup's `scenario` to a scenario object. Default: the shipped scenarios by name. */
  readonly resolveScenario?: (reference: string) => unknown;
  /** Called after each simulation of the ABC, then after each posterior-predictive draw. */
  readonly onProgress?: (progress: CalibrationProgress) => void;
  /** The first prior draws and their statistics from an interrupted run of the same config, setup and seed (see `AbcCommonOptions.completedDraws`). Default none. */
  readonly completedDraws?: readonly CompletedDraw[];
  /** Called after each new prior draw is simulated, to checkpoint it. Default none. */
  readonly onDraw?: (index: number, draw: CompletedDraw) => void;
}

/** Progress of {@link calibrate}. */
export type CalibrationProgress =
  | ({ readonly phase: 'abc' } & AbcProgress)
  | { readonly phase: 'predictive'; readonly done: number; readonly total: number };

/** One target's posterior-predictive check. */
export interface TargetCheck {
  readonly id: string;
  readonly series: string;
  readonly observed: ObservedValue;
  /** Simulated months [from, to] the statistic covers. */
  readonly months: readonly [number, number];
  /** Median and central band (level) of the statistic across posterior draws × runs. */
  readonly median: number;
  readonly band: readonly [number, number];
  /** Does the band contain the observed value (or overlap the observed interval)? */
  readonly covered: boolean;
}

/** The posterior-predictive check of a calibration. */
export interface PosteriorPredictiveCheck {
  readonly level: number;
  readonly draws: number;
  readonly runsPerDraw: number;
  readonly targets: TargetCheck[];
  /** Ratios of consecutive attack-dataset levels (the trend), where a setup has two or more. */
  readonly trend: TargetCheck[];
  /** Monthly band of Iraq attacks (attack-dataset count) over the horizon. */
  readonly attacksIraq: { readonly months: string[]; readonly p05: number[]; readonly p50: number[]; readonly p95: number[] };
}

/** The file written to data/posteriors/<name>.json. */
export interface PosteriorFile {
  readonly parameters: string[];
  readonly samples: number[][];
  readonly weights: number[];
  readonly source: string;
  readonly configHash: string;
  readonly seed: number | string;
  readonly setup: string;
  readonly scenario: string;
  readonly package: string;
  readonly version: string;
  readonly method: AbcPosterior['method'];
  readonly priors: Record<string, Readonly<Record<string, number | string>>>;
  readonly targets: { id: string; series: string; observable: string; months: readonly [number, number]; statistic: string; observed: ObservedValue; weight: number; scale: number }[];
  readonly epsilonSchedule: number[];
  readonly acceptanceRates: number[];
  readonly simulations: number;
  readonly effectiveSampleSize: number;
  readonly stopReason: string;
  readonly summary: ParameterSummary[];
  readonly posteriorPredictive: PosteriorPredictiveCheck;
}

/** What {@link calibrate} returns. */
export interface CalibrationResult {
  readonly posterior: AbcPosterior;
  readonly summary: ParameterSummary[];
  readonly posteriorPredictive: PosteriorPredictiveCheck;
  /** The content of the posterior samples file. */
  readonly file: PosteriorFile;
}

/**
 * Calibrates the resurgence model's parameters against what was known by mid-2020, by ABC
 * (ABC-SMC by default; see {@link abcSmc}), then checks the posterior predictively.
 *
 * One ABC simulation at θ runs the setup's scenario with `parameters` overridden by θ,
 * `runsPerSimulation` runs, seed derived from (seed, generation, draw), and computes each
 * target's statistic (mean, sum or last value over its months) from the ensemble-mean series.
 * The distance is the weighted Euclidean distance on the statistics scaled by their
 * prior-predictive MAD, with interval targets (e.g. 14,000–18,000 members) at distance 0
 * inside (see `madScaledEuclidean`). Targets name their kind of series and the CSV row they
 * come from; attack datasets, press incidents and ISIS claims are never mixed.
 *
 * The posterior-predictive check re-simulates `posteriorPredictive.draws` draws (systematic
 * resampling) with `runs` runs each and reports each target statistic's central band across
 * draws and runs (so it includes run-to-run noise), whether it covers the observation, the
 * trend of consecutive attack-dataset levels, and the monthly band of Iraq attacks.
 *
 * Throws a {@link CalibrationConfigError} for an invalid config and a `ScenarioError` for an
 * invalid scenario. Deterministic: the same config and seed give the same numbers bit for bit.
 *
 * @example
 * const result = calibrate(JSON.parse(readFileSync('calibration/mid-2020.json', 'utf8')), { seed: 2020 });
 * result.summary[0]; // { name: 'attackRate', median: 0.0359…, interval: [0.0332…, 0.0836…], level: 0.9, … }
 * result.posteriorPredictive.targets[0]; // { id: 'iraqAttacks2020Q1', median: 188, band: [172, 204], covered: true, … }
 */
export function calibrate(config: unknown, options: CalibrateOptions = {}): CalibrationResult {
  const problem = calibrationProblem(config, {
    ...(options.setup === undefined ? {} : { setup: options.setup }),
    ...(options.resolveScenario === undefined ? {} : { resolveScenario: options.resolveScenario }),
  });
  const { config: valid, setupName, setup, start, months, windows, prior, names, scenarioAt, statisticsOf } = problem;
  const seed = options.seed ?? valid.seed ?? 1;

  const common = {
    prior,
    simulate: (theta: readonly number[], context: { seed: string }) => problem.simulateStatistics(theta, context.seed),
    summarize: (statistics: readonly number[]) => statistics,
    observed: problem.observed,
    distance: madScaledEuclidean({ weights: problem.weights }),
    seed,
    onProgress: (progress: AbcProgress) => options.onProgress?.({ phase: 'abc', ...progress }),
    ...(options.completedDraws === undefined ? {} : { completedDraws: options.completedDraws }),
    ...(options.onDraw === undefined ? {} : { onDraw: options.onDraw }),
  };
  const abc = { ...valid.abc, ...setup.abc };
  const sampled =
    abc.method === 'rejection'
      ? abcRejection({ ...common, draws: abc.draws ?? 1000, ...(abc.acceptQuantile === undefined ? {} : { acceptQuantile: abc.acceptQuantile }) })
      : abcSmc({
          ...common,
          ...(abc.particles === undefined ? {} : { particles: abc.particles }),
          ...(abc.initialDraws === undefined ? {} : { initialDraws: abc.initialDraws }),
          ...(abc.epsilonQuantile === undefined ? {} : { epsilonQuantile: abc.epsilonQuantile }),
          ...(abc.targetEpsilon === undefined ? {} : { targetEpsilon: abc.targetEpsilon }),
          ...(abc.minAcceptanceRate === undefined ? {} : { minAcceptanceRate: abc.minAcceptanceRate }),
          ...(abc.maxGenerations === undefined ? {} : { maxGenerations: abc.maxGenerations }),
          ...(abc.maxSimulations === undefined ? {} : { maxSimulations: abc.maxSimulations }),
        });
  // Four significant digits: far finer than any ABC tolerance, and a posterior of dozens of
  // parameters stays small enough to ship in the browser bundle. Everything below (summary,
  // predictive check, the file) uses the rounded draws, so the file reproduces its own check.
  const posterior = { ...sampled, samples: sampled.samples.map((theta) => theta.map((value) => Number(value.toPrecision(4)))) };
  const level = valid.posteriorPredictive.level ?? 0.9;
  const summary = summarizePosterior(posterior, level);

  // Posterior-predictive check: per-run statistics, so the band includes run-to-run noise.
  const { draws, runs } = valid.posteriorPredictive;
  const thetas = resamplePosterior(posterior, draws, createRunStream(`calibrate/${String(seed)}`, 0, 'predictive'));
  const perTarget: number[][] = setup.targets.map(() => []);
  const attackMonths: number[][] = Array.from({ length: months }, () => []);
  const iraq = OBSERVABLE_IDS.indexOf('attacksIraq');
  const width = OBSERVABLE_IDS.length;
  for (const [m, theta] of thetas.entries()) {
    const result = simulate(scenarioAt(theta), { runs, seed: `calibrate/${String(seed)}/predictive/${m}`, perRun: true });
    for (const run of result.runs ?? []) {
      const series = Object.fromEntries(OBSERVABLE_IDS.map((id, k) => [id, Array.from({ length: months }, (_, t) => run.series[t * width + k] as number)]));
      statisticsOf(series).forEach((value, k) => (perTarget[k] as number[]).push(value));
      for (let t = 0; t < months; t++) (attackMonths[t] as number[]).push(run.series[t * width + iraq] as number);
    }
    options.onProgress?.({ phase: 'predictive', done: m + 1, total: draws });
  }
  const tail = (1 - level) / 2;
  const check = (id: string, series: string, observed: ObservedValue, window: readonly [number, number], values: readonly number[]): TargetCheck => {
    const [low, median, high] = quantiles(values, [tail, 0.5, 1 - tail]) as [number, number, number];
    const covered = typeof observed === 'number' ? observed >= low && observed <= high : observed[1] >= low && observed[0] <= high;
    return { id, series, observed, months: window, median, band: [low, high], covered };
  };
  const targetChecks = setup.targets.map((target, k) => check(target.id, target.series, target.observed as ObservedValue, windows[k] as [number, number], perTarget[k] as number[]));
  // Trend: consecutive attack-dataset levels on the same observable, in time order.
  const levels = setup.targets
    .map((target, k) => ({ target, k }))
    .filter(({ target }) => target.series === 'attack-dataset' && target.statistic === 'mean' && typeof target.observed === 'number')
    .sort((a, b) => (windows[a.k] as number[])[0]! - (windows[b.k] as number[])[0]!);
  const trend: TargetCheck[] = [];
  for (let j = 1; j < levels.length; j++) {
    const before = levels[j - 1] as { target: CalibrationTarget; k: number };
    const after = levels[j] as { target: CalibrationTarget; k: number };
    if (before.target.observable !== after.target.observable) continue;
    const ratios = (perTarget[after.k] as number[]).map((v, i) => v / ((perTarget[before.k] as number[])[i] as number));
    trend.push(
      check(`${after.target.id}/${before.target.id}`, 'attack-dataset', (after.target.observed as number) / (before.target.observed as number), [
        (windows[before.k] as number[])[0]!,
        (windows[after.k] as number[])[1]!,
      ], ratios),
    );
  }
  const bands = attackMonths.map((values) => quantiles(values, [0.05, 0.5, 0.95]) as [number, number, number]);
  const posteriorPredictive: PosteriorPredictiveCheck = {
    level,
    draws,
    runsPerDraw: runs,
    targets: targetChecks,
    trend,
    attacksIraq: { months: monthLabels(start, months), p05: bands.map((b) => b[0]), p50: bands.map((b) => b[1]), p95: bands.map((b) => b[2]) },
  };

  const file: PosteriorFile = {
    parameters: [...names],
    samples: posterior.samples,
    weights: posterior.weights,
    source: `calibration/${valid.name}.json`,
    configHash: calibrationConfigHash(config, setupName),
    seed,
    setup: setupName,
    scenario: setup.scenario,
    package: packageJson.name,
    version: packageJson.version,
    method: posterior.method,
    priors: Object.fromEntries(names.map((name, k) => [name, (prior.parts[k] as UnivariatePrior).spec])),
    targets: setup.targets.map((target, k) => ({
      id: target.id,
      series: target.series,
      observable: target.observable,
      months: windows[k] as [number, number],
      statistic: target.statistic,
      observed: target.observed as ObservedValue,
      weight: target.weight ?? 1,
      scale: posterior.scales[k] as number,
    })),
    epsilonSchedule: posterior.epsilonSchedule,
    acceptanceRates: posterior.acceptanceRates,
    simulations: posterior.simulations,
    effectiveSampleSize: posterior.effectiveSampleSize,
    stopReason: posterior.stopReason,
    summary,
    posteriorPredictive,
  };
  return { posterior, summary, posteriorPredictive, file };
}
