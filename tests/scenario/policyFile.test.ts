import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../src/scenario/issues.js';
import { loadPolicy, parsePolicyFile } from '../../src/scenario/policyFile.js';
import { ScenarioError } from '../../src/scenario/issues.js';

const root = new URL('../..', import.meta.url).pathname;
const shipped = JSON.parse(readFileSync(`${root}scenarios/policies/levers-2020.json`, 'utf8'));

function issuesOf(input: unknown): string {
  const parsed = parsePolicyFile(input);
  if (parsed.ok) throw new Error('expected problems');
  return formatIssues(parsed.issues, 'p.json');
}

describe('parsePolicyFile', () => {
  it('parsePolicyFile accepts the shipped policy file, every lever cost with a source', () => {
    const parsed = parsePolicyFile(shipped);
    expect(parsed.ok).toBe(true);
    for (const lever of shipped.levers) expect(lever.cost.source.length).toBeGreaterThan(20);
  });

  it('parsePolicyFile names unknown keys with a did-you-mean, and missing fields, at their JSON paths', () => {
    const { question: _question, ...rest } = shipped;
    expect(issuesOf({ ...rest, objectivs: [] })).toMatchInlineSnapshot(`
      "p.json: 2 problems
        ✖ missing required field (expected string) → at question
        ✖ unknown key "objectivs" (did you mean "objectives"?) → at objectivs"
    `);
    const lever = { ...shipped.levers[0], cots: 1 };
    expect(issuesOf({ ...shipped, levers: [lever] })).toContain('✖ unknown key "cots" (did you mean "cost"?) → at levers[0]');
  });

  it('parsePolicyFile rejects an initial condition as a lever, a range outside the plausible range, and policies naming unknown levers or values out of range', () => {
    const levers = [
      { ...shipped.levers[0], factor: 'warChest', range: [25, 300] },
      { ...shipped.levers[1], range: [0.5, 0.2] },
      { ...shipped.levers[2], name: 'usTroopsSyria' },
    ];
    const policies = [{ name: 'a', levers: { resumeTrainin: 0.1, usTroopsSyria: 5000 } }];
    expect(issuesOf({ ...shipped, levers, policies })).toMatchInlineSnapshot(`
      "p.json: 6 problems
        ✖ warChest is an initial condition, not a lever a policy can set from a month on → at levers[0].factor
        ✖ 0 is outside warChest's plausible range [25, 300] → at levers[0].statusQuo
        ✖ expected low < high, received [0.5, 0.2] → at levers[1].range
        ✖ duplicate lever name "usTroopsSyria" → at levers[2].name
        ✖ unknown lever "resumeTrainin" (did you mean "resumeTraining"?) → at policies[0].levers.resumeTrainin
        ✖ 5000 is outside the lever's range [1, 3] → at policies[0].levers.usTroopsSyria"
    `);
  });

  it('parsePolicyFile asks for every lever\'s USD conversion when the total cost is an objective', () => {
    const { millionUsdPerCostUnit: _m, ...cost } = shipped.levers[0].cost;
    const levers = [{ ...shipped.levers[0], cost }, ...shipped.levers.slice(1)];
    expect(issuesOf({ ...shipped, levers })).toContain(`the total cost (million USD) needs every lever's millionUsdPerCostUnit; give one for "usTroopsSyria" or use the objective "cost:usTroopsSyria" → at levers[0].cost.millionUsdPerCostUnit`);
    const withoutTotal = { ...shipped, levers, objectives: shipped.objectives.filter((o: { outcome: string }) => o.outcome !== 'cost'), evppi: {} };
    expect(parsePolicyFile(withoutTotal).ok).toBe(true);
  });

  it('loadPolicy throws a ScenarioError naming the source', () => {
    expect(() => loadPolicy({ ...shipped, runs: 1 }, 'x.json')).toThrow(ScenarioError);
    expect(() => loadPolicy({ ...shipped, runs: 1 }, 'x.json')).toThrow(/^x\.json: 1 problem\n {2}✖ .* → at runs$/);
  });
});
