import { AnalysisInputError } from '../attribution/analysisInputError.js';
import type { BoxLimits, DimensionKind, DimensionLimit, PrimData, PrimInput } from './primTypes.js';

/**
 * Validates PRIM's input once and stores it column by column, with the initial box (the
 * smallest box holding all rows: [min, max] per ordered dimension, every category otherwise).
 * The caller's arrays are copied, never modified.
 *
 * Throws an {@link AnalysisInputError} (with the path of the first bad value) when names are
 * missing or repeated, a row has the wrong length or a non-finite value, an 'integer' value is
 * not an integer, y is not boolean or 0/1, or there is no case of interest.
 *
 * Cost: O(rows·dims + categories·log categories).
 *
 * @example
 * const data = preparePrimData({ names: ['a'], x: [[0.1], [0.7], [0.4]], y: [0, 1, 1] });
 * data.initialBox; // [{ kind: 'interval', lower: 0.1, upper: 0.7 }]
 * data.positives;  // 2
 */
export function preparePrimData(input: PrimInput): PrimData {
  if (input === null || typeof input !== 'object') throw new AnalysisInputError('type', ['input'], 'an object { names, x, y }', input);
  const { names, x, y } = input;
  if (!Array.isArray(names) || names.length === 0) throw new AnalysisInputError('length', ['names'], 'at least one dimension name', names);
  const seen = new Set<string>();
  names.forEach((name, d) => {
    if (typeof name !== 'string' || name === '') throw new AnalysisInputError('type', ['names', d], 'a non-empty string', name);
    if (seen.has(name)) throw new AnalysisInputError('duplicate', ['names', d], 'distinct dimension names', name);
    seen.add(name);
  });
  const dims = names.length;
  const kinds: DimensionKind[] = input.kinds === undefined ? names.map(() => 'continuous') : [...input.kinds];
  if (kinds.length !== dims) throw new AnalysisInputError('length', ['kinds'], `${dims} kinds (one per name)`, input.kinds);
  kinds.forEach((kind, d) => {
    if (kind !== 'continuous' && kind !== 'integer' && kind !== 'categorical') {
      throw new AnalysisInputError('range', ['kinds', d], "'continuous', 'integer' or 'categorical'", kind);
    }
  });
  if (!Array.isArray(x) || x.length === 0) throw new AnalysisInputError('length', ['x'], 'at least one row', x);
  const rows = x.length;
  const columns = names.map(() => new Float64Array(rows));
  x.forEach((row, r) => {
    if (row === null || typeof row !== 'object' || row.length !== dims) {
      throw new AnalysisInputError('length', ['x', r], `a row of ${dims} numbers`, row);
    }
    for (let d = 0; d < dims; d++) {
      const value = row[d] as number;
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new AnalysisInputError('not-finite', ['x', r, d], 'a finite number', value);
      if (kinds[d] === 'integer' && !Number.isInteger(value)) throw new AnalysisInputError('type', ['x', r, d], `an integer (${names[d]} is 'integer')`, value);
      (columns[d] as Float64Array)[r] = value;
    }
  });
  if (y === null || typeof y !== 'object' || y.length !== rows) {
    throw new AnalysisInputError('length', ['y'], `${rows} values (one per row of x)`, y);
  }
  const labels = new Uint8Array(rows);
  let positives = 0;
  for (let r = 0; r < rows; r++) {
    const value = y[r];
    if (value === true || value === 1) {
      labels[r] = 1;
      positives++;
    } else if (value !== false && value !== 0) {
      throw new AnalysisInputError('type', ['y', r], 'true, false, 1 or 0', value);
    }
  }
  if (positives === 0) throw new AnalysisInputError('range', ['y'], 'at least one case of interest (a 1 or true)', 'no cases of interest');

  const initialBox: BoxLimits = columns.map((column, d): DimensionLimit => {
    if (kinds[d] === 'categorical') return { kind: 'categories', values: [...new Set(column)].sort((a, b) => a - b) };
    let lower = Infinity;
    let upper = -Infinity;
    for (const value of column) {
      if (value < lower) lower = value;
      if (value > upper) upper = value;
    }
    return { kind: 'interval', lower, upper };
  });
  return { names: [...names], kinds, columns, y: labels, rows, positives, initialBox };
}
