/**
 * How PRIM treats an input dimension: 'continuous' limits are any numbers between data values;
 * 'integer' limits are data values; 'categorical' values are labels (any finite numbers, e.g.
 * codes) and a box keeps a subset of them.
 */
export type DimensionKind = 'continuous' | 'integer' | 'categorical';

/** PRIM's input: rows × dimensions of inputs with names, and the case of interest per row. */
export interface PrimInput {
  /** One name per dimension (column), distinct. */
  readonly names: readonly string[];
  /** Rows × dimensions; every value finite (integers for 'integer' dimensions). */
  readonly x: readonly ArrayLike<number>[];
  /** Per row: true or 1 for a case of interest, false or 0 otherwise. */
  readonly y: ArrayLike<number | boolean>;
  /** Per dimension; default all 'continuous'. */
  readonly kinds?: readonly DimensionKind[];
}

/** A validated, column-major copy of a {@link PrimInput}, made once by `preparePrimData`. */
export interface PrimData {
  readonly names: readonly string[];
  readonly kinds: readonly DimensionKind[];
  /** columns[d][row]. */
  readonly columns: readonly Float64Array[];
  /** 1 for a case of interest. */
  readonly y: Uint8Array;
  readonly rows: number;
  /** Number of cases of interest in the whole data set. */
  readonly positives: number;
  /** The box that holds all the data: [min, max] per ordered dimension, all categories otherwise. */
  readonly initialBox: BoxLimits;
}

/** The limits of a box on one dimension: a closed interval, or a set of categories. */
export type DimensionLimit =
  | { readonly kind: 'interval'; readonly lower: number; readonly upper: number }
  | { readonly kind: 'categories'; readonly values: readonly number[] };

/** A box: one limit per dimension, in the order of `names`. */
export type BoxLimits = readonly DimensionLimit[];

/** One box on a peeling or pasting trajectory, with its statistics. */
export interface PrimStep {
  /** Position on the trajectory (0 = the initial box or the box pasting started from). */
  readonly index: number;
  /** 'initial' for the starting box, then 'peel' or 'paste'. */
  readonly phase: 'initial' | 'peel' | 'paste';
  readonly limits: BoxLimits;
  /** Cases of interest in the box / all cases of interest. */
  readonly coverage: number;
  /** Cases of interest in the box / rows in the box. */
  readonly density: number;
  /** Rows in the box / all rows. */
  readonly mass: number;
  /** Rows in the box. */
  readonly count: number;
  /** Cases of interest in the box. */
  readonly positives: number;
  /** Names of the dimensions whose limits differ from the initial box. */
  readonly restricted: readonly string[];
  /** restricted.length. */
  readonly restrictedDimensions: number;
}

/**
 * How a candidate peel or paste is scored (EMA Workbench's `obj_function`):
 * 'lenient1' (EMA's default): (mean_new − mean_old) / |n_old − n_new|, the gain in density per
 * row removed or added; 'lenient2': n_new·(mean_new − mean_old)/|n_old − n_new| (the EMA
 * Workbench attributes it to Friedman & Fisher 1999, §14); 'original': mean_new, Friedman &
 * Fisher's (1999) peeling criterion (the density of the candidate box).
 */
export type PrimObjective = 'lenient1' | 'lenient2' | 'original';

/** Options of PRIM; every one optional. */
export interface PrimOptions {
  /** Share of the box's rows removed by one peel, 0 < α < 0.5. Default 0.05. */
  readonly peelAlpha?: number;
  /** Share of the adjacent slab's rows added by one paste, 0 < α < 0.5. Default 0.05. */
  readonly pasteAlpha?: number;
  /** Smallest box mass peeling may reach, 0 < massMin < 1. Default 0.05. */
  readonly massMin?: number;
  /** Density target that a box should reach (used to pick `selected`), 0 < threshold ≤ 1. Default 0.8. */
  readonly threshold?: number;
  /** Score of candidate peels and pastes. Default 'lenient1'. */
  readonly objective?: PrimObjective;
}

/** {@link PrimOptions} with every default filled in, validated once. */
export type ResolvedPrimOptions = Readonly<Required<PrimOptions>>;
