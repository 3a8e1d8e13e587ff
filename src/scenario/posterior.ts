import type { ScenarioIssue } from './issues.js';
import { posteriorColumn, POSTERIOR_COLUMN_IDS } from './posteriorColumns.js';
import { closestName } from './suggest.js';

/**
 * A posterior sample file, as `resurgence calibrate` writes it to data/posteriors/<name>.json
 * (only these fields are read; others, such as the calibration's diagnostics, are ignored).
 */
export interface PosteriorSamples {
  /** Column ids, one per column: parameter ids, or initial-state scalars ("initialState.networkCapacity"). */
  readonly parameters: readonly string[];
  /** One row per sample. */
  readonly samples: readonly (readonly number[])[];
  /** Importance weight of each row (ABC-SMC); equal weights when absent. */
  readonly weights?: readonly number[];
  /** Where the sample comes from. */
  readonly source: string;
}

/** A validated posterior, ready to draw rows from. */
export interface ResolvedPosterior {
  /** Column ids: parameter ids or `initialState.<field>` (see {@link posteriorColumn}). */
  readonly parameters: readonly string[];
  readonly samples: readonly (readonly number[])[];
  /** Cumulative normalised weights (last = 1), or undefined for equal weights. */
  readonly cumulativeWeights?: Float64Array;
  readonly source: string;
  /** The shipped name it was referenced by, if any. */
  readonly name?: string;
}

/**
 * Checks a posterior sample against the parameter registry: known, distinct column ids
 * (parameters or initial-state scalars, with a "did you mean"), none also fixed in the scenario
 * (its `parameters` or `initialState`), rows of the right length whose values lie in each
 * column's range (whole numbers where required), and
 * weights (if any) one per row, non-negative, with a positive total. Issues are reported at
 * `path` (the first bad value of each column only, to keep the list short).
 *
 * Cost: O(rows × parameters).
 *
 * @example
 * validatePosterior({ parameters: ['recruitRate'], samples: [[0.3], [0.4]], source: 'test' }, { path: ['parameters', 'posterior'], fixed: new Set() });
 * // { ok: true, value: { parameters: ['recruitRate'], samples: [[0.3], [0.4]], source: 'test' } }
 */
export function validatePosterior(
  posterior: PosteriorSamples,
  options: { readonly path: readonly (string | number)[]; readonly fixed: ReadonlySet<string>; readonly name?: string },
): { ok: true; value: ResolvedPosterior } | { ok: false; issues: ScenarioIssue[] } {
  const { path } = options;
  const issues: ScenarioIssue[] = [];
  const known = POSTERIOR_COLUMN_IDS;
  const seen = new Set<string>();
  posterior.parameters.forEach((id, j) => {
    const at = [...path, 'parameters', j];
    if (!known.includes(id)) {
      const suggestion = closestName(id, known);
      issues.push({ code: 'unknown-parameter', path: at, message: `unknown parameter or initial-state column "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`, received: id });
    } else if (seen.has(id)) {
      issues.push({ code: 'duplicate-parameter', path: at, message: `parameter "${id}" is listed twice`, received: id });
    } else if (options.fixed.has(id)) {
      issues.push({
        code: 'conflict',
        path: at,
        message: `"${id}" is both fixed in the scenario and drawn from the posterior: remove one`,
        received: id,
      });
    }
    seen.add(id);
  });
  if (issues.length > 0) return { ok: false, issues };
  const k = posterior.parameters.length;
  const reported = new Set<number>();
  posterior.samples.forEach((row, i) => {
    if (row.length !== k) {
      if (!reported.has(-1)) {
        issues.push({
          code: 'posterior-shape',
          path: [...path, 'samples', i],
          message: `expected ${k} values per row (one per parameter), received ${row.length}`,
          expected: String(k),
          received: String(row.length),
        });
      }
      reported.add(-1);
      return;
    }
    row.forEach((value, j) => {
      if (reported.has(j)) return;
      const parameter = posteriorColumn(posterior.parameters[j] as string)!;
      const [low, high] = parameter.range;
      if (!(value >= low && value <= high)) {
        reported.add(j);
        issues.push({
          code: 'out-of-range',
          path: [...path, 'samples', i, j],
          message: `${parameter.id}: expected a value in [${low}, ${high}] (${parameter.unit}), received ${value}`,
          expected: `${low} ≤ value ≤ ${high}`,
          received: String(value),
        });
      } else if (parameter.integer && !Number.isInteger(value)) {
        reported.add(j);
        issues.push({ code: 'not-integer', path: [...path, 'samples', i, j], message: `${parameter.id}: expected a whole number, received ${value}`, expected: 'an integer', received: String(value) });
      }
    });
  });
  let cumulativeWeights: Float64Array | undefined;
  const weights = posterior.weights;
  if (weights !== undefined) {
    const total = weights.reduce((sum, w) => sum + w, 0);
    if (weights.length !== posterior.samples.length) {
      issues.push({
        code: 'posterior-shape',
        path: [...path, 'weights'],
        message: `expected one weight per sample row (${posterior.samples.length}), received ${weights.length}`,
        expected: String(posterior.samples.length),
        received: String(weights.length),
      });
    } else if (!(total > 0 && Number.isFinite(total))) {
      issues.push({ code: 'invalid-weights', path: [...path, 'weights'], message: 'expected weights with a positive, finite total', received: String(total) });
    } else {
      cumulativeWeights = new Float64Array(weights.length);
      let running = 0;
      weights.forEach((w, i) => {
        running += w;
        (cumulativeWeights as Float64Array)[i] = running / total;
      });
      cumulativeWeights[weights.length - 1] = 1;
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      parameters: posterior.parameters,
      samples: posterior.samples,
      ...(cumulativeWeights === undefined ? {} : { cumulativeWeights }),
      source: posterior.source,
      ...(options.name === undefined ? {} : { name: options.name }),
    },
  };
}

/**
 * The row of a posterior that a uniform u ∈ [0, 1) picks: ⌊u·n⌋ for equal weights, else the
 * first row whose cumulative weight exceeds u (inversion of the weights' CDF, by bisection).
 *
 * Cost: O(log n).
 *
 * @example
 * posteriorRowIndex({ parameters: ['recruitRate'], samples: [[0.3], [0.4]], source: 's' }, 0.6); // 1
 */
export function posteriorRowIndex(posterior: ResolvedPosterior, u: number): number {
  const n = posterior.samples.length;
  const cumulative = posterior.cumulativeWeights;
  if (!cumulative) return Math.min(n - 1, Math.floor(u * n));
  let low = 0;
  let high = n - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (u < (cumulative[middle] as number)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** True when a posterior reference looks like a file path rather than a shipped name. */
export function isPosteriorPath(reference: string): boolean {
  return reference.includes('/') || reference.includes('\\') || reference.endsWith('.json');
}

/**
 * Resolves the file references of a scenario (as parsed JSON) so that it can be validated
 * without a file system: a `parameters.posterior` that is a path (not a shipped name) is read
 * with `readFile`, parsed, and replaced by its sample (`parameters`, `samples`, `weights`,
 * `source`). The CLI calls it with a reader that resolves paths relative to the scenario file;
 * the library core never touches files. Returns a new object (the input is not modified), or
 * the issues found (an unreadable file, invalid JSON, a file without a sample).
 *
 * Cost: one read and JSON parse per referenced file.
 *
 * @example
 * const r = resolveScenarioFiles(json, (path) => readFileSync(resolve(dirname(file), path), 'utf8'));
 * if (r.ok) parseScenario(r.value);
 */
export function resolveScenarioFiles(
  scenario: unknown,
  readFile: ((path: string) => string) | null,
  options: { readonly posteriors?: Readonly<Record<string, PosteriorSamples>> } = {},
): { ok: true; value: unknown } | { ok: false; issues: ScenarioIssue[] } {
  const own = (value: unknown, key: string): unknown =>
    value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  const parameters = own(scenario, 'parameters');
  const reference = own(parameters, 'posterior');
  if (typeof reference !== 'string' || (options.posteriors !== undefined && Object.hasOwn(options.posteriors, reference)) || !isPosteriorPath(reference)) {
    return { ok: true, value: scenario };
  }
  const path = ['parameters', 'posterior'];
  const shown = JSON.stringify(reference.length > 80 ? `${reference.slice(0, 77)}...` : reference);
  if (readFile === null) {
    return {
      ok: false,
      issues: [{ code: 'file-references-disabled', path, message: `file references are disabled here: name a shipped posterior or inline the sample instead of the path ${shown}`, received: reference }],
    };
  }
  let text: string;
  try {
    text = readFile(reference);
  } catch (error) {
    // The reader's message says why (never the file's content); an unforeseen error only its code.
    const reason = error instanceof Error && (error as { userFacing?: boolean }).userFacing ? error.message : describeReadError(error);
    return { ok: false, issues: [{ code: 'file-unreadable', path, message: `cannot read the posterior file ${shown}: ${reason}`, received: reference }] };
  }
  let file: unknown;
  try {
    file = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    // V8's message quotes the text around the error: never echo a file's content.
    return { ok: false, issues: [{ code: 'invalid-json', path, message: `the posterior file ${shown} is not valid JSON`, received: reference }] };
  }
  const sample = file as Partial<PosteriorSamples> | null;
  if (sample === null || typeof sample !== 'object' || !Array.isArray(sample.parameters) || !Array.isArray(sample.samples)) {
    return {
      ok: false,
      issues: [{ code: 'invalid-posterior', path, message: `the posterior file "${reference}" has no "parameters" and "samples" arrays`, expected: '{ "parameters": [...], "samples": [[...]], "source": "..." }', received: reference }],
    };
  }
  const inlined: PosteriorSamples = {
    parameters: sample.parameters,
    samples: sample.samples,
    ...(sample.weights === undefined ? {} : { weights: sample.weights }),
    source: typeof sample.source === 'string' && sample.source !== '' ? sample.source : reference,
  };
  return { ok: true, value: { ...(scenario as object), parameters: { ...(parameters as object), posterior: inlined } } };
}

/** A read error in a few words (its errno code), never with the content or a stack. */
function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory, not a file',
    ELOOP: 'too many symbolic links',
    ENOTDIR: 'a part of the path is not a directory',
  };
  return typeof code === 'string' ? (Object.hasOwn(reasons, code) ? (reasons[code] as string) : code) : 'the file could not be read';
}
