// The shipped SBC results (calibration/sbc/*.json) against what they claim: the verdicts follow
// from the stored ranks, the quantities are the ones the setup calibrates today, and the
// "-rejection" runs test the shipped inference (plain rejection at the setup's own acceptance
// rate). Re-running them is the slow suite's job (start-2020) or the command's in the README;
// this checks, in milliseconds, that no file is stale or edited by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holmRejections } from '../../src/calibration/holmRejections.js';
import { rankHistogramChiSquare } from '../../src/calibration/rankHistogramChiSquare.js';

const directory = new URL('../../calibration/sbc/', import.meta.url);
const CONFIGS = ['mid-2020', 'rolling-origin'].map((name) => JSON.parse(readFileSync(new URL(`../../calibration/${name}.json`, import.meta.url), 'utf8')));
/** The setup of that name in the shipped configs (each setup name is used once). */
const setupNamed = (name: string) => CONFIGS.find((config) => name in config.setups).setups[name];
const files = readdirSync(directory).filter((name) => name.endsWith('.json'));

describe('shipped SBC results', () => {
  it('calibration/sbc holds the regression-adjusted and the plain-rejection SBC of start-2020 and start-2018, and plain rejection of the holdout and both rolling origins', () => {
    expect(files.sort()).toEqual([
      'origin-2018-12-rejection.json',
      'origin-2019-12-rejection.json',
      'start-2018-holdout-rejection.json',
      'start-2018-rejection.json',
      'start-2018.json',
      'start-2020-rejection.json',
      'start-2020.json',
    ]);
  });

  it.each(files)('%s: its histograms, χ² p-values and Holm verdict follow from its ranks, for the quantities its setup calibrates', (name) => {
    const result = JSON.parse(readFileSync(new URL(name, directory), 'utf8'));
    const setup = setupNamed(result.setup);
    expect(name.startsWith(result.setup)).toBe(true);
    expect(result.tests.map((test: { name: string }) => test.name)).toEqual(setup.calibrate);
    expect(result.ranks).toHaveLength(result.replications);
    const pValues = result.tests.map((test: { histogram: number[]; pValue: number; uniform: boolean }, k: number) => {
      const recomputed = rankHistogramChiSquare(result.ranks.map((row: number[]) => row[k]), result.posteriorDraws, result.bins);
      expect(test.histogram).toEqual(recomputed.counts);
      expect(test.pValue).toBeCloseTo(recomputed.pValue, 12);
      expect(test.uniform).toBe(recomputed.pValue >= result.level);
      return recomputed.pValue;
    });
    const rejected = holmRejections(pValues, result.level).map((k) => result.tests[k].name);
    expect(result.familyWiseRejected).toEqual(rejected);
  });

  it.each(files.filter((name) => name.endsWith('-rejection.json')))(
    '%s tests the shipped inference: no regression adjustment, and L / reference size = the setup\'s acceptance quantile',
    (name) => {
      const result = JSON.parse(readFileSync(new URL(name, directory), 'utf8'));
      const abc = setupNamed(result.setup).abc;
      expect(abc.method).toBe('rejection');
      expect(result.regressionAdjustment).toBe(false);
      expect(result.posteriorDraws / result.referenceSize).toBeCloseTo(abc.acceptQuantile, 6);
    },
  );
});
