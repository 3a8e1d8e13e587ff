/**
 * The Ishigami–Homma function f(x) = sin x1 + a·sin² x2 + b·x3⁴·sin x1, for x uniform on
 * [−π, π]³: strongly non-linear and non-monotonic, with an x1–x3 interaction and no effect of
 * x3 alone, the standard check of Sobol' estimators. Defaults a = 7, b = 0.1 (Saltelli et al.
 * 2000; SALib's `Ishigami`). Analytic indices: {@link ishigamiIndices}.
 *
 * Cost: O(1). Reference: T. Ishigami & T. Homma (1990), "An importance quantification technique
 * in uncertainty analysis for computer models", Proc. ISUMA '90, 398–403.
 *
 * @example
 * ishigami([Math.PI / 2, Math.PI / 2, 1]); // 8.1 (= 1 + 7 + 0.1)
 */
export function ishigami(x: ArrayLike<number>, a = 7, b = 0.1): number {
  const x1 = x[0] as number;
  const s2 = Math.sin(x[1] as number);
  return Math.sin(x1) + a * s2 * s2 + b * (x[2] as number) ** 4 * Math.sin(x1);
}

/** Analytic Sobol' indices of a test function (second order as [i][j], i < j, NaN elsewhere). */
export interface AnalyticIndices {
  readonly S1: number[];
  readonly ST: number[];
  readonly S2?: number[][];
}

/**
 * The analytic Sobol' indices of {@link ishigami} for parameters a, b, from its variance
 * decomposition (Sobol' & Levitan 1999; Saltelli et al. 2000, §2.9):
 * V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V3 = 0, V13 = b²π⁸(1/18 − 1/50) = 8b²π⁸/225, other terms 0,
 * V = V1 + V2 + V13. For a = 7, b = 0.1: S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437),
 * S13 = 0.2437.
 *
 * Cost: O(1).
 * References: I. M. Sobol' & Y. L. Levitan (1999), Comput. Phys. Commun. 117:52–61;
 * A. Saltelli, K. Chan & E. M. Scott (2000), "Sensitivity Analysis", Wiley.
 *
 * @example
 * ishigamiIndices().S1; // [0.31390519114781146, 0.4424111447900409, 0]
 */
export function ishigamiIndices(a = 7, b = 0.1): AnalyticIndices {
  const pi4 = Math.PI ** 4;
  const V1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const V2 = (a * a) / 8;
  const V13 = (8 * b * b * pi4 * pi4) / 225;
  const V = V1 + V2 + V13;
  const S2 = Array.from({ length: 3 }, () => [NaN, NaN, NaN]);
  (S2[0] as number[])[1] = 0;
  (S2[0] as number[])[2] = V13 / V;
  (S2[1] as number[])[2] = 0;
  return { S1: [V1 / V, V2 / V, 0], ST: [(V1 + V13) / V, V2 / V, V13 / V], S2 };
}

/**
 * Sobol's G-function f(x) = Π_i (|4x_i − 2| + a_i) / (1 + a_i) on the unit cube: each factor has
 * mean 1, and a small a_i makes input i important (a_i = 0 very, a_i = 99 hardly). Analytic
 * indices: {@link sobolGIndices}.
 *
 * Cost: O(D). Reference: I. M. Sobol' (1993/1990), "Sensitivity estimates for nonlinear
 * mathematical models", Math. Model. Comput. Exp. 1:407–414; A. Saltelli & I. M. Sobol' (1995),
 * Reliab. Eng. Syst. Saf. 50:225–239.
 *
 * @example
 * sobolG([0.5, 0.5], [0, 1]); // 0 (the first factor is |0| + 0)
 * sobolG([1, 0], [0, 1]);     // 3 (= 2 · (2 + 1)/2)
 */
export function sobolG(x: ArrayLike<number>, a: readonly number[]): number {
  let product = 1;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i] as number;
    product *= (Math.abs(4 * (x[i] as number) - 2) + ai) / (1 + ai);
  }
  return product;
}

/**
 * The analytic first- and total-order indices of {@link sobolG}: with V_i = 1/(3(1 + a_i)²) and
 * V = Π(1 + V_i) − 1, S_i = V_i / V and S_Ti = V_i · Π_{j≠i}(1 + V_j) / V (Saltelli & Sobol'
 * 1995, eq. 23; Saltelli et al. 2010, §5).
 *
 * Cost: O(D). Reference: A. Saltelli & I. M. Sobol' (1995), Reliab. Eng. Syst. Saf. 50:225–239.
 *
 * @example
 * sobolGIndices([0, 1]).S1; // [0.7500000000000003, 0.18750000000000008] (V1 = 1/3, V2 = 1/12, V = 4/9)
 */
export function sobolGIndices(a: readonly number[]): AnalyticIndices {
  const Vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const product = Vi.reduce((p, v) => p * (1 + v), 1);
  const V = product - 1;
  return { S1: Vi.map((v) => v / V), ST: Vi.map((v) => ((v * product) / (1 + v)) / V) };
}
