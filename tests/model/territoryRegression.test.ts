import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inputsForRun, runBatch } from '../../src/experiment/runBatch.js';
import { validScenario } from '../../src/experiment/simulate.js';
import { OBSERVABLE_IDS } from '../../src/model/observables.js';
import { resurgenceModel } from '../../src/model/resurgenceModel.js';
import { createRunStream } from '../../src/rng/createRunStream.js';
import type { RandomSource } from '../../src/rng/randomSource.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

/** SHA-256 of the per-run series and event months of runs 0 … runs − 1 of a shipped scenario. */
function seriesHash(name: string, runs: number, seed: number): string {
  const hash = createHash('sha256');
  const failures = runBatch(validScenario(SHIPPED_SCENARIOS[name]), { seed, firstRun: 0, count: runs }, (run) => {
    hash.update(new Uint8Array(run.series.buffer, run.series.byteOffset, run.series.byteLength));
    hash.update(new Uint8Array(run.eventMonths.buffer, run.eventMonths.byteOffset, run.eventMonths.byteLength));
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
const WORST_CASE_PREFIX_BEFORE: readonly (readonly [number, string])[] = [[11,"a9d32a95be074502"],[12,"8f0f237f05b3a652"],[13,"f4ef2fd7c31f4a96"],[10,"2a2b719eb5a629d8"],[9,"2c0273e9b59cf9fd"],[8,"30901c424e5ca610"],[9,"8b9bd741aa5ef6d4"],[13,"2f7026927ebfe0b7"],[17,"6980529f3cec4c00"],[8,"757d23923fdc53a6"],[11,"2df398333d7844dd"],[11,"a6e16e31bda08c0b"],[16,"d4d8773565a70cc5"],[19,"742386c3a82f7244"],[10,"cf1b504d2d947193"],[14,"d4c3bd3cde3cf39b"],[8,"1d7662b5f3a877f1"],[17,"6519dac3b1899ad6"],[13,"3be528f1cbc6b064"],[15,"6c7ec7d98e857468"],[16,"feae3e4b8e1377ec"],[9,"d84929d5ff186377"],[10,"0afe15cf0acb63c8"],[10,"fbb650de5aa7227d"]];

// The same, one month longer (through the month after the first collapse), on main's code.
const WORST_CASE_ONE_MORE_BEFORE: readonly string[] = ["a3f784daa50118da", "ab79db9d225eb3e6", "c5e00cfbde42276c", "2709234ad5b847ab", "c973cc1a470f64dc", "b93176222e842c8f", "5faa59d70b049939", "a2929cbe9e45fcad", "64ae5b31b7eb5c72", "c88d15d8ee115a6c", "23809367b319b255", "29c5344b16456946", "7048c4d2e8984646", "2bb19ae54d432ba9", "cab6cc0dccc8a493", "52dbba9ddcd7c6d1", "3d597cf629d7cc05", "6ee3077d0cfa4b91", "f5eb768b0184a247", "901a071899acad3d", "f4ad43bb213083b2", "216b87e9d645288a", "3e727d6533febcaa", "a8ba97da59137346"];

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
      createHash('sha256').update(new Uint8Array(series.buffer, 0, months * width * 8)).digest('hex').slice(0, 16);
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
