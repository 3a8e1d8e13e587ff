import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputsForRun, runBatch } from '../../src/experiment/runBatch.js';
import { validScenario } from '../../src/experiment/simulate.js';
import { OBSERVABLE_IDS } from '../../src/model/observables.js';
import { resurgenceModel } from '../../src/model/resurgenceModel.js';
import { createRunStream } from '../../src/rng/createRunStream.js';
import type { RandomSource } from '../../src/rng/randomSource.js';
import type { PosteriorSamples } from '../../src/scenario/posterior.js';
import { SHIPPED_POSTERIORS } from '../../src/scenario/shippedPosteriors.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

// The outputs that existed before the contest (995e66d), in their order: the hashes below are
// of these columns and events only, so that outputs added since (areasCollapsed, forcesCollapse,
// appended after them) leave the comparison intact.
const OBSERVABLES_BEFORE = ['attacksIraq', 'attacksSyria', 'attacks', 'claimedAttacks', 'fighters', 'recruits', 'losses', 'income', 'reserves', 'prisonersFreed', 'campEscapes', 'areasOperating', 'areasHeld'] as const;
const EVENTS_BEFORE = 2;

/** A run's series (row-major, every observable) cut to the columns of OBSERVABLES_BEFORE, months 0 … months − 1. */
function seriesBefore(series: Float64Array, months: number): Float64Array {
  const width = OBSERVABLE_IDS.length;
  const columns = OBSERVABLES_BEFORE.map((id) => OBSERVABLE_IDS.indexOf(id));
  const cut = new Float64Array(months * columns.length);
  for (let m = 0; m < months; m++) columns.forEach((k, j) => (cut[m * columns.length + j] = series[m * width + k] as number));
  return cut;
}

/** SHA-256 of the per-run series and event months (those of before the contest) of runs 0 … runs − 1 of a shipped scenario. */
function seriesHash(name: string, runs: number, seed: number): string {
  const hash = createHash('sha256');
  const failures = runBatch(validScenario(SHIPPED_SCENARIOS[name]), { seed, firstRun: 0, count: runs }, (run) => {
    const cut = seriesBefore(run.series, run.series.length / OBSERVABLE_IDS.length);
    hash.update(new Uint8Array(cut.buffer));
    hash.update(new Uint8Array(run.eventMonths.buffer, run.eventMonths.byteOffset, EVENTS_BEFORE * run.eventMonths.BYTES_PER_ELEMENT));
  });
  expect(failures).toEqual([]);
  return hash.digest('hex');
}

// The hashes below were computed on main's code (995e66d) BEFORE the territory contest was added
// (issue 12, items 3 and 4): the contest must leave every run it does not trigger identical,
// draw for draw, so that the shipped posteriors, fitted on the model without it, stay valid.
// Worst-case runs 0-23, seed 1, on main's code (995e66d): [months, first 16 hex digits of the
// SHA-256 of the series of months 0 … months − 1], where months − 1 is the month in which the
// contest first collapses an area's forces in that run (measured on the code with the contest;
// a collapse takes effect the next month, so everything up to it must be unchanged).
const WORST_CASE_PREFIX_BEFORE: readonly (readonly [number, string])[] = [[16,"7dd5c256cb86018c"],[20,"dbfb431d2639b414"],[19,"18e0ac605339ec38"],[16,"d5ca434d2b857a45"],[15,"90bdc483b0c26820"],[14,"68d98e26af2f5ae6"],[15,"4a6c92a97b4b3f8e"],[19,"be47d9d55ef8806f"],[24,"ef250520911f55c1"],[14,"40f8f04c31e0f0ec"],[17,"9cac122c440d8ecb"],[17,"3142f1673f27f560"],[24,"f76eba9d961e0274"],[27,"892275366e6184a5"],[16,"f96a4e00282513bd"],[22,"790a222f88c2eba8"],[14,"a762306619126d16"],[25,"aa8ba3b1b56dd28a"],[20,"ec93c281eb0b94bf"],[25,"4bee0736de1ae2c7"],[24,"61a78c0afeb8a351"],[11,"47fee99a06adab7f"],[17,"43c0948ccc3f2542"],[16,"df93f4f478a788d2"]];

// The same, one month longer (through the month after the first collapse), on main's code.
const WORST_CASE_ONE_MORE_BEFORE: readonly string[] = ["6f32a508ebeb77d6", "d90c25b1fc908480", "1f8ca39b3a8edb2d", "df7806b32b6647e6", "d67227d54dc9aca9", "721c8d42cca360c5", "38da10612f5bea9b", "2db35254d6bd8ab4", "b2bc88bcf946424b", "43389646fece1e64", "00478e74a64b21de", "832feaa564857613", "82f850a089e5a5ae", "6dd741ddaf22b39c", "7f0e25564bbb913e", "3d0086d60f8c11bf", "2a4f1b90bb8637a6", "3776be64fbf51824", "ff4d8536ae6b61cb", "9a0410457cf89f48", "139aa48182243ae9", "05e794d2a800fd46", "e17805808507df2b", "b92e13ef14df20bf"];

// The hashes were computed with the runs drawing their parameters from the 5-column mid-2020
// posterior of that time; the shipped one now draws 44 columns, so these runs draw from a copy
// of the old one (tests/fixtures), swapped in for this file only.
const FIVE_COLUMNS = JSON.parse(readFileSync(new URL('../fixtures/posterior-mid-2020-5-columns.json', import.meta.url), 'utf8')) as PosteriorSamples;
const SHIPPED = SHIPPED_POSTERIORS as Record<string, PosteriorSamples>;
const CURRENT = SHIPPED['mid-2020'] as PosteriorSamples;
beforeAll(() => {
  SHIPPED['mid-2020'] = FIVE_COLUMNS;
});
afterAll(() => {
  SHIPPED['mid-2020'] = CURRENT;
});

describe('territory contest: untriggered runs are unchanged', () => {
  it('territory contest: baseline-2020, 24 runs (seed 1), per-run series identical to the model without the contest', () => {
    expect(seriesHash('baseline-2020', 24, 1)).toBe('dee676417bf8f620602bb2e0cad607f8b3c56f86ea4811c7236ebb7e0e8a317d');
  });
  // The worst case is where the contest is meant to trigger (ISIS outnumbers the effective
  // security of whole areas two or three to one): every run is identical to the model without
  // the contest up to the month of its first collapse, and differs afterwards.
  it('territory contest: worst-case, 24 runs (seed 1): each run identical to the model without the contest until its first collapse, different after', () => {
    const valid = validScenario(SHIPPED_SCENARIOS['worst-case']);
    const width = OBSERVABLE_IDS.length;
    const prefixHash = (series: Float64Array, months: number) =>
      createHash('sha256').update(new Uint8Array(seriesBefore(series, months).buffer)).digest('hex').slice(0, 16);
    for (let run = 0; run < 24; run++) {
      const inputs = inputsForRun(valid, 1, run);
      const random: Record<string, RandomSource> = {};
      for (const name of resurgenceModel.streams) random[name] = createRunStream(1, run, `resurgence/${name}`);
      const series = new Float64Array(inputs.months * width);
      const state = resurgenceModel.initialize(inputs);
      let firstCollapse = -1;
      for (let month = 0; month < inputs.months; month++) {
        resurgenceModel.step(state, inputs, month, random, series.subarray(month * width, (month + 1) * width));
        if (firstCollapse < 0 && state.collapses > 0) firstCollapse = month;
      }
      const [months, before] = WORST_CASE_PREFIX_BEFORE[run]!;
      expect(firstCollapse + 1).toBe(months);
      expect(prefixHash(series, months)).toBe(before);
      // One month further the collapsed forces are gone: that month's row is no longer the old one.
      expect(prefixHash(series, months + 1)).not.toBe(WORST_CASE_ONE_MORE_BEFORE[run]);
    }
  });

  it('territory contest: backtest-2018-2019 (the posterior\'s scenario), 24 runs (seed 1), per-run series identical to the model without the contest', () => {
    expect(seriesHash('backtest-2018-2019', 24, 1)).toBe('cdfd8ace808cc5238e1f35880d384dc46e5da30e51adb0442904cad2de0d642f');
  });
});
