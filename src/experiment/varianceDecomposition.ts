import { varianceComponents, type VarianceComponents } from '../analysis/varianceComponents.js';
import type { InitialStateOverride, ModelInputs } from '../model/inputs.js';
import { OBSERVABLE_IDS } from '../model/observables.js';
import { resurgenceModel } from '../model/resurgenceModel.js';
import { drawRunInputs } from '../scenario/drawRunInputs.js';
import { describeUncertainty, withUncertaintyMode, type UncertaintyDescription, type UncertaintyMode } from '../scenario/uncertainty.js';
import { runOnce } from './runOnce.js';
import { monthLabels, validScenario } from './simulate.js';

/** Options of {@link decomposeVariance}; every one is optional. */
export interface VarianceDecompositionOptions {
  /** Parameter rows drawn (nP). Default 10. */
  readonly parameterDraws?: number;
  /** Input (factor) draws (nF). Default 10. */
  readonly inputDraws?: number;
  /** Noise replicates per (parameter, input) cell (nR). Default 3. */
  readonly replicates?: number;
  /** Seed. Default: the scenario's `seed`, else 1. */
  readonly seed?: number | string;
  /** "scenario" (default) or "none" (see `simulate`). */
  readonly uncertainty?: UncertaintyMode;
  /** Called after each run with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Where each observable's variance comes from, month by month. */
export interface VarianceDecomposition {
  readonly scenario: string;
  readonly seed: number | string;
  readonly design: { readonly parameterDraws: number; readonly inputDraws: number; readonly replicates: number; readonly runs: number };
  /** Calendar label of each month. */
  readonly months: readonly string[];
  /** `components[observable][month]`. */
  readonly components: Readonly<Record<string, readonly VarianceComponents[]>>;
  /** What the scenario draws (a source it does not draw has no variance). */
  readonly uncertainty: UncertaintyDescription;
}

/** Offsets of the draw indices, so the three sources never share a stream index. */
const INPUT_OFFSET = 1_000_000;
const NOISE_OFFSET = 2_000_000;

/**
 * Splits each observable's variance at each month among the scenario's parameters (the
 * posterior row), its drawn inputs (judged factors, the scenario's own distributions and a
 * starting strength drawn from `initialState.fightersRange`), their
 * interaction, and the model's own randomness, by a crossed nested design: nP parameter draws ×
 * nF input draws × nR noise replicates, analysed with a two-way random-effects ANOVA
 * ({@link varianceComponents}; the law of total variance). Parameter draw i takes run i's
 * parameter row (and initial-state columns) from `drawRunInputs`, input draw j takes run
 * 1,000,000 + j's factors, and replicate k of cell (i, j) runs the model with run index
 * 2,000,000 + (i·nF + j)·nR + k: the three sources are independent and every number depends
 * only on (scenario, seed, design).
 *
 * Cost: nP · nF · nR model runs (300 by default) plus O(runs × months × observables).
 * Precision: each component's relative standard error is about √(2/(n − 1)) for its n levels
 * (≈ 0.47 with 10 draws), so read shares to one significant figure and raise the draws for more.
 *
 * @example
 * const d = decomposeVariance(SHIPPED_SCENARIOS['baseline-2020'], { seed: 1 });
 * d.components.fighters[24]; // { parameters: 1.9e7, inputs: 1.2e7, interaction: 3e6, noise: 2.3e4, total: 3.4e7 } (about)
 */
export function decomposeVariance(scenario: unknown, options: VarianceDecompositionOptions = {}): VarianceDecomposition {
  const valid = withUncertaintyMode(validScenario(scenario), options.uncertainty ?? 'scenario');
  const p = options.parameterDraws ?? 10;
  const f = options.inputDraws ?? 10;
  const r = options.replicates ?? 3;
  for (const [name, n] of [['parameterDraws', p], ['inputDraws', f], ['replicates', r]] as const) {
    if (!Number.isInteger(n) || n < 2) throw new RangeError(`invalid ${name}: ${n} (expected an integer ≥ 2)`);
  }
  const seed = options.seed ?? valid.scenario.seed ?? 1;
  const months = valid.scenario.months;
  const width = OBSERVABLE_IDS.length;
  const total = p * f * r;
  // values[(observable · months + month) · total + (i·f + j)·r + k]
  const values = new Float64Array(width * months * total);
  const parameterDraws = Array.from({ length: p }, (_, i) => drawRunInputs(valid, seed, i));
  const inputDraws = Array.from({ length: f }, (_, j) => drawRunInputs(valid, seed, INPUT_OFFSET + j));
  let done = 0;
  for (let i = 0; i < p; i++) {
    const byParameters = parameterDraws[i] as ModelInputs;
    for (let j = 0; j < f; j++) {
      const byInputs = inputDraws[j] as ModelInputs;
      let inputs: ModelInputs = {
        ...byInputs,
        parameters: byParameters.parameters,
        ...(byParameters.initialState === undefined ? {} : { initialState: byParameters.initialState }),
      };
      // A starting strength drawn from `initialState.fightersRange` is an input, not a parameter.
      if (valid.fightersRange) inputs = { ...inputs, initialState: startingFightersOf(byParameters.initialState, byInputs.initialState) };
      for (let k = 0; k < r; k++) {
        const index = (i * f + j) * r + k;
        const result = runOnce(resurgenceModel, inputs, seed, NOISE_OFFSET + index);
        for (let m = 0; m < months; m++) {
          for (let o = 0; o < width; o++) values[(o * months + m) * total + index] = result.series[m * width + o] as number;
        }
        options.onProgress?.(++done, total);
      }
    }
  }
  const design = { parameterDraws: p, inputDraws: f, replicates: r };
  const uncertainty = describeUncertainty(valid);
  const drawn = { parameters: uncertainty.parameters.drawn, inputs: uncertainty.factors.drawn };
  const components = Object.fromEntries(
    OBSERVABLE_IDS.map((id, o) => [
      id,
      Array.from({ length: months }, (_, m) => varianceComponents(values.subarray((o * months + m) * total, (o * months + m + 1) * total), design, drawn)),
    ]),
  );
  return {
    scenario: valid.scenario.name,
    seed,
    design: { ...design, runs: total },
    months: monthLabels(valid.scenario.start, months),
    components,
    uncertainty,
  };
}

/** The parameter draw's start with the input draw's fighters (total or per area). */
function startingFightersOf(byParameters: InitialStateOverride | undefined, byInputs: InitialStateOverride | undefined): InitialStateOverride {
  const { totalFighters: _total, fightersByArea: _byArea, ...rest } = byParameters ?? {};
  return {
    ...rest,
    ...(byInputs?.totalFighters === undefined ? {} : { totalFighters: byInputs.totalFighters }),
    ...(byInputs?.fightersByArea === undefined ? {} : { fightersByArea: byInputs.fightersByArea }),
  };
}
