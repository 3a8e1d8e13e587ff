import { createRunStream } from '../../../src/rng/index.js';

/** The known box of the synthetic data: y = 1 inside x1 ∈ [0.2, 0.6], x2 ∈ [0.5, 0.9]. */
export const TRUE_BOX = { x1: [0.2, 0.6], x2: [0.5, 0.9] } as const;
export const NAMES = ['x1', 'x2', 'x3', 'x4', 'x5'];

/**
 * rows × 5 uniform inputs on [0, 1) from a seeded stream; y = 1 inside TRUE_BOX, then each
 * label flipped with probability `noise`.
 */
export function syntheticBox(rows: number, noise: number, seed: number): { x: number[][]; y: number[] } {
  const random = createRunStream(seed, 0, 'prim-synthetic');
  const x: number[][] = [];
  const y: number[] = [];
  for (let r = 0; r < rows; r++) {
    const row = NAMES.map(() => random());
    const [x1, x2] = row as [number, number];
    const inside = x1 >= TRUE_BOX.x1[0] && x1 <= TRUE_BOX.x1[1] && x2 >= TRUE_BOX.x2[0] && x2 <= TRUE_BOX.x2[1];
    const flip = random() < noise;
    x.push(row);
    y.push(inside !== flip ? 1 : 0);
  }
  return { x, y };
}
