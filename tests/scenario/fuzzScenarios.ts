// The seeded scenario fuzzer shared by fuzz.test.ts (a few hundred cases in npm test) and
// fuzz.slow.test.ts (10,000 in test:all). Each case mutates a valid scenario (shipped ones and a
// rich hand-made one) at random — a leaf replaced by a hostile value, a key deleted or added
// (prototype names included), a section replaced, text corrupted — and checks that parsing never
// throws, that only the project's own issues come out (one line each), and that an accepted
// scenario stays within its bounds: its work budget holds and, for a sample, a small ensemble
// runs with every summary number finite.
import { expect } from 'vitest';
import { simulate } from '../../src/experiment/simulate.js';
import { createRunStream } from '../../src/rng/createRunStream.js';
import type { RandomSource } from '../../src/rng/randomSource.js';
import { parseScenario, parseScenarioJson } from '../../src/scenario/parseScenario.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { workBudgetIssues } from '../../src/scenario/workBudget.js';

const RICH = {
  name: 'rich',
  question: 'q?',
  start: '2020-05',
  months: 24,
  runs: 100,
  seed: 'fuzz',
  factors: {
    usTroopsSyria: { schedule: [{ from: 0, value: 600 }, { from: { uniformInt: [3, 9] }, value: 0 }] },
    covidDiversion: { expression: '0.3 * exp(-t / 6)' },
    coalitionAirSupport: { uniform: [0.5, 1.2] },
    iraqGovernanceGap: { triangular: [0.2, 0.4, 0.7] },
    warChest: { normal: { mean: 100, sd: 30 } },
  },
  parameters: { recruitRate: 0.3, posterior: 'mid-2020' },
  correlations: { factors: ['coalitionAirSupport', 'iraqGovernanceGap'], matrix: [[1, 0.3], [0.3, 1]] },
  interventions: [{ factor: 'usTroopsIraq', from: 6, set: 2000, note: 'n' }],
  initialState: { coordination: 0.8 },
  sources: { 'factors.covidDiversion': 'judgement' },
};

const BASES: readonly unknown[] = [...Object.values(SHIPPED_SCENARIOS), RICH];

const HOSTILE: readonly unknown[] = [
  0, -1, 1, 0.5, 1e9, 1e12, 1e15, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, -0, 240, 241, 100000, 200001,
  '', 'x', 'toString', '__proto__', 'constructor', 'hasOwnProperty', '../../../../etc/passwd', '/dev/zero', '/proc/self/environ', 'mid-2020',
  'NaN', '1e309', '\ufeff', '\u0000', 'a'.repeat(3000), 'import({}, {override: true})', 't < 6 ? 600 : 0', '((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))',
  null, true, false, [], [0], [1, 2, 3], {}, { value: 1 }, { expression: 'evaluate("1")' }, { schedule: [] },
  { uniform: [1, 0] }, { choice: [] }, { normal: { mean: 0, sd: 0 } }, { uniformInt: [5, 1] },
];
const KEYS = ['__proto__', 'constructor', 'toString', 'prototype', 'valueOf', 'factors', 'value', 'schedule', 'posterior', 'x'];

const pick = <T>(random: RandomSource, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** Every path to a value inside `value` (objects and arrays), depth-first. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) paths((value as Record<string, unknown>)[key], [...prefix, key], out);
  return out;
}

function mutate(random: RandomSource, input: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  const steps = 1 + Math.floor(random() * 3);
  for (let s = 0; s < steps; s++) {
    const all = paths(copy).filter((p) => p.length > 0);
    const path = pick(random, all);
    let parent: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    if (parent === null || typeof parent !== 'object') continue;
    const last = path[path.length - 1] as string | number;
    const kind = random();
    if (kind < 0.55) parent[last] = JSON.parse(JSON.stringify(pick(random, HOSTILE)));
    else if (kind < 0.7) {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (kind < 0.85 && !Array.isArray(parent)) Object.defineProperty(parent, pick(random, KEYS), { value: pick(random, HOSTILE), enumerable: true, configurable: true, writable: true });
    else if (kind < 0.92) parent[last] = Array.from({ length: 1 + Math.floor(random() * 1500) }, () => random());
    else parent[last] = { [pick(random, KEYS)]: parent[last] };
  }
  return copy;
}

function corrupt(random: RandomSource, text: string): string {
  const at = Math.floor(random() * text.length);
  const kind = random();
  if (kind < 0.3) return text.slice(0, at);
  if (kind < 0.6) return text.slice(0, at) + pick(random, ['NaN', 'Infinity', '\ufeff', ',', '}', '"', '\\', '\u2028', '-', 'undefined']) + text.slice(at);
  if (kind < 0.8) return `\ufeff${text}`;
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
}

/** The outcome counts of one fuzz campaign. */
export interface FuzzCounts {
  tried: number;
  rejected: number;
  accepted: number;
  simulated: number;
  crashed: number;
  multiLineMessages: number;
}

/**
 * Runs `cases` seeded cases and asserts the invariants; `simulateEvery` runs a 2-run ensemble of
 * every n-th accepted case (capped at 36 months to keep it small).
 */
export function fuzzScenarios(seed: string, cases: number, simulateEvery: number): FuzzCounts {
  const counts: FuzzCounts = { tried: 0, rejected: 0, accepted: 0, simulated: 0, crashed: 0, multiLineMessages: 0 };
  const crashes: string[] = [];
  for (let i = 0; i < cases; i++) {
    const random = createRunStream(seed, i, 'fuzz');
    const mutated = mutate(random, pick(random, BASES));
    const asText = random() < 0.25;
    counts.tried++;
    let result;
    try {
      result = asText ? parseScenarioJson(corrupt(random, JSON.stringify(mutated))) : parseScenario(mutated);
    } catch (error) {
      counts.crashed++;
      crashes.push(`case ${i}: ${String(error)}`);
      continue;
    }
    if (!result.ok) {
      counts.rejected++;
      for (const issue of result.issues) {
        if (typeof issue.message !== 'string' || issue.message.includes('\n') || typeof issue.code !== 'string' || !Array.isArray(issue.path)) counts.multiLineMessages++;
      }
      continue;
    }
    counts.accepted++;
    const valid = result.value;
    const fighters = valid.initialState?.fightersByArea?.reduce((a, b) => a + b, 0) ?? valid.initialState?.totalFighters ?? valid.parameters.initialFighters;
    expect(workBudgetIssues({ fighters, fightersPerCell: valid.parameters.fightersPerCell, months: valid.scenario.months }), `case ${i}`).toEqual([]);
    if (counts.accepted % simulateEvery === 0) {
      const small = parseScenario({ ...(valid.scenario as object), months: Math.min(36, valid.scenario.months) });
      if (!small.ok) continue;
      const { summary } = simulate(small.value, { runs: 2, seed: i });
      for (const [id, series] of Object.entries(summary.series)) {
        for (const band of Object.values(series as unknown as Record<string, readonly number[]>)) {
          if (Array.isArray(band)) expect(band.every((v) => Number.isFinite(v)), `case ${i} ${id}`).toBe(true);
        }
      }
      counts.simulated++;
    }
  }
  expect(crashes).toEqual([]);
  return counts;
}
