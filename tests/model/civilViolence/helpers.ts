import { createRunStream } from '../../../src/rng/createRunStream.js';
import type { RandomSource } from '../../../src/rng/randomSource.js';
import { runOnce } from '../../../src/experiment/runOnce.js';
import { civilViolenceModel, civilViolenceInputs, type CivilViolenceOptions } from '../../../src/model/civilViolence/index.js';

/** The streams runOnce would give run `run` of `seed` (same keys), for tests that step by hand. */
export function streamsFor(seed: number | string, run: number): Record<string, RandomSource> {
  const streams: Record<string, RandomSource> = {};
  for (const name of civilViolenceModel.streams) streams[name] = createRunStream(seed, run, `${civilViolenceModel.name}/${name}`);
  return streams;
}

/** One observable's series of one run through the generic engine. */
export function observableSeries(options: CivilViolenceOptions, seed: number | string, run: number, observable = 'active'): number[] {
  const inputs = civilViolenceInputs(options);
  const result = runOnce(civilViolenceModel, inputs, seed, run);
  const width = civilViolenceModel.observables.length;
  const k = civilViolenceModel.observables.indexOf(observable);
  return Array.from({ length: inputs.ticks }, (_, t) => result.series[t * width + k] as number);
}

/** Mean, sample variance and size of a sample. */
export function moments(values: readonly number[]): { mean: number; variance: number; n: number } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { mean, variance, n };
}

/**
 * Two-sided 97.5% quantiles of Student's t for small degrees of freedom (standard tables, e.g.
 * Abramowitz & Stegun 1964, Table 26.10), used for 95% confidence intervals of small samples.
 */
const T_975: Record<number, number> = { 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228, 11: 2.201, 12: 2.179, 13: 2.16, 14: 2.145, 15: 2.131 };

export function tQuantile975(df: number): number {
  const value = T_975[Math.min(15, Math.max(5, Math.floor(df)))];
  if (value === undefined) throw new Error(`no t quantile for df ${df}`);
  return value;
}

/** 95% t interval of a sample mean (df = n − 1). */
export function meanInterval(values: readonly number[]): { mean: number; low: number; high: number } {
  const { mean, variance, n } = moments(values);
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half };
}

/**
 * Welch's 95% interval of mean(a) − mean(b), with Welch's conservative degrees of freedom
 * min(n_a, n_b) − 1 (never more than the Welch–Satterthwaite value).
 */
export function welchInterval(a: readonly number[], b: readonly number[]): { difference: number; low: number; high: number } {
  const x = moments(a);
  const y = moments(b);
  const difference = x.mean - y.mean;
  const half = tQuantile975(Math.min(x.n, y.n) - 1) * Math.sqrt(x.variance / x.n + y.variance / y.n);
  return { difference, low: difference - half, high: difference + half };
}
