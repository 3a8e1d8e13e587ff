import { normalQuantile } from '../math/normalQuantile.js';
import { standardNormalCdf } from '../math/standardNormalCdf.js';
import { FACTORS_BY_ID, type FactorId } from '../model/factors.js';
import type { ModelInputs } from '../model/inputs.js';
import { PARAMETERS_BY_ID, type ParameterValues } from '../model/parameters.js';
import { createRunStream } from '../rng/createRunStream.js';
import type { RandomSource } from '../rng/randomSource.js';
import { withInterventions } from './interventions.js';
import type { ValidScenario } from './parseScenario.js';
import { priorQuantile } from './parameterPrior.js';
import { posteriorRowIndex } from './posterior.js';
import { isInitialStateColumn, withInitialStateColumn } from './posteriorColumns.js';
import { toModelInputs } from './toModelInputs.js';
import { drawStartingFighters, STARTING_FIGHTERS_STREAM } from './startingFighters.js';
import { seriesOfDraw } from './uncertainFactor.js';

/** The name of the random stream per-run inputs are drawn from. */
export const INPUTS_STREAM = 'inputs';

/**
 * True when a validated scenario has inputs that differ between runs: uncertain factors, a
 * posterior sample of parameters, parameter scales or a range of starting strength.
 *
 * @example
 * isUncertain(parsed(SHIPPED_SCENARIOS['baseline-2020'])); // false
 * isUncertain(parsed({ ...base, factors: { warChest: { uniform: [50, 150] } } })); // true
 */
export function isUncertain(valid: ValidScenario): boolean {
  return (
    (valid.uncertain?.length ?? 0) > 0 ||
    valid.posterior !== undefined ||
    valid.uncertainty?.posterior !== undefined ||
    valid.uncertainty?.prior !== undefined ||
    (valid.uncertainty?.judged?.draws.some((draw) => draw.applied) ?? false) ||
    valid.fightersRange !== undefined ||
    valid.parameterScales !== undefined
  );
}

/** The name of the random stream judged factors (`uncertainty.factors: "plausible"`) are drawn from. */
export const JUDGED_FACTORS_STREAM = 'judgedFactors';
/** The name of the random stream `parameterScales` are drawn from (one uniform per scaled parameter, in registry order). */
export const PARAMETER_SCALES_STREAM = 'parameterScales';
/** The name of the random stream the `uncertainty.parameters` posterior row is drawn from. */
export const PARAMETERS_STREAM = 'parameters';

/**
 * The model inputs of run `run` of an ensemble with seed `seed`. Without uncertainty it is the
 * scenario's one (cached) inputs object, `toModelInputs(valid)`. With uncertainty, the run's
 * inputs are drawn from its own stream `createRunStream(seed, run, 'inputs')`, so they depend
 * only on (scenario, seed, run) — never on how runs are split across workers or batches — and
 * the model's own streams are untouched (common random numbers keep working).
 *
 * Draws, in this fixed order:
 * 1. the correlated factors (if `correlations` is given): one standard normal per factor by
 *    inversion, z = Φ⁻¹(u); x = L·z with L the Cholesky factor of the normal correlations
 *    ρ = 2 sin(π r / 6); u_i = Φ(x_i); value_i = F_i⁻¹(u_i). This is a Gaussian copula (Nelsen
 *    2006, "An Introduction to Copulas", §2.3; rank-correlation matching as in Clemen & Reilly
 *    1999, Management Science 45(2):208–224): every run is drawn independently, each factor
 *    keeps its exact marginal, and Spearman's correlation between two continuous factors is
 *    (6/π) arcsin(ρ/2) = r exactly in expectation. (Iman & Conover's (1982) reordering reaches the
 *    target more tightly but needs the whole sample at once, so runs would depend on each
 *    other and on the ensemble size.) For discrete factors (choices, uncertain months) ties
 *    pull the achieved rank correlation slightly towards 0.
 * 2. every other uncertain factor, in registry order: value = F⁻¹(u), one uniform each;
 * 3. the posterior row (if any): one uniform, mapped through the rows' weights; its columns set
 *    parameters and initial-state scalars (`initialState.networkCapacity`, …).
 * The scenario's `uncertainty` block draws from two streams of its own, so that two arms of a
 * comparison draw the same judged-factor quantiles and the same parameter row in run i
 * whatever their own distributions (common random numbers):
 * 4. stream "judgedFactors": one uniform per entry of `JUDGED_FACTOR_DISTRIBUTIONS` (always all
 *    of them, in table order, through the same Gaussian copula), each applied unless the
 *    scenario sets that factor itself;
 * 5. stream "parameters": one uniform for the `uncertainty.parameters` posterior's row, or with
 *    `"prior:<name>"` one uniform per column, each mapped through its prior's quantile.
 * 6. stream "parameterScales" (with `parameterScales`): one uniform per scaled parameter, in
 *    registry order, multiplying the value set or drawn above by low · (high / low)^u;
 * 7. stream "startingFighters" (with `initialState.fightersRange`): one uniform for the run's
 *    starting strength (see `drawStartingFighters`).
 * Each factor's monthly series then follows from its value (a constant, or a schedule whose
 * step falls at the drawn month), with the scenario's interventions applied on top.
 *
 * Cost: O(k² + uncertain factors × months) per run for k correlated factors; the model's
 * income yield is then recomputed once for the new inputs object.
 *
 * @example
 * const inputs = drawRunInputs(valid, 2020, 7);
 * inputs.factors.warChest[0];                         // this run's draw, e.g. 137.2…
 * drawRunInputs(valid, 2020, 7).factors.warChest[0];  // the same number, every time
 */
export function drawRunInputs(valid: ValidScenario, seed: number | string, run: number): ModelInputs {
  const nominal = toModelInputs(valid);
  if (!isUncertain(valid)) return nominal;
  const random = createRunStream(seed, run, INPUTS_STREAM);
  const months = valid.scenario.months;
  const factors = { ...nominal.factors } as Record<FactorId, Float64Array>;
  const drawn = new Map<FactorId, number>();
  const correlated = valid.correlations;
  if (correlated) {
    const uniforms = correlatedUniforms(correlated.cholesky, random);
    correlated.factors.forEach((id, i) => drawn.set(id, uniforms[i] as number));
  }
  for (const uncertain of valid.uncertain ?? []) {
    const u = drawn.get(uncertain.id) ?? random();
    const series = seriesOfDraw(FACTORS_BY_ID[uncertain.id], uncertain, uncertain.quantile(u), months);
    factors[uncertain.id] = withInterventions(uncertain.id, series, valid.interventions);
  }
  const judged = valid.uncertainty?.judged;
  if (judged) {
    const uniforms = correlatedUniforms(judged.cholesky, createRunStream(seed, run, JUDGED_FACTORS_STREAM));
    judged.draws.forEach((draw, i) => {
      if (!draw.applied) return;
      factors[draw.distribution.id] = withInterventions(draw.distribution.id, draw.series(uniforms[i] as number), valid.interventions);
    });
  }
  let parameters: ParameterValues = nominal.parameters;
  let initialState = nominal.initialState;
  const blockPosterior = valid.uncertainty?.posterior;
  const posterior = valid.posterior ?? blockPosterior;
  if (posterior) {
    const u = valid.posterior ? random() : createRunStream(seed, run, PARAMETERS_STREAM)();
    const row = posterior.samples[posteriorRowIndex(posterior, u)] as readonly number[];
    const values = { ...nominal.parameters } as Record<string, number>;
    posterior.parameters.forEach((id, j) => {
      if (isInitialStateColumn(id)) initialState = withInitialStateColumn(initialState, id, row[j] as number);
      else values[id] = row[j] as number;
    });
    parameters = values as ParameterValues;
  }
  const prior = valid.uncertainty?.prior;
  if (prior) {
    const stream = createRunStream(seed, run, PARAMETERS_STREAM);
    const values = { ...parameters } as Record<string, number>;
    prior.parameters.forEach((id, j) => {
      const value = priorQuantile(prior.priors[j]!, stream());
      if (isInitialStateColumn(id)) initialState = withInitialStateColumn(initialState, id, value);
      else values[id] = PARAMETERS_BY_ID[id as keyof typeof PARAMETERS_BY_ID]?.integer ? Math.round(value) : value;
    });
    parameters = values as ParameterValues;
  }
  if (valid.parameterScales) {
    const stream = createRunStream(seed, run, PARAMETER_SCALES_STREAM);
    const values = { ...parameters } as Record<string, number>;
    for (const { id, low, high } of valid.parameterScales) {
      const scaled = (values[id] as number) * low * Math.pow(high / low, stream());
      values[id] = PARAMETERS_BY_ID[id].integer ? Math.round(scaled) : scaled;
    }
    parameters = values as ParameterValues;
  }
  if (valid.fightersRange) {
    initialState = drawStartingFighters(initialState, valid.fightersRange, createRunStream(seed, run, STARTING_FIGHTERS_STREAM)());
  }
  return { ...nominal, factors, parameters, ...(initialState === undefined ? {} : { initialState }) };
}

/**
 * k uniforms with a Gaussian copula whose normal correlation has Cholesky factor L: z_i = Φ⁻¹(u_i)
 * from k uniforms, x = L·z, then Φ(x_i). A uniform of exactly 0 is moved to the smallest
 * positive double so that Φ⁻¹ stays finite.
 */
function correlatedUniforms(cholesky: readonly (readonly number[])[], random: RandomSource): number[] {
  const k = cholesky.length;
  const z = Array.from({ length: k }, () => {
    const u = random();
    return normalQuantile(u > 0 ? u : Number.MIN_VALUE);
  });
  return cholesky.map((row) => {
    let x = 0;
    for (let j = 0; j < k; j++) x += (row[j] as number) * (z[j] as number);
    return standardNormalCdf(x);
  });
}
