/**
 * The variance of an output split by source: parameters (P), inputs (F), their interaction,
 * and the model's own randomness (R, within a cell). Each is an estimated variance; `shares`
 * divides them by their sum.
 */
export interface VarianceComponents {
  /** Var(E[Y | P]): how much of the variance the parameters alone explain (first order). */
  readonly parameters: number;
  /** Var(E[Y | F]): how much the judged inputs alone explain (first order). */
  readonly inputs: number;
  /** The part of Var(E[Y | P, F]) neither explains alone (P × F interaction). */
  readonly interaction: number;
  /** E[Var(Y | P, F)]: the model's own run-to-run randomness with both fixed. */
  readonly noise: number;
  /** The sum of the four (the total variance the design estimates). */
  readonly total: number;
}

/**
 * Variance components of a crossed nested design by the two-way random-effects ANOVA with
 * replication (Searle, Casella & McCulloch 1992, "Variance Components", §4.5; Montgomery,
 * "Design and Analysis of Experiments", §13.3): `values[(i · nF + j) · nR + k]` is the output of
 * parameter draw i (of nP), input draw j (of nF) and noise replicate k (of nR). With the mean
 * squares MS_P, MS_F, MS_PF and MS_R, the unbiased estimates are
 * σ²_P = (MS_P − MS_PF)/(nF nR), σ²_F = (MS_F − MS_PF)/(nP nR), σ²_PF = (MS_PF − MS_R)/nR and
 * σ²_R = MS_R. By the law of total variance σ²_P = Var(E[Y|P]), σ²_F = Var(E[Y|F]) and
 * σ²_R = E[Var(Y|P,F)] when P and F are drawn independently. A negative estimate (sampling
 * error of a component near zero) is set to 0, as is usual (Searle et al. §4.3).
 *
 * A source that was not drawn (`drawn.parameters` or `drawn.inputs` false: its levels are all
 * the same) has no variance by construction: its component and the interaction are exactly 0,
 * and its levels count as replicates of the other source's (one-way ANOVA; with neither drawn,
 * the whole variance is noise).
 *
 * Cost: O(nP · nF · nR), one pass for the cell means and one for the sums of squares.
 *
 * @example
 * // Y = P + 2F + noise, P, F ~ N(0, 1), noise ~ N(0, 0.25): components ≈ 1, 4, 0, 0.25
 * varianceComponents(values, { parameterDraws: 40, inputDraws: 40, replicates: 4 });
 * // { parameters: 1.0…, inputs: 3.9…, interaction: 0.00…, noise: 0.25…, total: 5.2… }
 */
export function varianceComponents(
  values: ArrayLike<number>,
  design: { readonly parameterDraws: number; readonly inputDraws: number; readonly replicates: number },
  drawn: { readonly parameters: boolean; readonly inputs: boolean } = { parameters: true, inputs: true },
): VarianceComponents {
  const { parameterDraws: p, inputDraws: f, replicates: r } = design;
  for (const [name, n] of Object.entries(design)) {
    if (!Number.isInteger(n) || n < 2) throw new RangeError(`invalid ${name}: ${n} (expected an integer ≥ 2)`);
  }
  if (values.length !== p * f * r) throw new RangeError(`invalid values: length ${values.length} (expected ${p} × ${f} × ${r} = ${p * f * r})`);
  if (!drawn.parameters || !drawn.inputs) return oneWay(values, p, f, r, drawn);
  const cell = new Float64Array(p * f);
  let withinSquares = 0;
  for (let c = 0; c < p * f; c++) {
    let sum = 0;
    for (let k = 0; k < r; k++) sum += values[c * r + k] as number;
    const mean = sum / r;
    cell[c] = mean;
    for (let k = 0; k < r; k++) withinSquares += ((values[c * r + k] as number) - mean) ** 2;
  }
  const rowMean = new Float64Array(p);
  const columnMean = new Float64Array(f);
  let grand = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < f; j++) {
      const m = cell[i * f + j] as number;
      rowMean[i] = (rowMean[i] as number) + m / f;
      columnMean[j] = (columnMean[j] as number) + m / p;
      grand += m / (p * f);
    }
  }
  let ssP = 0;
  for (let i = 0; i < p; i++) ssP += f * r * ((rowMean[i] as number) - grand) ** 2;
  let ssF = 0;
  for (let j = 0; j < f; j++) ssF += p * r * ((columnMean[j] as number) - grand) ** 2;
  let ssPF = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < f; j++) ssPF += r * ((cell[i * f + j] as number) - (rowMean[i] as number) - (columnMean[j] as number) + grand) ** 2;
  }
  const msP = ssP / (p - 1);
  const msF = ssF / (f - 1);
  const msPF = ssPF / ((p - 1) * (f - 1));
  const msR = withinSquares / (p * f * (r - 1));
  const parameters = Math.max(0, (msP - msPF) / (f * r));
  const inputs = Math.max(0, (msF - msPF) / (p * r));
  const interaction = Math.max(0, (msPF - msR) / r);
  const noise = msR;
  return { parameters, inputs, interaction, noise, total: parameters + inputs + interaction + noise };
}

/** One-way random-effects ANOVA when one source (or both) was not drawn: its levels are replicates. */
function oneWay(values: ArrayLike<number>, p: number, f: number, r: number, drawn: { readonly parameters: boolean; readonly inputs: boolean }): VarianceComponents {
  const n = p * f * r;
  // The level of each value for the drawn source (or one level when neither is drawn).
  const levels = drawn.parameters ? p : drawn.inputs ? f : 1;
  const levelOf = (index: number) => {
    const cell = Math.floor(index / r);
    return drawn.parameters ? Math.floor(cell / f) : drawn.inputs ? cell % f : 0;
  };
  const sums = new Float64Array(levels);
  for (let index = 0; index < n; index++) sums[levelOf(index)] = (sums[levelOf(index)] as number) + (values[index] as number);
  const per = n / levels;
  const means = sums.map((sum) => sum / per);
  const grand = means.reduce((a, b) => a + b, 0) / levels;
  let within = 0;
  for (let index = 0; index < n; index++) within += ((values[index] as number) - (means[levelOf(index)] as number)) ** 2;
  const noise = within / (n - levels);
  let between = 0;
  for (const mean of means) between += per * (mean - grand) ** 2;
  const component = levels > 1 ? Math.max(0, (between / (levels - 1) - noise) / per) : 0;
  const parameters = drawn.parameters ? component : 0;
  const inputs = drawn.parameters ? 0 : component;
  return { parameters, inputs, interaction: 0, noise, total: parameters + inputs + noise };
}
