import packageJson from '../../package.json';
import { resurgenceModel } from '../model/resurgenceModel.js';
import { EVENTS, OBSERVABLES, OBSERVABLE_IDS, EVENT_IDS } from '../model/observables.js';
import { canonicalJson, sha256Hex } from '../scenario/hash.js';
import { ScenarioError } from '../scenario/issues.js';
import { parseScenario, type ValidScenario } from '../scenario/parseScenario.js';
import { isParsedScenario } from '../scenario/parsedMark.js';
import { describeUncertainty, withUncertaintyMode, type UncertaintyDescription, type UncertaintyMode } from '../scenario/uncertainty.js';
import type { RunResult } from './runOnce.js';
import { addRunInPlace, createEnsembleAccumulator, hasExactQuantiles, summarizeAccumulator, type EnsembleAccumulator } from './ensembleAccumulator.js';
import { runBatch, type RunFailure } from './runBatch.js';
import type { EventSummary, SeriesSummary } from './summaryTypes.js';

/** Options of {@link simulate}; every one is optional. */
export interface SimulateOptions {
  /** Number of runs. Default: the scenario's `runs`, else 1,000. */
  readonly runs?: number;
  /** Seed of the ensemble. Default: the scenario's `seed`, else 1. */
  readonly seed?: number | string;
  /** Keep every run's series in the result (`result.runs`). Default false. */
  readonly perRun?: boolean;
  /** Called after each finished run with (done, total). Default: none. */
  readonly onProgress?: (done: number, total: number) => void;
  /** First run index to compute (for sharding); runs [firstRun, firstRun + runs). Default 0. */
  readonly firstRun?: number;
  /** Throw the first failing run's error instead of recording it in `summary.failures`. Default false. */
  readonly failFast?: boolean;
  /** Runs that throw on purpose, to test fault handling. Never set in real use. Default none. */
  readonly injectFailures?: readonly number[];
  /**
   * "scenario": draw what the scenario's `uncertainty` block says; "none": keep every
   * parameter and judged factor fixed (the fixed-input mode, bands of run-to-run noise only).
   * Default "scenario".
   */
  readonly uncertainty?: UncertaintyMode;
}

/** Where a result came from: enough to reproduce it exactly. No wall-clock time, on purpose. */
export interface Provenance {
  readonly package: string;
  readonly version: string;
  readonly model: string;
  /** SHA-256 of the scenario's canonical JSON (keys sorted; `$schema` left out). */
  readonly scenarioHash: string;
  readonly seed: number | string;
  readonly runs: number;
  readonly firstRun: number;
  /** Every factor's value per month, as the runs used them. */
  readonly factors: Record<string, number[]>;
  /** Every parameter's value. */
  readonly parameters: Record<string, number>;
}

/** An ensemble's summary, as `resurgence run --json` prints it. */
export interface EnsembleSummary {
  readonly provenance: Provenance;
  readonly scenario: { name: string; title?: string; question: string; start: string; months: number };
  /** Calendar label of each month ("2020-05", …). */
  readonly months: string[];
  readonly series: Record<string, SeriesSummary>;
  readonly events: Record<string, EventSummary & { description: string }>;
  /** Units of each observable. */
  readonly units: Record<string, string>;
  /** How the quantile bands were computed: exactly (type 7) or by a DDSketch of stated accuracy. */
  readonly quantiles: string;
  /** Runs that threw, left out of every statistic above (their count is runs − completed). */
  readonly failures: readonly RunFailure[];
  /** What the bands include: run-to-run randomness, and whether parameters and factors were drawn (and from what). */
  readonly uncertainty: UncertaintyDescription;
}

/** What {@link simulate} returns: the summary, plus every run when `perRun` was asked. */
export interface EnsembleResult {
  readonly summary: EnsembleSummary;
  readonly observables: readonly string[];
  readonly events: readonly string[];
  readonly runs?: readonly RunResult[];
}

const DEFAULT_RUNS = 1000;
const DEFAULT_SEED = 1;

/**
 * Runs a seeded Monte Carlo ensemble of the resurgence model for a scenario and summarises it.
 * Run i draws from streams keyed by (seed, i, mechanism), so its numbers never depend on how
 * many runs were asked for or how they were split.
 *
 * Accepts a scenario object (as in a scenario file) or an already validated scenario; throws a
 * {@link ScenarioError} carrying structured issues when the scenario is invalid.
 *
 * @example
 * const result = simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs: 200, seed: 7 });
 * result.summary.series.attacks.p50[0]; // 374 (median attacks in May 2020)
 * result.summary.events.territorialComeback.probability; // 0
 */
export function simulate(scenario: unknown, options: SimulateOptions = {}): EnsembleResult {
  const valid = withUncertaintyMode(validScenario(scenario), options.uncertainty ?? 'scenario');
  const runs = options.runs ?? valid.scenario.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? valid.scenario.seed ?? DEFAULT_SEED;
  const firstRun = options.firstRun ?? 0;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`invalid runs: ${runs} (expected an integer ≥ 1)`);
  if (!Number.isInteger(firstRun) || firstRun < 0) throw new RangeError(`invalid firstRun: ${firstRun} (expected an integer ≥ 0)`);
  const accumulator = createEnsembleAccumulatorFor(valid);
  const kept: RunResult[] = [];
  let done = 0;
  const failures = runBatch(
    valid,
    { seed, firstRun, count: runs, failFast: options.failFast ?? false, injectFailures: options.injectFailures ?? [] },
    (result) => {
      addRunInPlace(accumulator, result);
      if (options.perRun) kept.push(result);
      options.onProgress?.(++done, runs);
    },
  );
  return {
    summary: buildEnsembleSummary(valid, { seed, runs, firstRun }, accumulator, failures),
    observables: OBSERVABLE_IDS,
    events: EVENT_IDS,
    ...(options.perRun ? { runs: kept } : {}),
  };
}

/** Quantiles stay exact up to this many runs; past it they come from a DDSketch (α = 0.5%). */
export const EXACT_QUANTILE_LIMIT = 20_000;

/** An empty accumulator for a scenario's ensemble (exact quantiles up to `exactQuantileLimit`, default {@link EXACT_QUANTILE_LIMIT}, runs). */
export function createEnsembleAccumulatorFor(valid: ValidScenario, exactQuantileLimit = EXACT_QUANTILE_LIMIT): EnsembleAccumulator {
  return createEnsembleAccumulator({
    observables: OBSERVABLE_IDS,
    events: EVENT_IDS,
    months: valid.scenario.months,
    exactQuantileLimit,
  });
}

/**
 * The ensemble's summary from what was accumulated: the same object whether the runs were
 * computed in one loop, by workers, in shards merged later, or resumed from a checkpoint.
 * `ensemble` describes the whole ensemble (runs asked for, first run), not the runs completed.
 */
export function buildEnsembleSummary(
  valid: ValidScenario,
  ensemble: { seed: number | string; runs: number; firstRun: number },
  accumulator: EnsembleAccumulator,
  failures: readonly RunFailure[],
): EnsembleSummary {
  if (accumulator.count === 0) {
    throw new Error(`all ${ensemble.runs} runs failed; the first: run ${failures[0]?.run}: ${failures[0]?.message}`);
  }
  const summary = summarizeAccumulator(accumulator);
  return {
    provenance: provenanceOf(valid, ensemble.seed, ensemble.runs, ensemble.firstRun),
    scenario: {
      name: valid.scenario.name,
      ...(valid.scenario.title === undefined ? {} : { title: valid.scenario.title }),
      question: valid.scenario.question,
      start: valid.scenario.start,
      months: valid.scenario.months,
    },
    months: monthLabels(valid.scenario.start, valid.scenario.months),
    series: summary.series,
    events: Object.fromEntries(EVENT_IDS.map((id) => [id, { description: EVENTS[id], ...(summary.events[id] as EventSummary) }])),
    units: Object.fromEntries(OBSERVABLE_IDS.map((id) => [id, OBSERVABLES[id].unit])),
    quantiles: hasExactQuantiles(accumulator) ? 'exact (type 7)' : `DDSketch, relative error ≤ ${accumulator.sketchAccuracy}`,
    failures: [...failures].sort((a, b) => a.run - b.run),
    uncertainty: describeUncertainty(valid),
  };
}

/** Validates a scenario object, or passes an already validated one through. */
export function validScenario(scenario: unknown): ValidScenario {
  if (isValidScenario(scenario)) return scenario;
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new ScenarioError(parsed.issues);
  return parsed.value;
}

// Only the very object parseScenario returned counts as validated (issue 17): a look-alike or a
// copy (e.g. with initialFighters: 5e6 written into its parameters) is never run unchecked.
function isValidScenario(value: unknown): value is ValidScenario {
  return isParsedScenario(value);
}

/** SHA-256 of the scenario's canonical JSON, without the editor-only `$schema`. */
export function scenarioHash(valid: ValidScenario): string {
  const { $schema: _ignored, ...content } = valid.scenario;
  return sha256Hex(canonicalJson(content));
}

function provenanceOf(valid: ValidScenario, seed: number | string, runs: number, firstRun: number): Provenance {
  return {
    package: packageJson.name,
    version: packageJson.version,
    model: resurgenceModel.name,
    scenarioHash: scenarioHash(valid),
    seed,
    runs,
    firstRun,
    factors: Object.fromEntries(Object.entries(valid.factors).map(([id, values]) => [id, Array.from(values)])),
    parameters: { ...valid.parameters },
  };
}

/**
 * Calendar labels for each month of a scenario.
 *
 * @example
 * monthLabels('2020-11', 3); // ['2020-11', '2020-12', '2021-01']
 */
export function monthLabels(start: string, months: number): string[] {
  const [year, month] = start.split('-').map(Number) as [number, number];
  const labels: string[] = [];
  for (let m = 0; m < months; m++) {
    const index = year * 12 + (month - 1) + m;
    labels.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return labels;
}
