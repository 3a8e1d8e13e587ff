/**
 * The quantile rule PRIM uses to place a peel or paste limit (the RAND sdtoolkit's, as copied
 * by the EMA Workbench's `get_quantile`): with i = (n − 1)·q on the sorted values, take the
 * values at ⌊i⌋ and ⌈i⌉; while they are equal, move the far index outwards (up for q ≤ ½, down
 * for q > ½); return their midpoint. The limit then falls strictly between two distinct data
 * values whenever it can, so a peel always removes at least one row and ties are removed
 * together, never split.
 *
 * `sorted` must be in ascending order and non-empty; 0 < q < 1.
 *
 * Cost: O(1) plus the length of a run of ties. Reference: B. P. Bryant & R. J. Lempert (2010),
 * "Thinking inside the box", Technological Forecasting & Social Change 77:34–49 (sdtoolkit);
 * J. H. Kwakkel (2017), EMA Workbench `prim.get_quantile`.
 *
 * @example
 * primQuantile(Float64Array.of(1, 2, 3, 4, 5), 0.05); // 1.5 (removes the 1)
 * primQuantile(Float64Array.of(1, 1, 1, 2, 3), 0.05); // 1.5 (removes all three 1s)
 */
export function primQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const position = (n - 1) * q;
  let lo = Math.floor(position);
  let hi = Math.ceil(position);
  // Move the far index outwards past ties; if the ties run to the end, move the near one too,
  // so that the limit still falls between two distinct values (e.g. [0, 4, 4, 4] at q = 1/3).
  if (q > 0.5) {
    while (sorted[lo] === sorted[hi] && lo > 0) lo--;
    while (sorted[lo] === sorted[hi] && hi < n - 1) hi++;
  } else {
    while (sorted[lo] === sorted[hi] && hi < n - 1) hi++;
    while (sorted[lo] === sorted[hi] && lo > 0) lo--;
  }
  return ((sorted[lo] as number) + (sorted[hi] as number)) / 2;
}
