// The shape of a Morris design, defined on the floor that reads it (`morrisEffects`), so that
// analysis/ need not import from experiment/designs/ (which makes it: `morrisDesign`).

/**
 * A Morris screening design (made by `morrisDesign` in experiment/designs): r trajectories of
 * D + 1 points, each step moving one input.
 */
export interface MorrisDesign {
  /** The points in the problem's scale, r·(D + 1) rows, trajectory after trajectory. */
  readonly samples: number[][];
  /** The same points on the unit grid {0, 1/(p − 1), …, 1}; `morrisEffects` reads the steps here. */
  readonly unit: number[][];
  /** Number of trajectories r. */
  readonly trajectories: number;
  /** Grid levels p. */
  readonly levels: number;
  /** The step Δ = p / (2(p − 1)) on the unit grid. */
  readonly delta: number;
}
