import type { SobolIndices } from './sobolIndices.js';

/** Options of {@link sensitivityWarnings}. */
export interface SensitivityWarningsOptions {
  /** Largest acceptable half-width as a share of the index (default 0.1: ±10 %). */
  readonly relativeHalfWidth?: number;
  /**
   * Indices smaller than this in absolute value are judged as if they were this size
   * (default 0.01), so an input with no effect must be shown below ±0.001 rather than to ±10 %
   * of zero, which no sample size can achieve.
   */
  readonly minimumIndex?: number;
}

/** One problem with a Sobol' result, as data; `message` renders it for people. */
export interface SensitivityWarning {
  /**
   * `wide-interval`: half-width above the tolerance; `negative-index`: the index is below zero
   * by more than its half-width (an index is a share of variance, so the estimate is off by at
   * least its size); `constant-output`: no variance, no index.
   */
  readonly code: 'wide-interval' | 'negative-index' | 'constant-output';
  /** Which kind of index. */
  readonly index: 'S1' | 'ST' | 'S2';
  /** The input(s) concerned (two for S2; all for constant-output). */
  readonly names: readonly string[];
  /** The estimate (NaN for constant-output). */
  readonly value: number;
  /** Its interval half-width. */
  readonly conf: number;
  /** The tolerance the half-width was held to: relativeHalfWidth · max(|value|, minimumIndex). */
  readonly tolerance: number;
  /** The base sample size (a power of two) expected to fix it; Infinity when none can. */
  readonly suggestedN: number;
  /** A sentence for people. */
  readonly message: string;
}

/**
 * Checks a Sobol' result for indices that are not yet trustworthy and says which base sample
 * size N would fix each: an interval half-width above relativeHalfWidth (10 %) of the index
 * (indices below minimumIndex count as minimumIndex), or an index negative beyond its
 * interval. Monte Carlo half-widths shrink as 1/√N (Saltelli et al. 2010, §4; the bootstrap
 * standard error of a mean), so a half-width `conf` at N becomes `tolerance` at
 * N' = N · (conf / tolerance)², rounded up to the next power of two (Saltelli designs need
 * one); for a negative index the error is at least |value|, giving N' = N · (|value| / tolerance)².
 * N' is always at least 2N. A constant output gives one `constant-output` warning and nothing
 * else (more runs do not help; suggestedN is Infinity).
 *
 * Indices are checked in the order S1, ST, S2 (i < j), input by input. Returns an empty array
 * when nothing needs attention.
 *
 * Cost: O(D²). Reference: A. Saltelli et al. (2010), Comput. Phys. Commun. 181:259–270, §4
 * (convergence of the estimators with N).
 *
 * @example
 * // result = sobolIndices(...) of the Ishigami function, N = 1024 (see sobolIndices)
 * sensitivityWarnings(result, 1024)[0].message;
 * // "S1 of x1: 0.317 ± 0.0578, wider than ±0.0317 (10% of max(|index|, 0.01)); N = 4096 would
 * //  narrow it to about that (half-widths shrink as 1/√N)"
 */
export function sensitivityWarnings(result: SobolIndices, n: number, options: SensitivityWarningsOptions = {}): SensitivityWarning[] {
  const relative = options.relativeHalfWidth ?? 0.1;
  const floor = options.minimumIndex ?? 0.01;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`invalid n: ${n} (expected an integer ≥ 1)`);
  if (!(relative > 0)) throw new RangeError(`invalid relativeHalfWidth: ${relative} (expected > 0)`);
  if (!(floor >= 0)) throw new RangeError(`invalid minimumIndex: ${floor} (expected ≥ 0)`);
  if (result.constant) {
    return [{
      code: 'constant-output',
      index: 'S1',
      names: [...result.names],
      value: NaN,
      conf: NaN,
      tolerance: NaN,
      suggestedN: Infinity,
      message: 'the output is the same in every run: its variance is 0 and Sobol\' indices are undefined (more runs will not change that)',
    }];
  }
  const warnings: SensitivityWarning[] = [];
  const check = (index: 'S1' | 'ST' | 'S2', names: readonly string[], value: number, conf: number): void => {
    if (!Number.isFinite(value) || !Number.isFinite(conf)) return;
    const tolerance = relative * Math.max(Math.abs(value), floor);
    const label = `${index} of ${names.join(' × ')}`;
    const shown = `${format(value)} ± ${format(conf)}`;
    if (value + conf < 0) {
      const suggestedN = suggest(n, Math.abs(value), tolerance);
      warnings.push({
        code: 'negative-index',
        index,
        names,
        value,
        conf,
        tolerance,
        suggestedN,
        message: `${label}: ${shown} is negative beyond its interval, so the estimate is off by at least ${format(Math.abs(value))}; N = ${suggestedN} would bring that error to about ±${format(tolerance)} (errors shrink as 1/√N)`,
      });
    } else if (conf > tolerance) {
      const suggestedN = suggest(n, conf, tolerance);
      warnings.push({
        code: 'wide-interval',
        index,
        names,
        value,
        conf,
        tolerance,
        suggestedN,
        message: `${label}: ${shown}, wider than ±${format(tolerance)} (${format(relative * 100)}% of max(|index|, ${format(floor)})); N = ${suggestedN} would narrow it to about that (half-widths shrink as 1/√N)`,
      });
    }
  };
  const { names } = result;
  names.forEach((name, j) => check('S1', [name], result.S1[j] as number, result.S1Conf[j] as number));
  names.forEach((name, j) => check('ST', [name], result.ST[j] as number, result.STConf[j] as number));
  if (result.S2 && result.S2Conf) {
    for (let j = 0; j < names.length; j++) {
      for (let k = j + 1; k < names.length; k++) {
        check('S2', [names[j] as string, names[k] as string], (result.S2[j] as number[])[k] as number, (result.S2Conf[j] as number[])[k] as number);
      }
    }
  }
  return warnings;
}

/** N · (error / tolerance)², as the next power of two, at least 2N; Infinity when tolerance is 0. */
function suggest(n: number, error: number, tolerance: number): number {
  if (!(tolerance > 0)) return Infinity;
  const needed = Math.max(2 * n, Math.ceil(n * (error / tolerance) ** 2));
  return 2 ** Math.ceil(Math.log2(needed));
}

function format(x: number): string {
  return Number(x.toPrecision(3)).toString();
}
