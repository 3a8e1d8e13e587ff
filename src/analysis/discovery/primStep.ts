import { countPositives, restrictedDimensions } from './boxMembership.js';
import type { BoxLimits, PrimData, PrimStep } from './primTypes.js';

/**
 * The trajectory entry for a box with member rows `rows` (coverage, density, mass, restricted
 * dimensions). Internal helper of prim and pastePrimBox.
 *
 * @example
 * primStep(data, 0, 'initial', data.initialBox, rowsInBox(data, data.initialBox)).mass; // 1
 */
export function primStep(data: PrimData, index: number, phase: PrimStep['phase'], limits: BoxLimits, rows: Int32Array): PrimStep {
  const count = rows.length;
  const positives = countPositives(data, rows);
  const restricted = restrictedDimensions(data, limits);
  return {
    index,
    phase,
    limits,
    coverage: positives / data.positives,
    density: count === 0 ? 0 : positives / count,
    mass: count / data.rows,
    count,
    positives,
    restricted,
    restrictedDimensions: restricted.length,
  };
}
