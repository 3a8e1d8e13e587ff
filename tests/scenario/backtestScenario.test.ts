// The shipped back-test scenario: it parses, starts in Jan 2018 for 29 months (to May 2020), scores only
// attack-dataset counts, and every observed number equals the brief's data file
// (data/sources/observed-to-mid-2020.csv), each with its source.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../src/scenario/issues.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { toModelInputs } from '../../src/scenario/toModelInputs.js';

const CSV = readFileSync(fileURLToPath(new URL('../../data/sources/observed-to-mid-2020.csv', import.meta.url)), 'utf8');

/** The value of a (series, date) row of the brief's observations file. */
function observedValue(series: string, date: string): number {
  const row = CSV.split('\n').find((line) => line.startsWith(`${series},${date},`));
  if (!row) throw new Error(`no row ${series},${date}`);
  return Number(row.split(',')[2]);
}

describe('scenarios/backtest-2018-2019.json', () => {
  const result = parseScenario(SHIPPED_SCENARIOS['backtest-2018-2019']);
  if (!result.ok) throw new Error(formatIssues(result.issues));
  const valid = result.value;

  it('parseScenario accepts the back-test: Jan 2018, 29 months (to May 2020), an initial state and observed attack counts', () => {
    expect(valid.scenario.start).toBe('2018-01');
    expect(valid.scenario.months).toBe(29);
    expect(valid.initialState).toMatchObject({ totalFighters: 30300, reservesUsd: 300e6, totalDetainees: 5000, networkCapacity: 0.41 });
    expect(toModelInputs(valid).initialState).toBe(valid.initialState);
  });

  it('parseScenario keeps each kind of count in its own series, matching the brief\'s data, and scores the others only through observation models', () => {
    const observed = valid.observed ?? [];
    const attacks = observed.filter((series) => series.kind === 'attacks');
    expect(attacks.length).toBeGreaterThan(0);
    for (const series of attacks) {
      expect(series.series).toBe('attacksIraq');
      expect(series.observation).toBeUndefined();
      for (const point of series.points) expect(point.source).toMatch(/CTC Sentinel/);
    }
    const totals = Object.fromEntries(attacks.flatMap((series) => series.points.map((point) => [point.label, point.value])));
    expect(totals['2018-01..2018-12']).toBe(observedValue('iq_is_attacks_sigact', '2018'));
    expect(totals['2019-01..2019-12']).toBe(observedValue('iq_is_attacks_sigact', '2019'));
    expect(totals['2020-01..2020-03']).toBe(observedValue('iq_is_attacks_sigact', '2020Q1'));
    expect(totals['2018-01..2018-10']).toBe(observedValue('iq_is_attacks_sigact', '2018-01..10'));
    const incidents = observed.find((series) => series.kind === 'incidents');
    expect(incidents?.observation?.source).toMatch(/Judgement/);
    for (const point of incidents?.points ?? []) expect(point.value).toBe(observedValue('iq_incidents_musings', point.label));
    expect(incidents?.points).toHaveLength(11);
    const strength = observed.find((series) => series.kind === 'strength');
    expect(strength?.series).toBe('fighters');
    expect(strength?.observation?.noiseCv).toBeGreaterThan(0);
  });

  it('parseScenario gives the back-test its 2018-2019 conditions: US in Syria, no COVID, SDF relieved until Oct 2019', () => {
    const f = valid.factors;
    const before2020 = (values: ArrayLike<number>) => Array.from(values).slice(0, 24);
    expect(f.usTroopsSyria[0]).toBe(2000);
    expect(before2020(f.covidDiversion).every((v) => v === 0)).toBe(true);
    expect(before2020(f.trainingSuspended).every((v) => v === 0)).toBe(true);
    expect(before2020(f.usBasesIraq).every((v) => v === 8)).toBe(true);
    expect(f.iranMilitiaEffort.every((v) => v === 1)).toBe(true);
    expect(f.sdfTurkishFront[20]).toBeLessThan(f.sdfTurkishFront[21] as number); // the Oct 2019 offensive (month 21)
  });

  it('parseScenario gives the back-test the changes of early 2020: deadlock from Dec 2019, the coalition pause of Jan 2020, COVID and base handovers from Mar 2020', () => {
    const f = valid.factors;
    const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
    // Abdul-Mahdi resigned in Dec 2019 (month 23); the deadlock lasted to May 2020 (month 28; Lead IG, A).
    expect(f.iraqGovernanceGap[22]).toBeLessThan(f.iraqGovernanceGap[23] as number);
    for (const m of months(23, 28)) expect(f.iraqGovernanceGap[m], `month ${m}`).toBe(0.6);
    // The coalition paused training and partnered operations on 5 Jan 2020 (month 24): training
    // stays paused (no dated restart before the Mar 2020 pause), air support is halved for January only.
    expect(f.trainingSuspended[23]).toBe(0);
    for (const m of months(24, 28)) expect(f.trainingSuspended[m], `month ${m}`).toBe(1);
    expect(f.coalitionAirSupport[23]).toBe(1);
    expect(f.coalitionAirSupport[24]).toBe(0.5);
    expect(f.coalitionAirSupport[25]).toBe(1);
    // Nothing of the pandemic or the handovers before Mar 2020 (month 26), both from it on.
    for (const m of months(24, 25)) {
      expect(f.covidDiversion[m], `month ${m}`).toBe(0);
      expect(f.usBasesIraq[m], `month ${m}`).toBe(8);
    }
    for (const m of months(26, 28)) {
      expect(f.covidDiversion[m], `month ${m}`).toBeGreaterThan(0);
      expect(f.trainingSuspended[m], `month ${m}`).toBe(1);
      expect(f.usBasesIraq[m], `month ${m}`).toBe(8 - 3); // 3 of 8 handed over (Rudaw, 19 Mar 2020; B)
    }
    // The Oct-Nov 2019 drawdown from Syria holds to May 2020.
    for (const m of months(22, 28)) expect(f.usTroopsSyria[m], `month ${m}`).toBe(600);
  });

  it('parseScenario ends the back-test in the baseline-2020 scenario\'s first month for the factors it sets from registry values', () => {
    const baseline = parseScenario(SHIPPED_SCENARIOS['baseline-2020']);
    if (!baseline.ok) throw new Error(formatIssues(baseline.issues));
    const last = valid.scenario.months - 1;
    for (const id of ['usTroopsSyria', 'usTroopsIraq', 'usBasesIraq', 'covidDiversion', 'trainingSuspended', 'iraqGovernanceGap', 'sdfTurkishFront'] as const) {
      expect(valid.factors[id][last], id).toBe(baseline.value.factors[id][0]);
    }
  });

  it('parseScenario finds a source for every factor and initial-state number the back-test sets', () => {
    const raw = SHIPPED_SCENARIOS['backtest-2018-2019'] as { factors: object; initialState: object; sources: Record<string, string> };
    for (const id of Object.keys(raw.factors)) expect(raw.sources[`factors.${id}`], id).toMatch(/\S/);
    for (const key of Object.keys(raw.initialState)) expect(raw.sources[`initialState.${key}`], key).toMatch(/\S/);
  });
});

describe('scenarios/backtest-2018-2020-calibrated.json', () => {
  const text = readFileSync(fileURLToPath(new URL('../../scenarios/backtest-2018-2020-calibrated.json', import.meta.url)), 'utf8');
  const raw = JSON.parse(text) as Record<string, unknown> & { parameters: { posterior: string }; description: string };

  it('parseScenario gives the calibrated back-test the back-test\'s factors, start and observed points, with parameters from the backtest-2018 posterior', () => {
    const calibrated = parseScenario(raw);
    const backtest = parseScenario(SHIPPED_SCENARIOS['backtest-2018-2019']);
    if (!calibrated.ok) throw new Error(formatIssues(calibrated.issues));
    if (!backtest.ok) throw new Error(formatIssues(backtest.issues));
    expect(calibrated.value.factors).toEqual(backtest.value.factors);
    expect(calibrated.value.observed).toEqual(backtest.value.observed);
    // The start's network capacity is drawn from the posterior, so the calibrated file leaves it out.
    const { networkCapacity, ...backtestStart } = backtest.value.initialState ?? {};
    expect(networkCapacity).toBe(0.41);
    expect(calibrated.value.initialState).toEqual(backtestStart);
    expect(calibrated.value.scenario.months).toBe(29);
    expect(calibrated.value.posterior?.name).toBe('backtest-2018');
    // The back-test posterior draws what its setup calibrated: the 44 parameters of the shipped
    // mid-2020 fit and the start's network capacity.
    const setup = JSON.parse(readFileSync(fileURLToPath(new URL('../../calibration/mid-2020.json', import.meta.url)), 'utf8')).setups['start-2018'];
    expect(setup.calibrate).toHaveLength(45);
    expect(calibrated.value.posterior?.parameters).toEqual(setup.calibrate);
    expect(raw.description).toMatch(/IN-SAMPLE/);
  });

  it('parseScenario: the calibrated back-test differs from the back-test only in name, title, description, parameters, the drawn network capacity and their sources', () => {
    const { name, title, description, parameters, sources, initialState, ...rest } = raw as unknown as Record<string, unknown> & { sources: Record<string, string> };
    const original = SHIPPED_SCENARIOS['backtest-2018-2019'] as Record<string, unknown> & { sources: Record<string, string>; initialState: Record<string, unknown> };
    // The uncalibrated back-test states `"uncertainty": { "parameters": "fixed", "factors": "fixed" }`; the calibrated one draws its posterior through `parameters.posterior`.
    const { name: _n, title: _t, description: _d, sources: originalSources, initialState: originalStart, uncertainty: _u, ...originalRest } = original;
    expect(rest).toEqual(originalRest);
    const { networkCapacity: _c, ...originalStartWithoutCapacity } = originalStart;
    expect(initialState).toEqual(originalStartWithoutCapacity);
    const { 'parameters.posterior': posteriorSource, ...otherSources } = sources;
    const { 'initialState.networkCapacity': _s, ...originalOtherSources } = originalSources;
    expect(otherSources).toEqual(originalOtherSources);
    expect(posteriorSource).toMatch(/backtest-2018/);
    expect(name).toBe('backtest-2018-2020-calibrated');
    expect([title, description, parameters].every((v) => v !== undefined)).toBe(true);
  });
});
