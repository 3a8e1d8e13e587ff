import { describe, expect, it } from 'vitest';
import {
  CIVIL_VIOLENCE_DEFAULTS,
  civilViolenceInputs,
  civilViolenceIssues,
  gradualLegitimacyDrop,
  legitimacyAt,
  suddenLegitimacyDrop,
} from '../../../src/model/civilViolence/index.js';

describe('civilViolenceInputs', () => {
  it('civilViolenceInputs resolves the documented defaults (Epstein 2002 Model I)', () => {
    const inputs = civilViolenceInputs();
    expect(inputs).toMatchObject({
      width: 40,
      height: 40,
      citizenDensity: 0.7,
      copDensity: 0.04,
      vision: 7,
      visionShape: 'vonNeumann',
      arrestConstant: 2.3,
      arrestRatio: 'floor',
      threshold: 0.1,
      maxJailTerm: 30,
      movement: true,
      visionCounting: 'incremental',
    });
    expect(inputs.legitimacy).toEqual([CIVIL_VIOLENCE_DEFAULTS.legitimacy]);
  });

  it('civilViolenceInputs copies a legitimacy schedule (no aliasing of the caller array)', () => {
    const schedule = [0.9, 0.7];
    const inputs = civilViolenceInputs({ legitimacy: schedule });
    schedule[1] = 0.1;
    expect(inputs.legitimacy).toEqual([0.9, 0.7]);
  });

  it('civilViolenceInputs throws one RangeError naming every invalid option', () => {
    expect(() => civilViolenceInputs({ vision: 30, copDensity: -1 })).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: invalid copDensity: -1 (expected a number in [0, 1]); invalid vision: 30 (expected 2·vision + 1 ≤ min(width, height) = 40 (a cell must not see itself around the torus))]`,
    );
  });
});

describe('civilViolenceIssues', () => {
  it('civilViolenceIssues returns the problems as data, and none for valid options', () => {
    expect(civilViolenceIssues({})).toEqual([]);
    expect(civilViolenceIssues({ citizenDensity: 0.7, copDensity: 0.5 })).toEqual([
      { path: 'copDensity', received: 0.5, expected: 'citizenDensity + copDensity ≤ 1 (at most one agent per cell)' },
    ]);
    expect(civilViolenceIssues({ legitimacy: [0.9, 1.2], maxJailTerm: 2.5, ticks: 0 }).map((issue) => issue.path)).toEqual([
      'legitimacy[1]',
      'maxJailTerm',
      'ticks',
    ]);
    expect(civilViolenceIssues({ legitimacy: [] }).map((issue) => issue.path)).toEqual(['legitimacy']);
  });
});

describe('legitimacy schedules', () => {
  it('legitimacyAt holds the last value after the end of the schedule', () => {
    expect([0, 1, 2, 3, 50].map((t) => legitimacyAt([0.9, 0.8, 0.7], t))).toEqual([0.9, 0.8, 0.7, 0.7, 0.7]);
  });

  it('suddenLegitimacyDrop drops in one tick', () => {
    expect(suddenLegitimacyDrop({ from: 0.9, to: 0.7, atTick: 2 })).toEqual([0.9, 0.9, 0.7]);
  });

  it('gradualLegitimacyDrop falls by perTick each tick and ends exactly at the target', () => {
    const schedule = gradualLegitimacyDrop({ from: 0.9, to: 0.7, startTick: 3, perTick: 0.01 });
    expect(schedule.slice(0, 3)).toEqual([0.9, 0.9, 0.9]);
    expect(schedule.length).toBe(3 + 20); // 19 intermediate values, then 0.7
    expect(schedule.at(-1)).toBe(0.7);
    for (let t = 3; t < schedule.length; t++) expect((schedule[t - 1] as number) - (schedule[t] as number)).toBeCloseTo(0.01, 12);
    expect(() => gradualLegitimacyDrop({ from: 0.9, to: 0.7, startTick: 0, perTick: 0 })).toThrow(/invalid perTick: 0/);
  });
});
