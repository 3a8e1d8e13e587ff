import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateCommand } from '../../src/cli/commands/calibrate.js';
import { UsageError } from '../../src/cli/usage.js';
import { ScenarioError } from '../../src/scenario/issues.js';

const CONFIG = JSON.parse(readFileSync(new URL('../../calibration/mid-2020.json', import.meta.url), 'utf8'));

function buffers() {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      stdout: { isTTY: false, write: (text: string) => ((stdout += text), true) },
      stderr: { isTTY: false, write: (text: string) => ((stderr += text), true) },
    },
    out: () => stdout,
    err: () => stderr,
  };
}

function writeConfig(config: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'resurgence-calibrate-'));
  const path = join(dir, 'tiny.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

const tiny = {
  ...CONFIG,
  name: 'tiny',
  runsPerSimulation: 1,
  abc: { method: 'smc', particles: 12, initialDraws: 24, maxGenerations: 2 },
  // The shipped setup's own "abc" (200,000 rejection draws) would override the tiny one.
  setups: { 'start-2020': { ...CONFIG.setups['start-2020'], abc: { method: 'rejection', draws: 36, acceptQuantile: 1 / 3 } } },
  setup: 'start-2020',
  posteriorPredictive: { draws: 4, runs: 1 },
};

describe('calibrateCommand', () => {
  it('calibrateCommand writes the posterior file with --out and prints the summary and the predictive check', async () => {
    const config = writeConfig(tiny);
    const out = join(config, '..', 'posterior.json');
    const b = buffers();
    expect(await calibrateCommand([config, '--out', out, '--seed', '3', '--quiet'], b.io)).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file).toMatchObject({ parameters: CONFIG.setups['start-2020'].calibrate, seed: 3, setup: 'start-2020', source: 'calibration/tiny.json' });
    expect(file.samples).toHaveLength(12);
    expect(b.out()).toContain('Calibration calibration/tiny.json (setup start-2020, scenario baseline-2020), seed 3');
    expect(b.out()).toMatch(/attackRate\s+log-uniform \[0\.01, 0\.1\]\s+\S+\s+\[/);
    expect(b.out()).toMatch(/iraqAttacks2020Q1\s+attack-dataset\s+188\.7\s/);
    expect(b.out()).toContain('(check only)');
    expect(b.err()).toBe('');
    const json = buffers();
    expect(await calibrateCommand([config, '--seed', '3', '--json', '--quiet'], json.io)).toBe(0);
    expect(json.out()).toBe(readFileSync(out, 'utf8'));
  });

  it('calibrateCommand --checkpoint keeps every draw; a run resumed from an interrupted checkpoint writes the same posterior bit for bit', async () => {
    const config = writeConfig(tiny);
    const folder = join(config, '..');
    const plain = join(folder, 'plain.json');
    expect(await calibrateCommand([config, '--out', plain, '--seed', '3', '--quiet'], buffers().io)).toBe(0);
    const checkpoint = join(folder, 'fit.ckpt');
    const first = join(folder, 'first.json');
    expect(await calibrateCommand([config, '--out', first, '--seed', '3', '--quiet', '--checkpoint', checkpoint], buffers().io)).toBe(0);
    expect(readFileSync(first, 'utf8')).toBe(readFileSync(plain, 'utf8'));
    const lines = readFileSync(checkpoint, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 36); // the header, then the 36 draws of the tiny setup
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'resurgence-calibration-checkpoint', setup: 'start-2020', seed: 3 });
    // An interruption after 20 draws, in the middle of writing the 21st line.
    writeFileSync(checkpoint, `${lines.slice(0, 21).join('\n')}\n${lines[21]!.slice(0, 15)}`);
    const resumed = join(folder, 'resumed.json');
    const b = buffers();
    expect(await calibrateCommand([config, '--out', resumed, '--seed', '3', '--checkpoint', checkpoint], b.io)).toBe(0);
    expect(b.err()).toContain(`${checkpoint}: resuming after 20 simulated draws`);
    expect(readFileSync(resumed, 'utf8')).toBe(readFileSync(plain, 'utf8'));
    // The cut line was dropped and the draws re-simulated: the file is whole again, line for line.
    expect(readFileSync(checkpoint, 'utf8').trimEnd().split('\n')).toEqual(lines);
  });

  it('calibrateCommand without a terminal writes a plain progress line at 256, 512, … simulations, and none with --quiet', async () => {
    const config = writeConfig({ ...tiny, setups: { 'start-2020': { ...tiny.setups['start-2020'], abc: { method: 'rejection', draws: 600, acceptQuantile: 0.05 } } } });
    const b = buffers();
    expect(await calibrateCommand([config, '--seed', '3'], b.io)).toBe(0);
    const lines = b.err().split('\n').filter((line) => line.startsWith('calibrate: '));
    expect(lines.map((line) => line.replace(/, [^,]* elapsed$/, ''))).toEqual(['calibrate: generation 0, 256 simulations', 'calibrate: generation 0, 512 simulations']);
    const quiet = buffers();
    expect(await calibrateCommand([config, '--seed', '3', '--quiet'], quiet.io)).toBe(0);
    expect(quiet.err()).toBe('');
  });

  it('calibrateCommand --checkpoint refuses a file written for another seed or a damaged one, saying which and why (exit 1)', async () => {
    const config = writeConfig(tiny);
    const checkpoint = join(config, '..', 'fit.ckpt');
    expect(await calibrateCommand([config, '--seed', '3', '--quiet', '--checkpoint', checkpoint], buffers().io)).toBe(0);
    const other = buffers();
    expect(await calibrateCommand([config, '--seed', '4', '--quiet', '--checkpoint', checkpoint], other.io)).toBe(1);
    expect(other.err()).toBe(`✖ ${checkpoint}: written for seed 3, this run has 4; its draws cannot be reused (remove the file to start again)\n`);
    const lines = readFileSync(checkpoint, 'utf8').split('\n');
    writeFileSync(checkpoint, [...lines.slice(0, 3), '[7, "x"]', ...lines.slice(3)].join('\n'));
    const damaged = buffers();
    expect(await calibrateCommand([config, '--seed', '3', '--quiet', '--checkpoint', checkpoint], damaged.io)).toBe(1);
    expect(damaged.err()).toContain(`${checkpoint}: line 4 is not draw 2 as [index, θ, statistics]`);
    const notOne = join(config, '..', 'notes.txt');
    writeFileSync(notOne, 'my notes\n');
    const wrong = buffers();
    expect(await calibrateCommand([config, '--quiet', '--checkpoint', notOne], wrong.io)).toBe(1);
    expect(wrong.err()).toContain('not a calibration checkpoint');
    expect(readFileSync(notOne, 'utf8')).toBe('my notes\n');
    await expect(calibrateCommand([config, '--sbc', '--checkpoint', checkpoint], buffers().io)).rejects.toThrow('--checkpoint goes with a calibration, not with --sbc');
    expect(existsSync(checkpoint)).toBe(true);
  });

  it('calibrateCommand reports a missing file, bad JSON and an invalid config with exit code 1', async () => {
    const missing = buffers();
    expect(await calibrateCommand(['nope/missing.json'], missing.io)).toBe(1);
    expect(missing.err()).toBe('nope/missing.json: 1 problem\n  ✖ cannot read the calibration config: no such file (shipped configs: mid-2020, rolling-origin) → at (top level)\n');
    const badJsonPath = writeConfig({});
    writeFileSync(badJsonPath, '{ not json');
    const badJson = buffers();
    expect(await calibrateCommand([badJsonPath], badJson.io)).toBe(1);
    expect(badJson.err()).toContain('cannot read the calibration config: not valid JSON');
    const invalid = buffers();
    const invalidPath = writeConfig({ ...tiny, priors: { ...tiny.priors, attackRate: { kind: 'log-uniform', lower: 0.001 } } });
    expect(await calibrateCommand([invalidPath, '--quiet'], invalid.io)).toBe(1);
    expect(invalid.err()).toBe(
      `${invalidPath}: 1 problem\n  ✖ attackRate: prior bounds [0.001, 0.1] must lie inside the documented range [0.01, 0.1] → at priors.attackRate\n`,
    );
  });

  it('calibrateCommand throws usage errors (exit 2 via main) and scenario errors (exit 1 via main)', async () => {
    const b = buffers();
    await expect(calibrateCommand([], b.io)).rejects.toThrow(new UsageError('calibrate needs exactly one config file, e.g. resurgence calibrate calibration/mid-2020.json'));
    await expect(calibrateCommand(['a.json', '--seed', ''], b.io)).rejects.toThrow('invalid --seed: empty');
    await expect(calibrateCommand(['a.json', '--bogus'], b.io)).rejects.toThrow(new UsageError('unknown option --bogus'));
    await expect(calibrateCommand(['a.json', '--setpu', 'x'], b.io)).rejects.toThrow(new UsageError('unknown option --setpu (did you mean --setup?)'));
    // An SBC reference table smaller than the 99 posterior draws was an internal error with a stack trace.
    await expect(calibrateCommand(['a.json', '--sbc', '--reference', '10'], b.io)).rejects.toThrow(new UsageError('invalid --reference: 10 (expected at least 99, the posterior draws each SBC replication takes from it)'));
    const config = writeConfig({ ...tiny, setups: { ...tiny.setups, 'start-2020': { ...tiny.setups['start-2020'], scenario: 'no-such-scenario.json' } } });
    await expect(calibrateCommand([config, '--quiet'], b.io)).rejects.toBeInstanceOf(ScenarioError);
  });
});
