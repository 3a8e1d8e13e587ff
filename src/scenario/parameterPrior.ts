import type { ScenarioIssue } from './issues.js';
import type { PosteriorSamples } from './posterior.js';

/** One parameter's prior as a posterior file records it (`priors.<id>`). */
export interface RecordedPrior {
  readonly kind: string;
  readonly lower: number;
  readonly upper: number;
}

/** The priors of a shipped posterior, ready to draw from (`"parameters": "prior:<name>"`). */
export interface ResolvedPrior {
  /** The shipped posterior whose priors these are. */
  readonly name: string;
  /** Column ids, as in the posterior: parameter ids or `initialState.<field>`. */
  readonly parameters: readonly string[];
  /** One prior per column, uniform or log-uniform. */
  readonly priors: readonly RecordedPrior[];
}

/** The prior kinds a prior draw supports: those every shipped calibration uses. */
const DRAWABLE = new Set(['uniform', 'log-uniform']);

/**
 * The priors a shipped posterior was fitted from (its file's `priors`, one per column), for a
 * prior-predictive run: each run draws every column from its prior instead of a posterior row,
 * so that the bands show what the model says before the calibration data (Gabry et al. 2019,
 * "Visualization in Bayesian workflow", JRSS A 182(2), §3: prior predictive checks). Columns the
 * scenario fixes itself (`fixed`: its `parameters` and `initialState` keys) are left out, as with
 * posterior rows. Issues at `path` when the file records no priors, misses a column's, or records
 * a kind that cannot be drawn here (uniform and log-uniform can) or bounds that are not
 * lower < upper (and lower > 0 for log-uniform).
 *
 * Cost: O(columns).
 *
 * @example
 * const r = resolvePrior(SHIPPED_POSTERIORS['mid-2020'], 'mid-2020', new Set(), ['uncertainty', 'parameters']);
 * r.ok && r.value.priors[0]; // { kind: 'log-uniform', lower: 0.01, upper: 0.1 } (attackRate)
 */
export function resolvePrior(
  sample: PosteriorSamples,
  name: string,
  fixed: ReadonlySet<string>,
  path: readonly (string | number)[],
): { ok: true; value: ResolvedPrior } | { ok: false; issues: ScenarioIssue[] } {
  const recorded = (sample as { readonly priors?: Readonly<Record<string, RecordedPrior>> }).priors;
  const issues: ScenarioIssue[] = [];
  if (recorded === undefined || recorded === null || typeof recorded !== 'object') {
    return { ok: false, issues: [{ code: 'no-priors', path: [...path], message: `posterior "${name}" records no priors, so "prior:${name}" cannot draw from them`, received: `prior:${name}` }] };
  }
  const parameters: string[] = [];
  const priors: RecordedPrior[] = [];
  for (const id of sample.parameters) {
    if (fixed.has(id)) continue;
    const prior = Object.hasOwn(recorded, id) ? recorded[id] : undefined;
    const where = [...path, `(${name})`, 'priors', id];
    if (prior === undefined) {
      issues.push({ code: 'no-priors', path: where, message: `posterior "${name}" records no prior for its column "${id}"` });
      continue;
    }
    const { kind, lower, upper } = prior;
    if (!DRAWABLE.has(kind)) {
      issues.push({ code: 'invalid-prior', path: where, message: `prior kind "${kind}" cannot be drawn here (expected "uniform" or "log-uniform")`, received: kind });
      continue;
    }
    if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower < upper && (kind === 'uniform' || lower > 0))) {
      issues.push({ code: 'invalid-prior', path: where, message: `prior bounds [${lower}, ${upper}] are not lower < upper${kind === 'log-uniform' ? ' with lower > 0' : ''}`, received: JSON.stringify(prior) });
      continue;
    }
    parameters.push(id);
    priors.push({ kind, lower, upper });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { name, parameters, priors } };
}

/**
 * The value of a prior at quantile u ∈ [0, 1): lower + u·(upper − lower) for uniform,
 * lower·(upper/lower)^u for log-uniform (ln x uniform). The same formulas as the calibration's
 * priors (`uniformPrior`, `logUniformPrior`), written here because the scenario floor may not
 * import the calibration's. Pure.
 *
 * Cost: O(1).
 *
 * @example
 * priorQuantile({ kind: 'log-uniform', lower: 0.01, upper: 0.1 }, 0.5); // 0.0316 (the geometric mean)
 */
export function priorQuantile(prior: RecordedPrior, u: number): number {
  const { lower, upper } = prior;
  const value = prior.kind === 'log-uniform' ? Math.exp(Math.log(lower) + u * (Math.log(upper) - Math.log(lower))) : lower + u * (upper - lower);
  return Math.min(upper, Math.max(lower, value));
}
