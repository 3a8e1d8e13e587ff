import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunStream } from '../../src/rng/createRunStream.js';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'resurgence-discover-'));

function run(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('resurgence discover', () => {
  it('resurgence discover finds a known box in an experiments file: only the relevant factors, limits near the truth', () => {
    // Synthetic experiments: the event happens inside a ∈ [0.2, 0.6] and b ∈ [0.5, 0.9] (2% label noise).
    const random = createRunStream(1, 0, 'discover-test');
    const lines = ['a,b,c,event:comeback,fighters'];
    for (let i = 0; i < 2000; i++) {
      const [a, b, c] = [random(), random(), random()];
      const inside = a >= 0.2 && a <= 0.6 && b >= 0.5 && b <= 0.9;
      const event = random() < 0.02 ? !inside : inside;
      lines.push(`${a},${b},${c},${event ? 1 : 0},${1000 * random()}`);
    }
    const file = join(dir, 'synthetic.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = run(['discover', file, '--event', 'comeback', '--threshold', '0.95', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const { box } = JSON.parse(result.stdout);
    const limits = Object.fromEntries(box.restricted.map((d: { name: string; limit: { lower: number; upper: number } }) => [d.name, d.limit]));
    expect(Object.keys(limits).sort()).toEqual(['a', 'b']);
    // Tolerance: one peel (5% of the remaining mass, ≤ 0.05 in a unit range) plus sampling noise.
    expect(limits.a.lower).toBeCloseTo(0.2, 1);
    expect(limits.a.upper).toBeCloseTo(0.6, 1);
    expect(limits.b.lower).toBeCloseTo(0.5, 1);
    expect(box.density).toBeGreaterThanOrEqual(0.95);
  });

  it('resurgence explore then discover on the model, and clear errors for a missing event or file', () => {
    const scenario = join(dir, 'short.json');
    writeFileSync(scenario, JSON.stringify({ name: 'short', question: 'q', start: '2020-05', months: 12 }));
    const experiments = join(dir, 'experiments.csv');
    const explored = run(['explore', scenario, '--n', '40', '--out', experiments, '--quiet', '--workers', '1']);
    expect(explored.code, explored.stderr).toBe(0);
    expect(explored.stdout).toMatch(/40 runs × 19 factors/);
    const [header, ...rows] = readFileSync(experiments, 'utf8').trim().split('\n');
    const column = (header as string).split(',').indexOf('event:territorialComeback');
    const events = rows.map((line) => line.split(',')[column]);
    const expected = events.includes('1') ? 'Scenario discovery (PRIM) for territorialComeback' : 'territorialComeback happened in none of the 40 runs';
    expect(run(['discover', experiments, '--event', 'territorialComeback']).stdout).toContain(expected);
    const unknown = run(['discover', experiments, '--event', 'comeback']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('has no column event:comeback (events in it: attacksDouble, territorialComeback, forcesCollapse)');
    expect(run(['discover', join(dir, 'nope.csv'), '--event', 'x']).stderr).toContain('no such file (write one with resurgence explore)');
  });
});
