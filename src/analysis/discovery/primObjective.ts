import type { PrimObjective } from './primTypes.js';

/**
 * The score of moving from a box with `countOld` rows and `positivesOld` cases of interest to a
 * candidate with `countNew` and `positivesNew` (see {@link PrimObjective}): 'lenient1'
 * (mean_new − mean_old)/|n_old − n_new|, 'lenient2' n_new·(mean_new − mean_old)/|n_old − n_new|,
 * 'original' mean_new. An empty candidate has mean 0 ('original': −1), and an unchanged one
 * scores 0, as in the EMA Workbench.
 *
 * Cost: O(1). Reference: J. H. Friedman & N. I. Fisher (1999), "Bump hunting in
 * high-dimensional data", Statistics and Computing 9:123–143, §2 (original); EMA Workbench
 * `Prim._lenient1_obj_func`, `_lenient2_obj_func` (Kwakkel 2017).
 *
 * @example
 * primObjective('lenient1', 100, 20, 95, 20); // 0.0021052631578947325 ((20/95 − 0.2)/5)
 */
export function primObjective(objective: PrimObjective, countOld: number, positivesOld: number, countNew: number, positivesNew: number): number {
  const meanOld = positivesOld / countOld;
  const meanNew = countNew > 0 ? positivesNew / countNew : 0;
  if (objective === 'original') return countNew > 0 ? meanNew : -1;
  if (meanNew === meanOld || countNew === countOld) return 0;
  const change = Math.abs(countOld - countNew);
  return objective === 'lenient1' ? (meanNew - meanOld) / change : (countNew * (meanNew - meanOld)) / change;
}
