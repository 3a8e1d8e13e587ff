import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/experiment/runBatch.js';
import { validScenario } from '../../src/experiment/simulate.js';
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
describe('territory contest: untriggered runs are unchanged', () => {
  it('territory contest: baseline-2020, 24 runs (seed 1), per-run series identical to the model without the contest', () => {
    expect(seriesHash('baseline-2020', 24, 1)).toBe('dee676417bf8f620602bb2e0cad607f8b3c56f86ea4811c7236ebb7e0e8a317d');
  });
  it('territory contest: worst-case, 24 runs (seed 1), per-run series identical to the model without the contest', () => {
    expect(seriesHash('worst-case', 24, 1)).toBe('c8a1f32646fd7fe5c5b753e6a6e53bd41869e7cd1f78e97114461a1a357d27a2');
  });
  it('territory contest: backtest-2018-2019 (the posterior\'s scenario), 24 runs (seed 1), per-run series identical to the model without the contest', () => {
    expect(seriesHash('backtest-2018-2019', 24, 1)).toBe('cdfd8ace808cc5238e1f35880d384dc46e5da30e51adb0442904cad2de0d642f');
  });
});
