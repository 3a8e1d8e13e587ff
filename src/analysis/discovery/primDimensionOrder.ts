import type { PrimData } from './primTypes.js';

/**
 * The order in which PRIM lists candidate peels and pastes, which decides exact ties: the EMA
 * Workbench (`Prim._peel`, `Prim._paste`) lists its float columns first, then its integer
 * columns, then its nominal ones, each group in column order, and keeps the first of equally
 * scored candidates (Python's stable sort). Here: 'continuous' dimensions, then 'integer', then
 * 'categorical', each in the order of `names`.
 *
 * Cost: O(dims). Reference: J. H. Kwakkel (2017), "The Exploratory Modeling Workbench",
 * Environmental Modelling & Software 96:239–250 (`ema_workbench/analysis/prim.py`).
 *
 * @example
 * primDimensionOrder(preparePrimData({ names: ['k', 'a'], kinds: ['integer', 'continuous'], x: [[1, 0.5]], y: [1] })); // [1, 0]
 */
export function primDimensionOrder(data: Pick<PrimData, 'kinds'>): number[] {
  const order: number[] = [];
  for (const kind of ['continuous', 'integer', 'categorical'] as const) {
    data.kinds.forEach((k, d) => {
      if (k === kind) order.push(d);
    });
  }
  return order;
}
