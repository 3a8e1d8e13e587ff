import type { ArrestRatioRounding } from './arrestProbability.js';
import { EPSTEIN_ARREST_CONSTANT } from './arrestProbability.js';
import type { VisionShape } from './neighbourhood.js';

/**
 * How each citizen obtains the cop and active counts in her vision:
 * - `'incremental'` (the default): per-cell counts of the cops and actives each cell sees, kept
 *   up to date whenever a cop moves or an active citizen moves, turns or is arrested, so a
 *   citizen reads C and A in O(1);
 * - `'scan'`: a brute-force scan of the neighbourhood at each activation, as Mesa and NetLogo do.
 * Both give identical runs draw for draw (tested); `'scan'` exists to check that and to measure
 * the speed-up (bench/civilViolence.mjs).
 */
export type VisionCounting = 'incremental' | 'scan';

/**
 * How agents are placed and activated:
 * - `'moveFirst'` (the default): fixed counts round(density × cells) of citizens and cops; per
 *   activation an agent moves, then acts (NetLogo's Rebellion order); an arrested citizen leaves
 *   the grid and is released onto a random empty cell;
 * - `'mesa'`: Mesa 3.3.1's example (`mesa/examples/advanced/epstein_civil_violence`): each cell
 *   independently holds a citizen (probability citizenDensity), a cop (copDensity) or nobody, so
 *   the counts vary by seed; per activation an agent decides (rule A or C) at its cell, then
 *   moves; an arrested citizen stays on her cell (occupying it, never active) until the
 *   activation at which her term is spent, when she decides and may move again.
 * With {@link MESA_DEFAULTS} and `'mesa'` the run reproduces Mesa's example statistically
 * (tested against recorded Mesa 3.3.1 statistics); with `'moveFirst'` outbursts are larger.
 */
export type CivilViolenceActivation = 'moveFirst' | 'mesa';

/** The options of {@link civilViolenceInputs}: every one optional, defaults in {@link CIVIL_VIOLENCE_DEFAULTS}. */
export interface CivilViolenceOptions {
  /** Torus width in cells. Default 40 (Epstein 2002, Model I: a 40 × 40 torus). */
  readonly width?: number;
  /** Torus height in cells. Default 40. */
  readonly height?: number;
  /** Citizens as a share of cells, placed at random. Default 0.7 (Epstein 2002; Mesa's default). */
  readonly citizenDensity?: number;
  /** Cops as a share of cells. Default 0.04 (Epstein 2002, Model I runs); Mesa's default is 0.074. */
  readonly copDensity?: number;
  /** Vision radius v of citizens and cops, in cells. Default 7 (Epstein 2002; Mesa's default). */
  readonly vision?: number;
  /** Shape of the vision neighbourhood. Default `'vonNeumann'` (see {@link VisionShape}). */
  readonly visionShape?: VisionShape;
  /**
   * Regime legitimacy L in [0, 1]: one number for the whole run, or a schedule by tick (value at
   * tick t is `schedule[min(t, length − 1)]`, so the last value holds), to compare sudden and
   * gradual drops (Epstein 2002, Figs. 9–10). Default 0.8 (Mesa's default; some of Epstein's
   * runs use 0.82).
   */
  readonly legitimacy?: number | readonly number[];
  /** k in P = 1 − exp(−k·r(C/A)). Default 2.3 (Epstein 2002: P ≈ 0.9 when C = A = 1). */
  readonly arrestConstant?: number;
  /** How C/A is rounded. Default `'floor'` (see {@link ArrestRatioRounding}). */
  readonly arrestRatio?: ArrestRatioRounding;
  /** Activation threshold T: active iff G − R·P > T. Default 0.1 (Epstein 2002; Mesa; NetLogo). */
  readonly threshold?: number;
  /**
   * Maximum jail term J_max in ticks; terms are uniform on the integers 0 … J_max. Default 30
   * (Epstein's runs); Mesa's default is 1000.
   */
  readonly maxJailTerm?: number;
  /** Whether citizens and cops move (Epstein's rule M). Default true. */
  readonly movement?: boolean;
  /** Number of ticks to run. Default 500. */
  readonly ticks?: number;
  /** The "outburst" event: first tick with active ≥ outburstShare × citizens. Default 0.1. */
  readonly outburstShare?: number;
  /** How vision counts are obtained. Default `'incremental'` (see {@link VisionCounting}). */
  readonly visionCounting?: VisionCounting;
  /** Placement and activation rules. Default `'moveFirst'` (see {@link CivilViolenceActivation}). */
  readonly activation?: CivilViolenceActivation;
}

/** The resolved inputs of the civil violence model: every option set, legitimacy as a schedule. */
export interface CivilViolenceInputs {
  readonly width: number;
  readonly height: number;
  readonly citizenDensity: number;
  readonly copDensity: number;
  readonly vision: number;
  readonly visionShape: VisionShape;
  /** Legitimacy by tick; the last value holds after the end of the schedule. Never empty. */
  readonly legitimacy: readonly number[];
  readonly arrestConstant: number;
  readonly arrestRatio: ArrestRatioRounding;
  readonly threshold: number;
  readonly maxJailTerm: number;
  readonly movement: boolean;
  readonly ticks: number;
  readonly outburstShare: number;
  readonly visionCounting: VisionCounting;
  readonly activation: CivilViolenceActivation;
}

/**
 * The defaults: Epstein's (2002) Model I as the brief describes it (40 × 40 torus, citizen
 * density 0.7, cop density 0.04, vision 7, k = 2.3, T = 0.1, J_max = 30) with legitimacy 0.8.
 */
export const CIVIL_VIOLENCE_DEFAULTS: Readonly<Required<Omit<CivilViolenceOptions, 'legitimacy'>> & { legitimacy: number }> = {
  width: 40,
  height: 40,
  citizenDensity: 0.7,
  copDensity: 0.04,
  vision: 7,
  visionShape: 'vonNeumann',
  legitimacy: 0.8,
  arrestConstant: EPSTEIN_ARREST_CONSTANT,
  arrestRatio: 'floor',
  threshold: 0.1,
  maxJailTerm: 30,
  movement: true,
  ticks: 500,
  outburstShare: 0.1,
  visionCounting: 'incremental',
  activation: 'moveFirst',
};

/**
 * Mesa's default configuration of its Epstein example (projectmesa/mesa 3.3.1,
 * mesa/examples/advanced/epstein_civil_violence/model.py): 40 × 40, citizen density 0.7, cop density
 * 0.074, vision 7 (von Neumann, Mesa 3's `OrthogonalVonNeumannGrid`), legitimacy 0.8, J_max 1000,
 * T = 0.1, k = 2.3, and C/A rounded with Python's `round` as Mesa's agents do. Used by the benchmark.
 *
 * These are Mesa's parameters, not Mesa's rules: with the default `activation: 'moveFirst'` the
 * runs are burstier than Mesa's (max actives per 500-tick run about twice Mesa's). Add
 * `activation: 'mesa'` to reproduce Mesa's example (see {@link CivilViolenceActivation}).
 */
export const MESA_DEFAULTS: CivilViolenceOptions = {
  width: 40,
  height: 40,
  citizenDensity: 0.7,
  copDensity: 0.074,
  vision: 7,
  legitimacy: 0.8,
  maxJailTerm: 1000,
  threshold: 0.1,
  arrestConstant: 2.3,
  arrestRatio: 'round',
};

/** One problem with the options: where, what was received, and what was expected. */
export interface CivilViolenceIssue {
  readonly path: string;
  readonly received: unknown;
  readonly expected: string;
}

function isInteger(value: number, min: number): boolean {
  return Number.isInteger(value) && value >= min;
}

function inUnit(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 1;
}

/**
 * The problems with a set of options, as data (empty when they are valid). The options are
 * resolved against {@link CIVIL_VIOLENCE_DEFAULTS} first.
 *
 * @example
 * civilViolenceIssues({ copDensity: 0.5 });
 * // [{ path: 'copDensity', received: 0.5, expected: 'citizenDensity + copDensity ≤ 1 (at most one agent per cell)' }]
 */
export function civilViolenceIssues(options: CivilViolenceOptions = {}): CivilViolenceIssue[] {
  const o = { ...CIVIL_VIOLENCE_DEFAULTS, ...options };
  const issues: CivilViolenceIssue[] = [];
  const check = (ok: boolean, path: string, received: unknown, expected: string): void => {
    if (!ok) issues.push({ path, received, expected });
  };
  check(isInteger(o.width, 3), 'width', o.width, 'an integer ≥ 3');
  check(isInteger(o.height, 3), 'height', o.height, 'an integer ≥ 3');
  check(inUnit(o.citizenDensity), 'citizenDensity', o.citizenDensity, 'a number in [0, 1]');
  check(inUnit(o.copDensity), 'copDensity', o.copDensity, 'a number in [0, 1]');
  if (inUnit(o.citizenDensity) && inUnit(o.copDensity)) {
    check(o.citizenDensity + o.copDensity <= 1, 'copDensity', o.copDensity, 'citizenDensity + copDensity ≤ 1 (at most one agent per cell)');
  }
  check(isInteger(o.vision, 1), 'vision', o.vision, 'an integer ≥ 1');
  if (isInteger(o.vision, 1) && isInteger(o.width, 3) && isInteger(o.height, 3)) {
    check(2 * o.vision + 1 <= Math.min(o.width, o.height), 'vision', o.vision, `2·vision + 1 ≤ min(width, height) = ${Math.min(o.width, o.height)} (a cell must not see itself around the torus)`);
  }
  check(['vonNeumann', 'moore', 'euclidean'].includes(o.visionShape), 'visionShape', o.visionShape, "'vonNeumann', 'moore' or 'euclidean'");
  const schedule = typeof o.legitimacy === 'number' ? [o.legitimacy] : o.legitimacy;
  check(Array.isArray(schedule) && schedule.length > 0, 'legitimacy', o.legitimacy, 'a number in [0, 1] or a non-empty array of them');
  if (Array.isArray(schedule)) {
    schedule.forEach((value, tick) => check(inUnit(value), typeof o.legitimacy === 'number' ? 'legitimacy' : `legitimacy[${tick}]`, value, 'a number in [0, 1]'));
  }
  check(Number.isFinite(o.arrestConstant) && o.arrestConstant >= 0, 'arrestConstant', o.arrestConstant, 'a number ≥ 0');
  check(['floor', 'round', 'exact'].includes(o.arrestRatio), 'arrestRatio', o.arrestRatio, "'floor', 'round' or 'exact'");
  check(Number.isFinite(o.threshold), 'threshold', o.threshold, 'a finite number');
  check(isInteger(o.maxJailTerm, 0), 'maxJailTerm', o.maxJailTerm, 'an integer ≥ 0');
  check(typeof o.movement === 'boolean', 'movement', o.movement, 'true or false');
  check(isInteger(o.ticks, 1), 'ticks', o.ticks, 'an integer ≥ 1');
  check(Number.isFinite(o.outburstShare) && o.outburstShare > 0 && o.outburstShare <= 1, 'outburstShare', o.outburstShare, 'a number in (0, 1]');
  check(['incremental', 'scan'].includes(o.visionCounting), 'visionCounting', o.visionCounting, "'incremental' or 'scan'");
  check(['moveFirst', 'mesa'].includes(o.activation), 'activation', o.activation, "'moveFirst' or 'mesa'");
  return issues;
}

/**
 * Resolves options against {@link CIVIL_VIOLENCE_DEFAULTS} into the model's inputs. Throws a
 * RangeError listing every issue (see {@link civilViolenceIssues} for them as data).
 *
 * @example
 * civilViolenceInputs({ copDensity: 0.074 }).legitimacy; // [0.8]
 * civilViolenceInputs({ vision: 30 }); // throws RangeError: invalid vision: 30 (expected 2·vision + 1 ≤ min(width, height) = 40 …)
 */
export function civilViolenceInputs(options: CivilViolenceOptions = {}): CivilViolenceInputs {
  const issues = civilViolenceIssues(options);
  if (issues.length > 0) {
    throw new RangeError(issues.map((issue) => `invalid ${issue.path}: ${String(issue.received)} (expected ${issue.expected})`).join('; '));
  }
  const o = { ...CIVIL_VIOLENCE_DEFAULTS, ...options };
  const legitimacy = typeof o.legitimacy === 'number' ? [o.legitimacy] : [...o.legitimacy];
  return { ...o, legitimacy };
}

/**
 * Legitimacy at a tick: `schedule[min(tick, length − 1)]`.
 *
 * @example
 * legitimacyAt([0.9, 0.8, 0.7], 10); // 0.7
 */
export function legitimacyAt(schedule: readonly number[], tick: number): number {
  return schedule[Math.min(tick, schedule.length - 1)] ?? 0;
}

/**
 * A legitimacy schedule that holds `from` until `atTick`, then drops to `to` at once
 * (Epstein 2002, Fig. 10: "small legitimacy reduction in one jump").
 *
 * @example
 * suddenLegitimacyDrop({ from: 0.9, to: 0.7, atTick: 3 }); // [0.9, 0.9, 0.9, 0.7]
 */
export function suddenLegitimacyDrop(options: { readonly from: number; readonly to: number; readonly atTick: number }): number[] {
  return [...Array.from({ length: options.atTick }, () => options.from), options.to];
}

/**
 * A legitimacy schedule that holds `from` until `startTick`, then falls by `perTick` each tick
 * until it reaches `to` (Epstein 2002, Fig. 9: "large legitimacy reduction in small increments").
 * Values are computed as from − i·perTick (not by repeated subtraction), then clamped at `to`.
 *
 * @example
 * gradualLegitimacyDrop({ from: 0.9, to: 0.85, startTick: 2, perTick: 0.02 }); // [0.9, 0.9, 0.88, 0.86, 0.85]
 */
export function gradualLegitimacyDrop(options: {
  readonly from: number;
  readonly to: number;
  readonly startTick: number;
  readonly perTick: number;
}): number[] {
  if (!(options.perTick > 0)) throw new RangeError(`invalid perTick: ${options.perTick} (expected a number > 0)`);
  const schedule = Array.from({ length: options.startTick }, () => options.from);
  const sign = options.to < options.from ? -1 : 1;
  for (let i = 1; ; i++) {
    const value = options.from + sign * i * options.perTick;
    if (sign < 0 ? value <= options.to + 1e-12 : value >= options.to - 1e-12) break;
    schedule.push(value);
  }
  schedule.push(options.to);
  return schedule;
}
