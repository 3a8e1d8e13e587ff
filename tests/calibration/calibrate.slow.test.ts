import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/calibration/calibrate.js';
import { parseCalibrationConfig, SERIES_OBSERVABLES } from '../../src/calibration/calibrationConfig.js';
import { resamplePosterior } from '../../src/calibration/resamplePosterior.js';
import { screenParameters } from '../../src/calibration/screenParameters.js';
import { simulate } from '../../src/experiment/simulate.js';
import { PARAMETERS_BY_ID, type ParameterId } from '../../src/model/parameters.js';
import { createRunStream } from '../../src/rng/createRunStream.js';
import { calibrationConfigHash } from '../../src/calibration/calibrationConfigHash.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const CONFIG = JSON.parse(readFileSync(new URL('../../calibration/mid-2020.json', import.meta.url), 'utf8'));

/** The CSV rows of data/sources/observed-to-mid-2020.csv as (series, date) → value text. */
function observedRows(): Map<string, string> {
  const text = readFileSync(new URL('../../data/sources/observed-to-mid-2020.csv', import.meta.url), 'utf8');
  const rows = new Map<string, string>();
  for (const line of text.trim().split('\n').slice(1)) {
    const [series, date, value] = line.split(',');
    rows.set(`${series}|${date}`, value as string);
  }
  return rows;
}

/**
 * A tiny version of the shipped config: same targets and priors, a few dozen simulations. The
 * setups' own `abc` overrides (the back-test's larger budgets) are replaced by 2 generations.
 */
function tinyConfig() {
  // start-2020 keeps its method (rejection: SMC's Gaussian kernel almost never lands inside 44 bounds at once).
  const tiny = (name: string) => (name === 'start-2020' ? { method: 'rejection', draws: 48, acceptQuantile: 1 / 3 } : { maxGenerations: 2 });
  const setups = Object.fromEntries(Object.entries(CONFIG.setups as Record<string, object>).map(([name, setup]) => [name, { ...setup, abc: tiny(name) }]));
  return {
    ...CONFIG,
    setups,
    runsPerSimulation: 1,
    abc: { method: 'smc', particles: 16, initialDraws: 32, maxGenerations: 2 },
    posteriorPredictive: { draws: 6, runs: 1, level: 0.9 },
  };
}

describe('parseCalibrationConfig', () => {
  it('parseCalibrationConfig accepts calibration/mid-2020.json', () => {
    const parsed = parseCalibrationConfig(CONFIG);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  it('parseCalibrationConfig: every target quotes its CSV row (value / divideBy, or the range) unless it states a derivation', () => {
    const rows = observedRows();
    for (const setup of Object.values(CONFIG.setups) as { targets: { id: string; observed: number | [number, number]; data: { series: string; date: string; divideBy?: number; derivation?: string } }[] }[]) {
      for (const target of setup.targets) {
        const raw = rows.get(`${target.data.series}|${target.data.date}`);
        expect(raw, `${target.id}: row ${target.data.series} ${target.data.date}`).toBeDefined();
        if (target.data.derivation !== undefined) continue;
        if (typeof target.observed === 'number') {
          expect(Math.abs(target.observed - Number(raw) / (target.data.divideBy ?? 1))).toBeLessThan(0.01);
        } else {
          expect(raw).toBe(`${target.observed[0]}-${target.observed[1]}`);
        }
      }
    }
  });

  it('parseCalibrationConfig never lets attack datasets, press incidents and claims share a series', () => {
    const target = CONFIG.setups['start-2020'].targets[0];
    const withTarget = (t: object) => ({ ...CONFIG, setups: { 'start-2020': { ...CONFIG.setups['start-2020'], targets: [t] } } });
    const claimsAsAttacks = parseCalibrationConfig(withTarget({ ...target, observable: 'claimedAttacks' }));
    expect(claimsAsAttacks.ok ? [] : claimsAsAttacks.issues.map((i) => i.message)).toEqual([
      'a "attack-dataset" target must use attacksIraq or attacksSyria or attacks, not claimedAttacks (series are never mixed)',
    ]);
    const press = parseCalibrationConfig(withTarget({ ...target, series: 'press-incidents' }));
    expect(press.ok ? [] : press.issues.map((i) => i.message)).toEqual([
      'a "press-incidents" target has no model observable (the model does not count that series)',
    ]);
    expect(SERIES_OBSERVABLES['isis-claims']).toEqual(['claimedAttacks', 'claimedAttacksIraq', 'claimedAttacksSyria']);
  });

  it('parseCalibrationConfig reports priors outside the documented range, missing priors, unknown setups and windows', () => {
    const bad = {
      ...CONFIG,
      setup: 'start-2021',
      priors: { ...CONFIG.priors, attackRate: { kind: 'uniform', lower: 0, upper: 0.5 }, recruitRate: undefined },
      setups: {
        'start-2020': {
          ...CONFIG.setups['start-2020'],
          targets: [{ ...CONFIG.setups['start-2020'].targets[0], period: ['2020-01', '2020-03'] }],
        },
      },
    };
    delete bad.priors.recruitRate;
    const parsed = parseCalibrationConfig(bad);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.message)).toEqual([
      'unknown setup "start-2021" (setups: start-2020)',
      'attackRate: prior bounds [0, 0.5] must lie inside the documented range [0.01, 0.1]',
      '"recruitRate" has no prior in "priors"',
      'give exactly one of "period" (calendar months) or "months" (simulated months)',
    ]);
    expect(parseCalibrationConfig({ ...CONFIG, extra: 1 }).ok).toBe(false);
  });
});

describe('calibrate', () => {
  it('calibrate (tiny) returns a posterior file inside the priors, reproducible bit for bit', () => {
    const first = calibrate(tinyConfig(), { seed: 7 });
    const { file } = first;
    expect(file.parameters).toEqual(CONFIG.setups['start-2020'].calibrate);
    expect(file.samples).toHaveLength(16);
    expect(file.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(file.configHash).toBe(calibrationConfigHash(tinyConfig(), 'start-2020'));
    expect(file.seed).toBe(7);
    for (const row of file.samples) {
      row.forEach((value, k) => {
        const [low, high] = PARAMETERS_BY_ID[file.parameters[k] as ParameterId].range;
        expect(value >= low && value <= high).toBe(true);
        expect(Number(value.toPrecision(4))).toBe(value); // rounded to 4 significant digits
      });
    }
    expect(file.method).toBe('rejection');
    expect(file.simulations).toBe(48);
    expect(file.posteriorPredictive.targets.map((t) => t.id)).toEqual(CONFIG.setups['start-2020'].targets.map((t: { id: string }) => t.id));
    expect(file.posteriorPredictive.attacksIraq.months).toEqual(['2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10']);
    expect(calibrate(tinyConfig(), { seed: 7 }).file).toEqual(file);
  });

  it('calibrate (tiny, start-2018 back-test setup) places calendar periods and checks the attack trend', () => {
    const { file } = calibrate(tinyConfig(), { setup: 'start-2018', seed: 1 });
    expect(file.parameters).toEqual(CONFIG.setups['start-2018'].calibrate);
    const months = Object.fromEntries(file.targets.map((t) => [t.id, t.months]));
    expect(months).toMatchObject({ iraqAttacks2018: [0, 11], iraqAttacks2019: [12, 23], iraqAttacks2020Q1: [24, 26], reserves: [19, 19], strength: [15, 24] });
    const trend = file.posteriorPredictive.trend;
    expect(trend.map((t) => t.id)).toEqual(['iraqAttacks2019/iraqAttacks2018', 'iraqAttacks2020Q1/iraqAttacks2019']);
    expect(trend[0]?.observed).toBeCloseTo(139.08 / 122.5, 12);
    expect(trend[1]?.observed).toBeCloseTo(188.67 / 139.08, 12);
    expect(file.posteriorPredictive.attacksIraq.months[0]).toBe('2018-01');
  });

  it('calibrate rejects a target outside the simulated months and an unknown scenario, with issues as data', () => {
    const config = tinyConfig();
    expect(() => calibrate({ ...config, setups: { 'start-2020': { ...config.setups['start-2020'], months: 4 } } })).toThrow(
      'target "strength" covers simulated months 0–5, outside the 4 months simulated from 2020-05',
    );
    const unknown = { ...config, setups: { 'start-2020': { ...config.setups['start-2020'], scenario: 'no-such-scenario' } } };
    expect(() => calibrate(unknown)).toThrow('cannot find scenario "no-such-scenario" (a shipped name, or a file for the CLI)');
  });
});

describe('calibrate: the shipped posterior (data/posteriors/mid-2020.json)', () => {
  const file = JSON.parse(readFileSync(new URL('../../data/posteriors/mid-2020.json', import.meta.url), 'utf8'));

  it('calibrate: the shipped posterior was made from the current config', () => {
    expect(file.configHash).toBe(calibrationConfigHash(CONFIG, CONFIG.setup));
    expect(file.parameters).toEqual(CONFIG.setups[CONFIG.setup].calibrate);
    expect(file.weights.reduce((s: number, w: number) => s + w, 0)).toBeCloseTo(1, 9);
  });

  it('calibrate: re-simulated, the shipped posterior still reproduces the 2020 Q1 Iraq attack level (90% predictive band)', () => {
    // 30 posterior draws, each the mean of 2 runs over months 0–2; the observed 188.67 must lie
    // between their 5% and 95% quantiles. With the model unchanged the band covers it (the
    // calibration's own check, 800 values); a model change that moves attacks by more than the
    // band's half-width (~±25 attacks) fails this test.
    const draws = resamplePosterior(file, 30, createRunStream('shipped-posterior', 0, 'check'));
    const base = SHIPPED_SCENARIOS['baseline-2020'] as Record<string, unknown>;
    const values: number[] = [];
    for (const [m, theta] of draws.entries()) {
      const parameters = Object.fromEntries(file.parameters.map((name: string, k: number) => [name, theta[k]]));
      const { summary } = simulate({ ...base, months: 3, parameters }, { runs: 2, seed: `check/${m}` });
      values.push((summary.series.attacksIraq?.mean ?? []).reduce((s, v) => s + v, 0) / 3);
    }
    values.sort((a, b) => a - b);
    expect(values[Math.floor(0.05 * values.length)]).toBeLessThan(188.67);
    expect(values[Math.ceil(0.95 * values.length) - 1]).toBeGreaterThan(188.67);
  });
});

describe('screenParameters', () => {
  it('screenParameters: attack rate moves attacks in proportion to its range, the claim share moves only claims', () => {
    // Attacks are proportional to attackRate (rules/attacks.ts), so the relative effect over its
    // range is about (0.1 − 0.01) / 0.038 = 2.4; claims are binomial thinning with claimShare, so
    // its effect on claims is about (0.6 − 0.15) / 0.3 = 1.5, and exactly 0 on attacks (claims
    // draw from their own stream, so the attacks of the two runs are identical).
    const [first, second] = screenParameters(CONFIG, { parameters: ['claimShare', 'attackRate'], runs: 2, seed: 3 });
    const ids = CONFIG.setups['start-2020'].targets.map((t: { id: string }) => t.id);
    expect(first?.parameter).toBe('attackRate');
    expect(first?.effects[ids.indexOf('iraqAttacks2020Q1')]).toBeGreaterThan(1.8);
    expect(first?.effects[ids.indexOf('iraqAttacks2020Q1')]).toBeLessThan(3);
    expect(second?.parameter).toBe('claimShare');
    expect(second?.effects[ids.indexOf('iraqAttacks2020Q1')]).toBe(0);
    expect(second?.effects[ids.indexOf('claims2020')]).toBeGreaterThan(1.2);
    expect(second?.effects[ids.indexOf('claims2020')]).toBeLessThan(1.8);
    expect(second?.largest).toBe(0); // claims are check-only (weight 0) in this setup
  });
});
