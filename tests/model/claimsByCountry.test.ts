// Claims per country (claimedAttacksIraq, claimedAttacksSyria) and the observed kinds that may
// hold them, and estimates of the reserves (issue 12, item 5).
import { describe, expect, it } from 'vitest';
import { OBSERVABLE_IDS } from '../../src/model/observables.js';
import { runBatch } from '../../src/experiment/runBatch.js';
import { validScenario } from '../../src/experiment/simulate.js';
import { meanField } from '../../src/meanfield/meanField.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { toModelInputs } from '../../src/scenario/toModelInputs.js';

const column = (id: string) => OBSERVABLE_IDS.indexOf(id as (typeof OBSERVABLE_IDS)[number]);

describe('claims per country', () => {
  it('resurgenceModel: each country\'s claims add up to claimedAttacks and never exceed its attacks; each attack is claimed with probability claimShare (binomial test, 100 runs of the baseline)', () => {
    const valid = validScenario({ ...(SHIPPED_SCENARIOS['baseline-2020'] as object), uncertainty: undefined });
    const share = toModelInputs(valid).parameters.claimShare;
    const width = OBSERVABLE_IDS.length;
    const [total, iraq, syria, attacksIraq, attacksSyria] = ['claimedAttacks', 'claimedAttacksIraq', 'claimedAttacksSyria', 'attacksIraq', 'attacksSyria'].map(column) as [number, number, number, number, number];
    let claimedIraq = 0, claimedSyria = 0, nIraq = 0, nSyria = 0;
    const failures = runBatch(valid, { seed: 3, firstRun: 0, count: 100 }, (run) => {
      for (let m = 0; m < run.series.length / width; m++) {
        const row = run.series.subarray(m * width, (m + 1) * width);
        expect(row[iraq]! + row[syria]!).toBe(row[total]);
        expect(row[iraq]!).toBeLessThanOrEqual(row[attacksIraq]!);
        expect(row[syria]!).toBeLessThanOrEqual(row[attacksSyria]!);
        claimedIraq += row[iraq]!;
        claimedSyria += row[syria]!;
        nIraq += row[attacksIraq]!;
        nSyria += row[attacksSyria]!;
      }
    });
    expect(failures).toEqual([]);
    // Binomial(n, share): the observed share lies within 4 standard deviations.
    for (const [claimed, n] of [[claimedIraq, nIraq], [claimedSyria, nSyria]] as const) {
      expect(n).toBeGreaterThan(10_000);
      expect(Math.abs(claimed / n - share)).toBeLessThan(4 * Math.sqrt((share * (1 - share)) / n));
    }
  });

  it('meanField: claims per country are each country\'s attacks × claimShare and add up to claimedAttacks', () => {
    const parsed = parseScenario({ ...(SHIPPED_SCENARIOS['baseline-2020'] as object), uncertainty: undefined });
    if (!parsed.ok) throw new Error('baseline');
    const inputs = toModelInputs(parsed.value);
    const result = meanField(inputs);
    const width = OBSERVABLE_IDS.length;
    for (const m of [0, 12, 35]) {
      const row = result.series.subarray(m * width, (m + 1) * width);
      expect(row[column('claimedAttacksIraq')]).toBeCloseTo(row[column('attacksIraq')]! * inputs.parameters.claimShare, 9);
      expect(row[column('claimedAttacksIraq')]! + row[column('claimedAttacksSyria')]!).toBeCloseTo(row[column('claimedAttacks')]!, 9);
    }
  });
});

describe('observed kinds: claims per country and reserves', () => {
  const base = { name: 'o', question: 'q?', start: '2019-01', months: 12 };
  const issuesOf = (observed: unknown[]) => {
    const parsed = parseScenario({ ...base, observed });
    return parsed.ok ? [] : parsed.issues.map((issue) => ({ code: issue.code, message: issue.message }));
  };
  it('parseScenario: claims may be compared per country; reserves estimates with reserves, month by month, and with nothing else', () => {
    expect(issuesOf([{ series: 'claimedAttacksIraq', kind: 'claims', source: 's', points: [{ from: '2019-01', to: '2019-03', total: 300 }] }])).toEqual([]);
    expect(issuesOf([{ series: 'reserves', kind: 'reserves', source: 's', points: [{ month: '2019-08', value: 300 }] }])).toEqual([]);
    const period = issuesOf([{ series: 'reserves', kind: 'reserves', source: 's', points: [{ from: '2019-01', to: '2019-03', total: 300 }] }]);
    expect(period.map((i) => i.code)).toEqual(['observed-level-period']);
    const mixed = issuesOf([{ series: 'fighters', kind: 'reserves', source: 's', points: [{ month: '2019-08', value: 300 }] }]);
    expect(mixed).toEqual([{ code: 'mixed-kinds', message: 'series "fighters" cannot hold reserve estimates: that would mix kinds of count (reserves → reserves)' }]);
    const claimsAsAttacks = issuesOf([{ series: 'attacksIraq', kind: 'claims', source: 's', points: [{ month: '2019-08', value: 30 }] }]);
    expect(claimsAsAttacks.map((i) => i.code)).toEqual(['mixed-kinds']);
  });
});
