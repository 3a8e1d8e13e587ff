import { normalQuantile } from './normalQuantile.js';
import type { InputDistribution } from './problem.js';
import { standardNormalCdf } from './standardNormalCdf.js';

/**
 * The quantile function (inverse CDF) u ↦ x of one input's distribution on its bounds
 * [lo, hi], to map unit-cube design points to input values (the inversion method; Devroye 1986,
 * "Non-Uniform Random Variate Generation", II.2). Constants are computed once, here, so the
 * returned function costs O(1) per call (O(log k) for a discrete input with k values).
 *
 * - uniform: lo + u·(hi − lo);
 * - triangular with mode c: lo + √(u(hi − lo)(c − lo)) below F(c) = (c − lo)/(hi − lo), else
 *   hi − √((1 − u)(hi − lo)(hi − c)) (Johnson, Kotz & Balakrishnan 1995, ch. 26 §9);
 * - normal-truncated: μ + σ·Φ⁻¹(Φ(α) + u(Φ(β) − Φ(α))) with α = (lo − μ)/σ, β = (hi − μ)/σ,
 *   computed on the upper tail when the interval lies above the mean so that precision is kept
 *   (Devroye 1986, II.2.2), clamped to [lo, hi];
 * - discrete: the first value whose cumulative probability exceeds u.
 *
 * The distribution is trusted (check it with `validateProblem` first). u = 0 gives lo for the
 * continuous laws; u = 1 gives hi.
 *
 * @example
 * const triangle = inverseCdf({ type: 'triangular', mode: 0 }, [0, 1]);
 * triangle(0.75); // 0.5 (F(x) = 1 − (1 − x)² = 0.75 at x = 0.5)
 * inverseCdf(undefined, [10, 20])(0.25); // 12.5
 */
export function inverseCdf(distribution: InputDistribution | undefined, bounds: readonly [number, number]): (u: number) => number {
  const [lo, hi] = bounds;
  const width = hi - lo;
  switch (distribution?.type ?? 'uniform') {
    case 'uniform':
      return (u) => lo + u * width;
    case 'triangular': {
      const mode = (distribution as { mode: number }).mode;
      const split = (mode - lo) / width;
      return (u) => (u < split ? lo + Math.sqrt(u * width * (mode - lo)) : hi - Math.sqrt((1 - u) * width * (hi - mode)));
    }
    case 'normal-truncated': {
      const { mean, sd } = distribution as { mean: number; sd: number };
      const alpha = (lo - mean) / sd;
      const beta = (hi - mean) / sd;
      const clamp = (x: number): number => Math.min(hi, Math.max(lo, x));
      if (alpha > 0) {
        // Whole interval above the mean: use upper tails Q(z) = Φ(−z), which keep precision.
        const qLo = standardNormalCdf(-alpha);
        const qHi = standardNormalCdf(-beta);
        return (u) => clamp(mean - sd * normalQuantile(qLo - u * (qLo - qHi)));
      }
      const pLo = standardNormalCdf(alpha);
      const pHi = standardNormalCdf(beta);
      return (u) => clamp(mean + sd * normalQuantile(pLo + u * (pHi - pLo)));
    }
    case 'discrete': {
      const { values, weights } = distribution as { values: readonly number[]; weights?: readonly number[] };
      const k = values.length;
      const total = weights ? weights.reduce((sum, w) => sum + w, 0) : k;
      const cumulative = new Float64Array(k);
      let running = 0;
      for (let i = 0; i < k; i++) {
        running += weights ? (weights[i] as number) : 1;
        cumulative[i] = running / total;
      }
      return (u) => {
        let low = 0;
        let high = k - 1;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (u < (cumulative[middle] as number)) high = middle;
          else low = middle + 1;
        }
        return values[low] as number;
      };
    }
    default:
      throw new RangeError(`invalid distribution.type: ${JSON.stringify(distribution?.type)}`);
  }
}
