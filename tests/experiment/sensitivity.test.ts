import { describe, expect, it } from 'vitest';
import { explore, experimentsToCsv, parseExperimentsCsv } from '../../src/experiment/explore.js';
import { factorProblem, scenarioWithFactorValues, sensitivity } from '../../src/experiment/sensitivity.js';
import { validScenario } from '../../src/experiment/simulate.js';
import { FACTORS_BY_ID } from '../../src/model/factors.js';
import { poolExecutor } from '../../src/node/poolExecutor.js';
import { formatSensitivity } from '../../src/report/formatSensitivity.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const short = { ...(SHIPPED_SCENARIOS['baseline-2020'] as object), months: 12 };

describe('sensitivity', () => {
  it('sensitivity (Sobol) runs N·(D + 2) rows, ranks by total order, and is the same on worker threads', async () => {
    const options = { factors: ['sectarianTension', 'usTroopsSyria', 'warChest'], outcome: 'fighters@12', n: 8, replicates: 2, seed: 5 };
    const inThread = await sensitivity(short, options);
    expect(inThread.rows).toBe(8 * (3 + 2));
    expect(inThread.ranking.map((r) => r.factor).sort()).toEqual(['sectarianTension', 'usTroopsSyria', 'warChest']);
    for (let i = 1; i < inThread.ranking.length; i++) expect(inThread.ranking[i - 1]!.value).toBeGreaterThanOrEqual(inThread.ranking[i]!.value);
    const onPool = await sensitivity(short, { ...options, executor: poolExecutor({ workers: 2, chunkSize: 4 }) });
    expect(JSON.stringify(onPool)).toBe(JSON.stringify(inThread));
    expect(formatSensitivity(inThread)).toContain("Sobol' indices, N = 8");
  });

  it('sensitivity (Morris) and indices by month give one value per factor and per month', async () => {
    const morris = await sensitivity(short, { method: 'morris', factors: ['sectarianTension', 'desertSanctuary'], n: 4, replicates: 1, outcome: 'attacks:total' });
    expect(morris.morris!.muStar).toHaveLength(2);
    expect(morris.rows).toBe(4 * 3);
    const byMonth = await sensitivity(short, { factors: ['sectarianTension', 'desertSanctuary'], n: 4, replicates: 1, byMonth: 'fighters' });
    expect(byMonth.byMonth!.ST).toHaveLength(12);
    expect(byMonth.byMonth!.ST[11]).toHaveLength(2);
  });

  it('factorProblem uses the registry ranges, and impossible requests fail clearly', async () => {
    const valid = validScenario(short);
    expect(factorProblem(valid, ['warChest']).bounds).toEqual([[...FACTORS_BY_ID.warChest.range]]);
    expect(factorProblem(valid).names).not.toContain('leadershipShock');
    expect(() => factorProblem(valid, ['warchest'])).toThrow(/warchest.*did you mean "warChest"/);
    await expect(sensitivity(short, { n: 6, factors: ['warChest'] })).rejects.toThrow(/power of two/);
    await expect(sensitivity(short, { method: 'morris', byMonth: 'fighters', factors: ['warChest'] })).rejects.toThrow(/need method sobol/);
    await expect(sensitivity(short, { outcome: 'comeback', factors: ['warChest'] })).rejects.toThrow(/unknown observable or event "comeback"/);
  });

  it('scenarioWithFactorValues sets constants (rounding integer factors), and an uncertain month to the row value', () => {
    const valid = validScenario(short);
    const json = scenarioWithFactorValues(valid, ['usBasesIraq', 'warChest'], [3.6, 120]);
    const mixed = validScenario(json);
    expect(Array.from(mixed.factors.usBasesIraq)).toEqual(Array(12).fill(4));
    const uncertain = validScenario({ ...short, factors: { usTroopsSyria: { schedule: [{ from: 0, value: 600 }, { from: { uniformInt: [3, 9] }, value: 0 }] } } });
    expect(factorProblem(uncertain).names).toEqual(['usTroopsSyria']);
    const row = validScenario(scenarioWithFactorValues(uncertain, ['usTroopsSyria'], [4.4]));
    expect(Array.from(row.factors.usTroopsSyria).slice(0, 6)).toEqual([600, 600, 600, 600, 0, 0]);
    expect(Array.from(mixed.factors.warChest)).toEqual(Array(12).fill(120));
    expect(Array.from(mixed.factors.usTroopsSyria)).toEqual(Array.from(valid.factors.usTroopsSyria));
  });

  it('explore tabulates one run per design point and the CSV round-trips', async () => {
    const table = await explore(short, { n: 10, factors: ['sectarianTension', 'usBasesIraq'], seed: 2 });
    expect(table.rows).toHaveLength(10);
    expect(table.rows.every((row) => Number.isInteger(row[1]))).toBe(true);
    const parsed = parseExperimentsCsv(experimentsToCsv(table));
    expect(parsed.names.slice(0, 3)).toEqual(['sectarianTension', 'usBasesIraq', 'event:attacksDouble']);
    expect(Array.from(parsed.columns.sectarianTension!)).toEqual(table.rows.map((row) => row[0]));
    expect(() => parseExperimentsCsv('a,b\n1,x\n', 'e.csv')).toThrow('e.csv: line 2, column b: "x" is not a number');
  });
});

describe('sensitivity with second order', () => {
  it('sensitivity with secondOrder runs N·(2D + 2) rows and reports S2 for every pair', async () => {
    const result = await sensitivity(short, { factors: ['sectarianTension', 'desertSanctuary', 'warChest'], n: 4, replicates: 1, secondOrder: true, outcome: 'attacks:total' });
    expect(result.rows).toBe(4 * (2 * 3 + 2));
    expect(result.sobol!.S2).toHaveLength(3);
    expect(formatSensitivity(result)).toContain('largest second-order indices S2:');
  });
});
