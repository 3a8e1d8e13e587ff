import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrationConfigHash } from '../../src/calibration/calibrationConfigHash.js';
import { canonicalJson, sha256Hex } from '../../src/scenario/hash.js';

const CONFIG = JSON.parse(readFileSync(new URL('../../calibration/mid-2020.json', import.meta.url), 'utf8'));

describe('calibrationConfigHash', () => {
  const hash = (config: unknown) => calibrationConfigHash(config, 'start-2018');

  it('calibrationConfigHash: unchanged by the description, by other setups and by priors the setup does not calibrate', () => {
    const base = hash(CONFIG);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hash({ ...CONFIG, description: 'other words' })).toBe(base);
    expect(hash({ ...CONFIG, setups: { ...CONFIG.setups, 'start-2020': { ...CONFIG.setups['start-2020'], months: 5 } } })).toBe(base);
    // start-2018 calibrates every prior the config has, so add one it does not calibrate.
    expect(CONFIG.setups['start-2018'].calibrate).not.toContain('riskAversion');
    expect(hash({ ...CONFIG, priors: { ...CONFIG.priors, riskAversion: { kind: 'uniform', lower: 0.1, upper: 1 } } })).toBe(base);
  });

  it('calibrationConfigHash: changed by what the setup reads (its targets, its priors, the top-level budget) and differs between setups', () => {
    const base = hash(CONFIG);
    const setup = CONFIG.setups['start-2018'];
    expect(hash({ ...CONFIG, setups: { ...CONFIG.setups, 'start-2018': { ...setup, targets: setup.targets.slice(1) } } })).not.toBe(base);
    expect(hash({ ...CONFIG, priors: { ...CONFIG.priors, attackRate: { kind: 'uniform' } } })).not.toBe(base);
    expect(hash({ ...CONFIG, runsPerSimulation: 8 })).not.toBe(base);
    expect(calibrationConfigHash(CONFIG, 'start-2018-holdout')).not.toBe(base);
  });

  it('calibrationConfigHash: a config that is not an object is hashed whole', () => {
    expect(calibrationConfigHash([1, 2], 'x')).toBe(sha256Hex(canonicalJson([1, 2])));
  });
});
