/**
 * Mean and normal-approximation 95% confidence interval (mean ± 1.96·sd/√n, sd with n − 1) of
 * a sample: the tolerance the statistical tests use, derived from the sample size.
 */
export function meanWithInterval(values: readonly number[]): { mean: number; ci: readonly [number, number] } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  const half = 1.96 * Math.sqrt(variance / values.length);
  return { mean, ci: [mean - half, mean + half] };
}
