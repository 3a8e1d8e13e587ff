import { FACTORS, type FactorId } from '../model/factors.js';
import { PARAMETERS } from '../model/parameters.js';

/**
 * Physical bounds of every number a scenario file can set outside `factors` and `parameters`
 * (whose bounds live in their registries: `FactorDefinition.bounds`, `ParameterDefinition.range`),
 * and the size limits of its strings and arrays. Scenario files are untrusted input (issue 17):
 * validation enforces these before anything runs, and the JSON Schema exports them.
 *
 * Where a quantity is also a factor (reserves ↔ `warChest`, detainees ↔ `detaineesHeld`), its
 * bound is derived from the factor registry, so that a change there carries over.
 */
const factorBounds = (id: FactorId): readonly [number, number] => {
  const factor = FACTORS.find((f) => f.id === id);
  if (!factor) throw new Error(`no factor ${id}`);
  return factor.bounds;
};

/**
 * Most ISIS fighters a start may have, in total or in one area: 200,000, the highest public
 * estimate of ISIS's strength at its 2014–2015 peak (Kurdish officials, Nov 2014, quoted by The
 * Independent; the CIA's Sep 2014 estimate was 20,000–31,500). Ten times the mid-2020 estimate.
 *
 * @example
 * MAX_INITIAL_FIGHTERS; // 200000
 */
export const MAX_INITIAL_FIGHTERS = 200_000;

/**
 * Bounds of each `initialState` number: [lowest, highest] and the unit. Reserves and detainees
 * take the hard bounds of the `warChest` and `detaineesHeld` factors.
 *
 * @example
 * INITIAL_STATE_BOUNDS.reserves.bounds; // [0, 2000] (million USD, the warChest factor's bounds)
 */
export const INITIAL_STATE_BOUNDS = {
  fighters: { bounds: [0, MAX_INITIAL_FIGHTERS], unit: 'fighters' },
  reserves: { bounds: factorBounds('warChest'), unit: 'million USD' },
  detainees: { bounds: factorBounds('detaineesHeld'), unit: 'detainees' },
  coordination: { bounds: [0, 1], unit: 'index 0–1' },
  networkCapacity: { bounds: [0, 1], unit: 'index 0–1' },
  iraqiForceQuality: { bounds: [0, 2], unit: 'relative to Mar 2020' },
  // Security personnel of one actor in one area: 1,000,000 is above the whole Iraqi security
  // forces' strength (~800,000 in 2020, IISS Military Balance), so any real table fits.
  personnel: { bounds: [0, 1_000_000], unit: 'personnel' },
} as const satisfies Record<string, { bounds: readonly [number, number]; unit: string }>;

/**
 * Most events an observed series may count: 100,000 in one month and 10,000,000 over a period.
 * Iraq's worst months, mid-2007, saw about 180 attacks a day, some 5,500 a month (Brookings Iraq
 * Index, from MNF-I SIGACTS); the bounds are far above any real count and only keep absurd
 * magnitudes out of the back-test scores.
 *
 * @example
 * OBSERVED_BOUNDS.monthly; // 100000
 */
export const OBSERVED_BOUNDS = { monthly: 100_000, period: 10_000_000 } as const;

/**
 * The widest hard bounds over all factors: a distribution's or schedule's numbers are checked
 * against their own factor's bounds after the shape check; this only keeps absurd magnitudes
 * (1e308) out of the arithmetic.
 *
 * @example
 * MAX_FACTOR_MAGNITUDE >= 200000; // true
 */
export const MAX_FACTOR_MAGNITUDE = Math.max(...FACTORS.map((f) => Math.abs(f.bounds[1])), ...FACTORS.map((f) => Math.abs(f.bounds[0])));

/**
 * The widest parameter range, used the same way for posterior sample values.
 *
 * @example
 * MAX_PARAMETER_MAGNITUDE >= 18000; // true (initialFighters)
 */
export const MAX_PARAMETER_MAGNITUDE = Math.max(...PARAMETERS.map((p) => Math.max(Math.abs(p.range[0]), Math.abs(p.range[1]))));

/**
 * Size limits of strings and arrays in a scenario file, and of the file itself.
 *
 * @example
 * SIZE_LIMITS.text; // 20000 characters for a question or a description
 */
export const SIZE_LIMITS = {
  /** A scenario file, in bytes (the shipped ones are under 20 kB). */
  fileBytes: 4 * 1024 * 1024,
  /** A posterior file referenced by a scenario, in bytes (the shipped ones are under 1 MB). */
  posteriorFileBytes: 32 * 1024 * 1024,
  /** A name, title, source, note or seed string, in characters. */
  shortText: 2_000,
  /** A question or description, in characters. */
  text: 20_000,
  /** Steps of a schedule, values of a choice. */
  listItems: 1_000,
  /** Interventions, observed series, correlation factors. */
  sections: 200,
  /** Points of one observed series (20 years of months is 240). */
  points: 2_000,
  /** Rows of an inline posterior sample. */
  posteriorRows: 100_000,
  /** Columns of a posterior sample. */
  posteriorColumns: 200,
  /** Entries of `sources`. */
  sources: 1_000,
} as const;
