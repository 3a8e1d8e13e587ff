import type { BoxLimits, DimensionLimit, PrimData } from './primTypes.js';

/**
 * True when `value` lies within one dimension's limit (closed interval, or one of the categories).
 *
 * @example
 * withinLimit({ kind: 'interval', lower: 0, upper: 1 }, 1); // true
 * withinLimit({ kind: 'categories', values: [1, 3] }, 2);   // false
 */
export function withinLimit(limit: DimensionLimit, value: number): boolean {
  return limit.kind === 'interval' ? value >= limit.lower && value <= limit.upper : limit.values.includes(value);
}

/**
 * The rows of `data` inside `box` (ascending row indices), optionally only among `rows`.
 *
 * Cost: O(rows·dims) (times the number of categories for categorical dimensions).
 *
 * @example
 * rowsInBox(data, data.initialBox).length === data.rows; // true
 */
export function rowsInBox(data: PrimData, box: BoxLimits, rows?: Int32Array): Int32Array {
  const candidates = rows ?? Int32Array.from({ length: data.rows }, (_, r) => r);
  const inside = new Int32Array(candidates.length);
  let count = 0;
  outer: for (const r of candidates) {
    for (let d = 0; d < box.length; d++) {
      if (!withinLimit(box[d] as DimensionLimit, (data.columns[d] as Float64Array)[r] as number)) continue outer;
    }
    inside[count++] = r;
  }
  return inside.slice(0, count);
}

/**
 * Number of cases of interest among `rows`.
 *
 * @example
 * countPositives(data, rowsInBox(data, data.initialBox)) === data.positives; // true
 */
export function countPositives(data: PrimData, rows: Int32Array): number {
  let positives = 0;
  for (const r of rows) positives += data.y[r] as number;
  return positives;
}

/**
 * Names of the dimensions of `box` whose limits differ from the initial box.
 *
 * @example
 * restrictedDimensions(data, data.initialBox); // []
 */
export function restrictedDimensions(data: PrimData, box: BoxLimits): string[] {
  const names: string[] = [];
  box.forEach((limit, d) => {
    if (isRestricted(limit, data.initialBox[d] as DimensionLimit)) names.push(data.names[d] as string);
  });
  return names;
}

/**
 * True when `limit` is narrower than `initial` on at least one side.
 *
 * @example
 * isRestricted({ kind: 'interval', lower: 0.2, upper: 1 }, { kind: 'interval', lower: 0, upper: 1 }); // true
 */
export function isRestricted(limit: DimensionLimit, initial: DimensionLimit): boolean {
  if (limit.kind === 'interval' && initial.kind === 'interval') return limit.lower > initial.lower || limit.upper < initial.upper;
  if (limit.kind === 'categories' && initial.kind === 'categories') return limit.values.length < initial.values.length;
  return true;
}
