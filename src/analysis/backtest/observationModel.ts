import { createRunStream } from '../../rng/createRunStream.js';
import { randomGammaMeanOne } from '../../rng/randomGammaMeanOne.js';

/**
 * How a source's numbers relate to the model's: what a source reports is
 * `scale × model value × noise`. The scale is a reporting ratio that holds for the whole series
 * (the share of press-reported incidents that are ISIS attacks, or the incidents one attack
 * makes; an analyst's habit of over- or under-counting fighters), uncertain between `scale[0]`
 * and `scale[1]` and drawn once per run; the noise is each point's own reporting error.
 */
export interface BacktestObservationModel {
  /** [low, high] reported per model unit (equal ends: a known scale). */
  readonly scale: readonly [number, number];
  /** Coefficient of variation of each point's error (gamma with mean 1), 0–0.7. */
  readonly noiseCv: number;
}

/**
 * Turns the model's per-run values of a series' points into what the source would report,
 * for scoring a forecast against a source that does not count what the model counts: the
 * predictive distribution of the reported number is that of `s × total × e`, with `s` drawn
 * log-uniformly on [scale₀, scale₁] once per run (a ratio known only to within a factor:
 * log-uniform is scale-invariant, so [0.5, 2] is symmetric about 1) and `e` a gamma variate with
 * mean 1 and variance noiseCv² per point (`randomGammaMeanOne`, the same law as the model's
 * monthly attack shock). The draws come from run `runIndex`'s stream `observation/<key>`, so
 * the result depends only on (seed, run index, key), never on the order runs arrive in or on
 * which other series are scored; the scale takes the stream's first uniform and point p the
 * (p + 2)th. A model whose scale is [1, 1] with noise 0 returns the totals unchanged.
 *
 * Why a model at all: documented counts of violence record an unknown and varying share of
 * events (Ball & Price 2019, "Using Statistics to Assess Lethal Violence in Civil and
 * Inter-State War", Annu. Rev. Stat. Appl. 6:63–84), so a forecast of events is scored against
 * such a count only after the reporting step is put into the forecast.
 *
 * Cost: O(points) per run, one uniform per draw.
 *
 * @example
 * // Run 3's incidents: 2 to 4 per attack, ±20% per point
 * observeRunTotals([100, 120], { scale: [2, 4], noiseCv: 0.2 }, { seed: 1, runIndex: 3, key: 'attacksIraq#0' });
 * // Float64Array [~ 2.8 × 100 × e₀, ~ 2.8 × 120 × e₁]
 */
export function observeRunTotals(
  totals: ArrayLike<number>,
  model: BacktestObservationModel,
  draw: { readonly seed: number | string; readonly runIndex: number; readonly key: string },
): Float64Array {
  const [low, high] = model.scale;
  if (!(low > 0) || !(high >= low)) throw new RangeError(`invalid scale: [${low}, ${high}] (expected 0 < low ≤ high)`);
  if (!(model.noiseCv >= 0 && model.noiseCv <= 0.7)) throw new RangeError(`invalid noiseCv: ${model.noiseCv} (expected 0–0.7)`);
  const random = createRunStream(draw.seed, draw.runIndex, `observation/${draw.key}`);
  const u = random();
  const scale = low === high ? low : Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)));
  const dispersion = model.noiseCv * model.noiseCv;
  return Float64Array.from(totals, (total) => scale * total * randomGammaMeanOne(random, dispersion));
}
