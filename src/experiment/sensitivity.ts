import { morrisEffects, type MorrisEffects } from '../analysis/sensitivity/morrisEffects.js';
import { sensitivityWarnings, type SensitivityWarning } from '../analysis/sensitivity/sensitivityWarnings.js';
import { morrisWarnings, type MorrisWarning } from '../analysis/sensitivity/morrisWarnings.js';
import { sobolIndices, type SobolIndices } from '../analysis/sensitivity/sobolIndices.js';
import { sobolIndicesByMonth } from '../analysis/sensitivity/sobolIndicesByMonth.js';
import { FACTOR_IDS } from '../model/factors.js';
import { OBSERVABLE_IDS } from '../model/observables.js';
import { createRunStream } from '../rng/createRunStream.js';
import { closestName } from '../scenario/suggest.js';
import type { ValidScenario } from '../scenario/parseScenario.js';
import { applyFactorValues, sensitivityProblem } from '../scenario/sensitivityProblem.js';
import { morrisDesign } from './designs/morrisDesign.js';
import type { SensitivityProblem } from '../math/problem.js';
import { saltelliDesign } from './designs/saltelliDesign.js';
import { inProcessExecutor, type RunExecutor, type RunTask } from './executor.js';
import { outcomeValue, parseOutcome } from './outcome.js';
import { validScenario } from './simulate.js';

/** Options of {@link sensitivity}. */
export interface SensitivityOptions {
  /** 'sobol' (Saltelli/Jansen indices with bootstrap CIs) or 'morris' (elementary effects). Default 'sobol'. */
  readonly method?: 'sobol' | 'morris';
  /** Sobol': the base sample N (a power of 2; N·(D + 2) design rows). Morris: trajectories. Default 64 / 20. */
  readonly n?: number;
  /** Factors to vary. Default: the scenario's uncertain factors, else every factor but the leadership shock. */
  readonly factors?: readonly string[];
  /** The outcome (see parseOutcome), e.g. 'territorialComeback@24' or 'fighters@24'. Default: fighters at the horizon. */
  readonly outcome?: string;
  /** Sobol': also second-order indices S2 (N·(2D + 2) design rows instead of N·(D + 2)). Default false. */
  readonly secondOrder?: boolean;
  /** Also compute Sobol' indices month by month for this observable (time-series sensitivity). */
  readonly byMonth?: string;
  /** Runs per design row; the row's output is their mean (common random numbers across rows). Default 10. */
  readonly replicates?: number;
  readonly seed?: number | string;
  readonly executor?: RunExecutor;
  readonly onProgress?: (done: number, total: number) => void;
}

/** One factor's importance, for rankings and tornado charts. */
export interface FactorImportance {
  readonly factor: string;
  /** Total-order index ST (Sobol') or μ* (Morris). */
  readonly value: number;
  /** Half-width of its 95% CI. */
  readonly conf: number;
  /** First-order index S1 (Sobol') or σ (Morris). */
  readonly secondary: number;
}

/** What {@link sensitivity} returns. */
export interface SensitivityResult {
  readonly method: 'sobol' | 'morris';
  readonly problem: SensitivityProblem;
  readonly outcome: string;
  readonly n: number;
  readonly rows: number;
  readonly replicates: number;
  readonly seed: number | string;
  readonly sobol?: SobolIndices;
  readonly morris?: Omit<MorrisEffects, 'elementaryEffects'>;
  /** Factors by importance, largest first. */
  readonly ranking: readonly FactorImportance[];
  /** Sobol': wide or negative indices with the N that fixes them; Morris: σ > μ* and overlapping ranks with the r that separates them. */
  readonly warnings: readonly (SensitivityWarning | MorrisWarning)[];
  /** Per month of `byMonth`: S1 and ST of every factor (Sobol' only). */
  readonly byMonth?: { readonly observable: string; readonly S1: number[][]; readonly ST: number[][] };
}

/**
 * The factors varied by default: the scenario's uncertain factors when it has any, else every
 * factor but the leadership shock (a one-month event: give it a distribution, or an uncertain
 * month, in the scenario to study it).
 */
export function defaultSensitivityFactors(valid: ValidScenario): string[] {
  const uncertain = (valid.uncertain ?? []).map((factor) => factor.id as string);
  return uncertain.length > 0 ? uncertain : FACTOR_IDS.filter((id) => id !== 'leadershipShock');
}

/**
 * The sensitivity problem of a scenario's factors (its own distributions where it gives them,
 * else each factor's registry plausible range: `sensitivityProblem` in src/scenario).
 */
export function factorProblem(valid: ValidScenario, factors?: readonly string[]): SensitivityProblem {
  return sensitivityProblem(valid, factors ?? defaultSensitivityFactors(valid));
}

/** The scenario (as JSON data) of one design row: the named factors fixed at the row's values. */
export function scenarioWithFactorValues(valid: ValidScenario, names: readonly string[], values: readonly number[]): unknown {
  return applyFactorValues(valid, Object.fromEntries(names.map((name, i) => [name, values[i] as number]))).scenario;
}

/**
 * Global sensitivity of an outcome to the factors over their plausible ranges: Sobol' first- and
 * total-order indices (Saltelli 2010 design on a Sobol' sequence, Saltelli 2010 and Jansen 1999
 * estimators, 100 bootstrap resamples, 95% CIs, as SALib) or Morris elementary effects (4 levels;
 * μ*, σ). Each design row is run `replicates` times with common random numbers and its output is
 * their mean, so the indices describe the expected outcome; with `byMonth`, indices are computed
 * for every month of an observable as well. Warnings say when a CI is too wide or an index is
 * negative beyond its CI, and which N would fix it.
 *
 * @example
 * const s = await sensitivity(SHIPPED_SCENARIOS['baseline-2020'], { outcome: 'fighters@24', n: 32, replicates: 4 });
 * s.ranking[0].factor; // the factor with the largest total-order index
 */
export async function sensitivity(scenario: unknown, options: SensitivityOptions = {}): Promise<SensitivityResult> {
  const valid = validScenario(scenario);
  const method = options.method ?? 'sobol';
  if (method !== 'sobol' && method !== 'morris') throw new RangeError(`invalid method: ${String(method)} (expected sobol or morris)`);
  const problem = factorProblem(valid, options.factors);
  const outcome = parseOutcome(options.outcome ?? `fighters@${valid.scenario.months}`, valid.scenario.months);
  const replicates = options.replicates ?? 10;
  if (!Number.isInteger(replicates) || replicates < 1) throw new RangeError(`invalid replicates: ${replicates} (expected an integer ≥ 1)`);
  const seed = options.seed ?? valid.scenario.seed ?? 1;
  const n = options.n ?? (method === 'sobol' ? 64 : 20);
  const byMonth = options.byMonth;
  if (byMonth !== undefined && !(OBSERVABLE_IDS as readonly string[]).includes(byMonth)) {
    const suggestion = closestName(byMonth, OBSERVABLE_IDS);
    throw new RangeError(`unknown observable "${byMonth}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
  }
  if (byMonth !== undefined && method !== 'sobol') throw new RangeError('indices by month need method sobol');
  const random = createRunStream(seed, 0, 'sensitivity/design');
  const morris = method === 'morris' ? morrisDesign(problem, n, { levels: 4 }, random) : null;
  const secondOrder = options.secondOrder ?? false;
  const rows = morris ? morris.samples : saltelliDesign(problem, n, { secondOrder });
  const tasks: RunTask[] = rows.map((values, i) => ({
    scenario: scenarioWithFactorValues(valid, problem.names, values),
    seed,
    firstRun: 0,
    count: replicates,
  }));
  const months = valid.scenario.months;
  const width = OBSERVABLE_IDS.length;
  const k = byMonth === undefined ? -1 : OBSERVABLE_IDS.indexOf(byMonth as never);
  const Y = new Float64Array(rows.length);
  const Ymonths = byMonth === undefined ? [] : rows.map(() => new Float64Array(months));
  await (options.executor ?? inProcessExecutor)(
    tasks,
    (task, result) => {
      Y[task] = (Y[task] as number) + outcomeValue(outcome, result) / replicates;
      if (k >= 0) {
        const row = Ymonths[task] as Float64Array;
        for (let m = 0; m < months; m++) row[m] = (row[m] as number) + (result.series[m * width + k] as number) / replicates;
      }
    },
    options.onProgress,
  );
  const base = { method, problem, outcome: outcome.label, n, rows: rows.length, replicates, seed } as const;
  if (morris) {
    const { elementaryEffects: _effects, ...effects } = morrisEffects(morris, Y, problem, { random: createRunStream(seed, 0, 'sensitivity/bootstrap') });
    const ranking = problem.names
      .map((factor, i) => ({ factor, value: effects.muStar[i] as number, conf: effects.muStarConf[i] as number, secondary: effects.sigma[i] as number }))
      .sort((a, b) => b.value - a.value);
    return { ...base, morris: effects, ranking, warnings: morrisWarnings(effects, n) };
  }
  const indices = sobolIndices(Y, problem, n, { secondOrder, random: createRunStream(seed, 0, 'sensitivity/bootstrap') });
  const ranking = problem.names
    .map((factor, i) => ({ factor, value: indices.ST[i] as number, conf: indices.STConf[i] as number, secondary: indices.S1[i] as number }))
    .sort((a, b) => b.value - a.value);
  const result: SensitivityResult = { ...base, sobol: indices, ranking, warnings: sensitivityWarnings(indices, n) };
  if (byMonth === undefined) return result;
  const perMonth = sobolIndicesByMonth(Ymonths, problem, n, { secondOrder, random: createRunStream(seed, 0, 'sensitivity/bootstrap-months') });
  return { ...result, byMonth: { observable: byMonth, S1: perMonth.map((r) => r.S1), ST: perMonth.map((r) => r.ST) } };
}
