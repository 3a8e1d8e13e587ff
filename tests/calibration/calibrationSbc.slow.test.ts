// Simulation-based calibration of the resurgence calibration itself (calibrationSbc): the ranks
// of known parameters among their ABC posterior draws, on synthetic data from the model.
// Fixed seeds, so every χ² check is deterministic; the sizes are stated beside each check.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankHistogramShape } from '../../src/calibration/rankHistogramShape.js';
import { calibrationSbc } from '../../src/calibration/calibrationSbc.js';
import { calibrateCommand } from '../../src/cli/commands/calibrate.js';

const CONFIG = JSON.parse(readFileSync(new URL('../../calibration/mid-2020.json', import.meta.url), 'utf8'));

/** The start-2020 setup calibrating only `calibrate` (others at their defaults). */
function startOf2020(calibrate: string[]) {
  return { ...CONFIG, setups: { ...CONFIG.setups, 'start-2020': { ...CONFIG.setups['start-2020'], calibrate } } };
}

describe('calibrationSbc', () => {
  it('calibrationSbc is reproducible bit for bit, ranks lie in 0…L, and bad sizes are refused', () => {
    const options = { setup: 'start-2020', referenceSize: 60, replications: 6, posteriorDraws: 19, bins: 5, seed: 9 };
    const a = calibrationSbc(startOf2020(['recruitRate', 'campEscapeRate']), options);
    const b = calibrationSbc(startOf2020(['recruitRate', 'campEscapeRate']), options);
    expect(a).toEqual(b);
    expect(a.tests.map((t) => t.name)).toEqual(['recruitRate', 'campEscapeRate']);
    for (const row of a.ranks) for (const rank of row) expect(rank >= 0 && rank <= 19 && Number.isInteger(rank)).toBe(true);
    for (const test of a.tests) expect(test.histogram.reduce((s, c) => s + c, 0)).toBe(6);
    expect(() => calibrationSbc(CONFIG, { ...options, bins: 7 })).toThrow('invalid bins: 7 (expected an integer ≥ 2 dividing posteriorDraws + 1 = 20)');
    expect(() => calibrationSbc(CONFIG, { ...options, referenceSize: 10 })).toThrow('invalid referenceSize: 10');
  });

  it('calibrationSbc of the start-2020 setup: the shipped result is reproduced bit for bit and no rank histogram departs from uniform (χ² per quantity, Holm over all 44 at family-wise 0.01)', () => {
    // The shipped run (calibration/sbc/start-2020.json; resurgence calibrate calibration/mid-2020.json
    // --sbc --setup start-2020): 4,000 reference simulations, 200 replications, L = 99, 10 bins of
    // 20 expected ranks. A change to the model, the targets, the distance or the adjustment that
    // miscalibrates any parameter fails here.
    const shipped = JSON.parse(readFileSync(new URL('../../calibration/sbc/start-2020.json', import.meta.url), 'utf8'));
    const result = calibrationSbc(CONFIG, { setup: 'start-2020' });
    expect(result.ranks).toEqual(shipped.ranks);
    expect(result.tests.map((t) => t.name)).toEqual(CONFIG.setups['start-2020'].calibrate);
    expect(result.familyWiseRejected).toEqual([]);
    // 44 tests at 0.01 each would flag a calibrated posterior about a third of the time; most pass anyway.
    expect(result.tests.filter((test) => test.uniform).length).toBeGreaterThanOrEqual(result.tests.length - 2);
  });

  it('calibrationSbc has the power to see a miscalibrated posterior: without regression adjustment the camp-escape rate is overdispersed (∩)', () => {
    // 2,000 reference simulations, 200 replications, L = 99 (the 5% nearest). The camp statistic
    // pins campEscapeRate far more tightly than the 5% neighbourhood does.
    const options = { setup: 'start-2020', referenceSize: 2000, replications: 200, posteriorDraws: 99, seed: 1, regressionAdjustment: false };
    const camps = calibrationSbc(startOf2020(['recruitRate', 'campEscapeRate']), options).tests[1]!;
    expect(camps.pValue).toBeLessThan(1e-6);
    expect(camps.histogram[4]! + camps.histogram[5]!).toBeGreaterThan(1.5 * 2 * 20);
    expect(rankHistogramShape(camps.histogram).shape).toBe('overdispersed');
  });

  it('resurgence calibrate --sbc --unadjusted ranks among the nearest draws as they are, and names the shape of what it rejects', async () => {
    // The power test's design through the command, with the default 200 replications: 99 of 2,000
    // is the 5% nearest, far wider than what the statistics pin down, so both ranks are ∩.
    const dir = mkdtempSync(join(tmpdir(), 'resurgence-sbc-'));
    const path = join(dir, 'sbc.json');
    writeFileSync(path, JSON.stringify(startOf2020(['recruitRate', 'campEscapeRate'])));
    const out = join(dir, 'sbc-result.json');
    let stdout = '';
    const io = { stdout: { isTTY: false, write: (t: string) => ((stdout += t), true) }, stderr: { isTTY: false, write: () => true } };
    expect(await calibrateCommand([path, '--sbc', '--unadjusted', '--reference', '2000', '--seed', '1', '--out', out, '--quiet'], io)).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result).toMatchObject({ referenceSize: 2000, replications: 200, regressionAdjustment: false });
    expect(stdout).toContain('(the nearest of 2000 reference simulations).');
    expect(stdout).toMatch(/campEscapeRate {2}χ² \d+\.\d \(9 df\), p \S+ ✖ not uniform \(∩ overdispersed: wider than the data warrant \(conservative\)\)/);
        expect(stdout).toContain('not uniform: recruitRate, campEscapeRate.\nOf those: 2 ∩ overdispersed: wider than the data warrant (conservative).');
  });

  it('resurgence calibrate --sbc prints a rank histogram and a χ² verdict per parameter and writes the result with --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resurgence-sbc-'));
    const path = join(dir, 'sbc.json');
    writeFileSync(path, JSON.stringify(startOf2020(['recruitRate'])));
    const out = join(dir, 'sbc-result.json');
    let stdout = '';
    const io = { stdout: { isTTY: false, write: (t: string) => ((stdout += t), true) }, stderr: { isTTY: false, write: () => true } };
    expect(await calibrateCommand([path, '--sbc', '--reference', '100', '--replications', '10', '--seed', '2', '--out', out, '--quiet'], io)).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result).toMatchObject({ setup: 'start-2020', referenceSize: 100, replications: 10, posteriorDraws: 99, bins: 10, regressionAdjustment: true });
    expect(stdout).toContain('Simulation-based calibration of setup start-2020, seed 2: 10 replications, each ranked among 99 posterior draws (the nearest of 100 reference simulations, regression-adjusted)');
    expect(stdout).toMatch(/recruitRate {2}χ² \d+\.\d \(9 df\), p \S+ [✔✖]/);
    expect(stdout.match(/ {2}ranks \d+–\d+/g)).toHaveLength(10);
    await expect(calibrateCommand([path, '--reference', '100'], io)).rejects.toThrow('--reference, --replications and --unadjusted go with --sbc');
    await expect(calibrateCommand([path, '--unadjusted'], io)).rejects.toThrow('--reference, --replications and --unadjusted go with --sbc');
    await expect(calibrateCommand([path, '--sbc', '--replications', '0'], io)).rejects.toThrow('invalid --replications: 0 (expected an integer ≥ 1)');
  });
});
