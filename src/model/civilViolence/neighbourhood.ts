/**
 * Which cells an agent sees within its vision radius v (the agent's own cell excluded).
 *
 * - `'vonNeumann'` (the default): the diamond |dx| + |dy| ≤ v, 2v(v + 1) cells (112 for v = 7).
 *   Epstein (2002, PNAS 99 suppl. 3, p. 7244) defines vision as "the number of lattice positions
 *   (north, south, east, and west of the agent's own position) that the agent is able to
 *   inspect"; the lattice reading of that is the von Neumann ball of radius v. Mesa's current
 *   example (mesa/examples/advanced/epstein_civil_violence, Mesa 3) builds an
 *   `OrthogonalVonNeumannGrid` and calls `cell.get_neighborhood(radius=vision)`, which is this
 *   diamond without the centre.
 * - `'moore'`: the square max(|dx|, |dy|) ≤ v, (2v + 1)² − 1 cells (224 for v = 7). Older Mesa
 *   variants (the `SingleGrid` examples, e.g. the ABMSimulator one) call
 *   `grid.get_neighborhood(pos, moore=True, radius=vision)`.
 * - `'euclidean'`: the disc dx² + dy² ≤ v², as NetLogo's Rebellion model (Wilensky 2004) does with
 *   `patches in-radius vision` (148 cells for v = 7).
 *
 * The count rules need not change with the shape: every shape is a list of offsets.
 */
export type VisionShape = 'vonNeumann' | 'moore' | 'euclidean';

/** The offsets (dx, dy) of a vision neighbourhood, in a fixed order (by dy, then dx). */
export interface VisionOffsets {
  readonly dx: Int32Array;
  readonly dy: Int32Array;
}

/**
 * The offsets of the cells within `radius` of a cell for a shape, the centre excluded, ordered
 * by dy then dx (so scans and random picks are reproducible).
 *
 * Cost: O(radius²).
 *
 * @example
 * visionOffsets('vonNeumann', 7).dx.length; // 112
 * visionOffsets('moore', 7).dx.length;      // 224
 * visionOffsets('euclidean', 7).dx.length;  // 148
 */
export function visionOffsets(shape: VisionShape, radius: number): VisionOffsets {
  if (!Number.isInteger(radius) || radius < 0) throw new RangeError(`invalid radius: ${radius} (expected an integer ≥ 0)`);
  const dx: number[] = [];
  const dy: number[] = [];
  for (let y = -radius; y <= radius; y++) {
    for (let x = -radius; x <= radius; x++) {
      if (x === 0 && y === 0) continue;
      const inside =
        shape === 'vonNeumann' ? Math.abs(x) + Math.abs(y) <= radius : shape === 'moore' ? true : x * x + y * y <= radius * radius;
      if (inside) {
        dx.push(x);
        dy.push(y);
      }
    }
  }
  return { dx: Int32Array.from(dx), dy: Int32Array.from(dy) };
}

/**
 * For every cell of a width × height torus (cell index y·width + x), the indices of the cells
 * it sees: `table[cell · m + k]` is the cell at offset k, where m is the number of offsets.
 * Precomputing it once per run removes all modular arithmetic from the hot loops (NetLogo's
 * Rebellion model does the same with a per-patch `neighborhood` agentset).
 *
 * The offsets must not wrap onto themselves (2·radius + 1 ≤ min(width, height)), or a cell
 * would be seen twice; callers validate that.
 *
 * Cost: O(width · height · m) time and memory (1,600 × 112 int32 = 700 kB for Epstein's grid).
 *
 * @example
 * const table = neighbourTable(40, 40, visionOffsets('vonNeumann', 1));
 * Array.from(table.subarray(0, 4)); // [1560, 39, 1, 40]: north (wrapped), west (wrapped), east, south of cell 0
 */
export function neighbourTable(width: number, height: number, offsets: VisionOffsets): Int32Array {
  const m = offsets.dx.length;
  const table = new Int32Array(width * height * m);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const base = (y * width + x) * m;
      for (let k = 0; k < m; k++) {
        const nx = (x + (offsets.dx[k] ?? 0) + width) % width;
        const ny = (y + (offsets.dy[k] ?? 0) + height) % height;
        table[base + k] = ny * width + nx;
      }
    }
  }
  return table;
}
