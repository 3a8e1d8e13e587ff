import { choleskyLower } from '../math/choleskyLower.js';
import { FACTOR_IDS, type FactorId } from '../model/factors.js';
import type { ScenarioIssue } from './issues.js';
import { closestName } from './suggest.js';

/** Tolerance for symmetry and the unit diagonal of a correlation matrix (written by hand, so decimals). */
const MATRIX_TOLERANCE = 1e-9;

/**
 * Rank correlations between uncertain factors, resolved for a Gaussian copula: the factors in
 * matrix order, the target Spearman matrix, and the lower Cholesky factor of the normal
 * (Pearson) correlation that yields it.
 */
export interface ResolvedCorrelations {
  readonly factors: readonly FactorId[];
  /** The target rank (Spearman) correlations, as written. */
  readonly target: readonly (readonly number[])[];
  /** Lower Cholesky factor L of the copula's normal correlations ρ = 2 sin(π r / 6). */
  readonly cholesky: readonly (readonly number[])[];
}

/**
 * The normal (Pearson) correlation ρ whose Gaussian copula has Spearman rank correlation r:
 * ρ = 2 sin(π r / 6), the inverse of Pearson's (1907) r = (6/π) arcsin(ρ/2) for bivariate
 * normals (Kruskal 1958, "Ordinal measures of association", JASA 53:814–861, eq. for ρ_S;
 * used for inducing rank correlation by Clemen & Reilly 1999, Management Science 45(2):208–224).
 *
 * Cost: O(1).
 *
 * @example
 * normalCorrelationForRank(0.5); // 0.5176380902050415
 * normalCorrelationForRank(1);   // 1
 */
export function normalCorrelationForRank(rank: number): number {
  return 2 * Math.sin((Math.PI * rank) / 6);
}

/**
 * Checks a scenario's `correlations` block against its uncertain factors and prepares the
 * copula. Issues (each at its JSON path): an unknown factor (with a "did you mean"), a factor
 * listed twice or without a distribution, a matrix that is not k × k, an entry outside
 * [−1, 1], an asymmetric pair, a diagonal other than 1, and a matrix that is not positive
 * definite — the target itself, or (rarely) the normal correlations derived from it.
 *
 * Cost: O(k³) for k factors (two Cholesky factorisations; Golub & Van Loan 2013, Alg. 4.2.1).
 *
 * @example
 * const r = resolveCorrelations({ factors: ['usTroopsSyria', 'warChest'], matrix: [[1, 0.5], [0.5, 1]] }, new Set(['usTroopsSyria', 'warChest']));
 * r.ok && r.value.cholesky; // [[1, 0], [0.5176380902050415, 0.8556...]]
 */
export function resolveCorrelations(
  spec: { readonly factors: readonly string[]; readonly matrix: readonly (readonly number[])[] },
  uncertain: ReadonlySet<string>,
): { ok: true; value: ResolvedCorrelations } | { ok: false; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const k = spec.factors.length;
  const seen = new Set<string>();
  spec.factors.forEach((id, i) => {
    const path = ['correlations', 'factors', i];
    if (!(FACTOR_IDS as readonly string[]).includes(id)) {
      const suggestion = closestName(id, FACTOR_IDS);
      issues.push({ code: 'unknown-factor', path, message: `unknown factor "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`, received: id });
    } else if (seen.has(id)) {
      issues.push({ code: 'duplicate-factor', path, message: `factor "${id}" is listed twice`, received: id });
    } else if (!uncertain.has(id)) {
      issues.push({
        code: 'not-uncertain',
        path,
        message: `factor "${id}" has no distribution: only uncertain factors can be correlated (give it e.g. { "uniform": [lo, hi] } in factors)`,
        received: id,
      });
    }
    seen.add(id);
  });
  const matrix = spec.matrix;
  if (matrix.length !== k || matrix.some((row) => row.length !== k)) {
    const shape = `${matrix.length} × ${matrix.map((row) => row.length).join('/') || 0}`;
    issues.push({
      code: 'matrix-shape',
      path: ['correlations', 'matrix'],
      message: `expected a ${k} × ${k} matrix (one row and column per factor), received ${shape}`,
      expected: `${k} × ${k}`,
      received: shape,
    });
    return { ok: false, issues };
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const value = (matrix[i] as readonly number[])[j] as number;
      const path = ['correlations', 'matrix', i, j];
      if (i === j && Math.abs(value - 1) > MATRIX_TOLERANCE) {
        issues.push({ code: 'matrix-diagonal', path, message: `expected 1 on the diagonal (a factor's correlation with itself), received ${value}`, expected: '1', received: String(value) });
      } else if (!(value >= -1 && value <= 1)) {
        issues.push({ code: 'out-of-range', path, message: `expected a correlation in [−1, 1], received ${value}`, expected: '−1 ≤ value ≤ 1', received: String(value) });
      } else if (j > i && Math.abs(value - ((matrix[j] as readonly number[])[i] as number)) > MATRIX_TOLERANCE) {
        const mirror = (matrix[j] as readonly number[])[i] as number;
        issues.push({
          code: 'matrix-not-symmetric',
          path,
          message: `expected a symmetric matrix: entry [${i}][${j}] is ${value} but [${j}][${i}] is ${mirror}`,
          expected: String(mirror),
          received: String(value),
        });
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  if (!choleskyLower(matrix)) {
    return { ok: false, issues: [notPositiveDefinite('the matrix is not positive definite (some combination of these correlations is impossible, e.g. a ≈ b, b ≈ c but a ≈ −c); lower the off-diagonal magnitudes')] };
  }
  const normal = matrix.map((row, i) => row.map((r, j) => (i === j ? 1 : normalCorrelationForRank(r))));
  const cholesky = choleskyLower(normal);
  if (!cholesky) {
    return { ok: false, issues: [notPositiveDefinite('the Gaussian copula needs normal correlations 2·sin(π·r/6), and those are not positive definite for this matrix; move it away from singularity')] };
  }
  return { ok: true, value: { factors: spec.factors as FactorId[], target: matrix, cholesky } };
}

function notPositiveDefinite(message: string): ScenarioIssue {
  return { code: 'matrix-not-positive-definite', path: ['correlations', 'matrix'], message, expected: 'a positive definite matrix' };
}
