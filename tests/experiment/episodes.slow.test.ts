// What docs/how-to/back-test.md reports of the two historical episodes, checked against the model
// (200 runs, the scenarios' seeds): the direction the model gets right and the level it misses.
// If a change to the model moves either, this fails and the page must be updated with it.
import { describe, expect, it } from 'vitest';
import { backtestScores } from '../../src/analysis/backtest/backtestScores.js';
import { quantiles } from '../../src/math/quantile.js';
import { OBSERVABLE_INDEX, OBSERVABLE_IDS } from '../../src/model/observables.js';
import { simulate } from '../../src/experiment/simulate.js';
import { formatIssues } from '../../src/scenario/issues.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const RUNS = 200;

/**
 * The shipped episode, optionally with other parameter draws or an edit of a deep copy of its
 * inputs. Without `transport` its `parameterScales` are removed: the mid-2020 attack rate alone,
 * the question the page's first table and diagnoses answer (does the 2020 rate carry over?).
 */
function episode(name: string, parameters?: string, edit?: (scenario: Record<string, any>) => void, transport = false) {
  const shipped = structuredClone(SHIPPED_SCENARIOS[name]) as Record<string, any> & { uncertainty: object };
  if (!transport) {
    delete shipped.parameterScales;
    delete shipped.sources['parameterScales.attackRate'];
  }
  edit?.(shipped);
  const parsed = parseScenario(parameters === undefined ? shipped : { ...shipped, uncertainty: { ...shipped.uncertainty, parameters } });
  if (!parsed.ok) throw new Error(`${name}: ${formatIssues(parsed.issues)}`);
  const seed = parsed.value.scenario.seed as number;
  const { runs } = simulate(parsed.value, { runs: RUNS, seed, perRun: true });
  const width = OBSERVABLE_IDS.length;
  /** Median over runs of the mean of `observable` over months from … to. */
  const medianMean = (observable: keyof typeof OBSERVABLE_INDEX, from: number, to: number) =>
    quantiles(
      Float64Array.from(runs!, (run) => {
        let sum = 0;
        for (let m = from; m <= to; m++) sum += run.series[m * width + OBSERVABLE_INDEX[observable]] as number;
        return sum / (to - from + 1);
      }),
      [0.5],
    )[0] as number;
  return { scores: backtestScores(parsed.value.observed ?? [], runs!, { seed }), medianMean };
}

describe('the historical episodes, out of sample under the mid-2020 posterior', () => {
  it('decline (Iraq 2007-2009): Iraqi attacks fall by more than half, but their level is far below what the all-perpetrator counts imply', () => {
    const { scores, medianMean } = episode('episode-decline-iraq-2007');
    expect(medianMean('attacksIraq', 24, 30)).toBeLessThan(0.5 * medianMean('attacksIraq', 0, 2));
    const attacks = scores[0]!;
    // Observed above the 90% band at the start (even with 4-20 reported attacks per modelled one).
    expect(attacks.points[0]!.observed).toBeGreaterThan(attacks.coverage.points[0]!.band90[1]);
    expect(attacks.coverage.share90).toBeLessThan(0.5);
    // The diagnosis in the page: in most runs the model's AQI lies low through the surge's first
    // months, every one of the 7 areas it starts in hiding (areasHiding), and 9 or more in months
    // 6-9 as it spreads.
    expect(medianMean('areasHiding', 0, 0)).toBe(7);
    expect(medianMean('areasHiding', 6, 9)).toBeGreaterThanOrEqual(9);
  });

  it('growth (Iraq 2012-2014): attacks and fighters grow several-fold, but attack levels stay below the counts', () => {
    const { scores, medianMean } = episode('episode-growth-iraq-2012');
    expect(medianMean('attacksIraq', 24, 28)).toBeGreaterThan(3 * medianMean('attacksIraq', 0, 2));
    expect(medianMean('fighters', 28, 28)).toBeGreaterThan(5 * medianMean('fighters', 0, 0));
    const incidents = scores[1]!;
    expect(incidents.kind).toBe('incidents');
    expect(incidents.coverage.share90).toBeLessThan(0.5);
  });

  // The third episode, built after the other two: against the same runs without the spring 2010
  // leadership losses (common random numbers), the losses cut the model's Iraqi attacks by more
  // than a third for the rest of 2010 and still lower them in 2011; the 2010 level is far below
  // the violent incidents the US military counted, even at 3-10 incidents per modelled attack.
  it('decapitation (Iraq 2010-2011): the leadership losses cut attacks for months, but the level is far below the counts', () => {
    const { scores, medianMean } = episode('episode-decapitation-iraq-2010');
    const without = episode('episode-decapitation-iraq-2010', undefined, (s) => {
      s.events = s.events.filter((event: { kind: string }) => event.kind !== 'decapitation');
    });
    expect(medianMean('attacksIraq', 5, 11)).toBeLessThan((2 / 3) * without.medianMean('attacksIraq', 5, 11));
    expect(medianMean('attacksIraq', 12, 23)).toBeLessThan(without.medianMean('attacksIraq', 12, 23));
    const incidents2010 = scores[0]!;
    expect(incidents2010.points[0]!.observed).toBeGreaterThan(incidents2010.coverage.points[0]!.band90[1]);
    expect(scores[1]!.coverage.inside90).toBe(0);
    // As in the decline: under the 2010 forces and tempo most areas with fighters lie low.
    expect(medianMean('areasHiding', 0, 1)).toBeGreaterThanOrEqual(6);
  });

  // The page's two diagnoses of the third episode's miss: without movement the fighters in Iraq
  // match the estimates but the attack counts stay above their bands; with the attack parameters
  // at the priors' most violent edges the counts stay above their bands too.
  it.each([
    ['no movement', { moveProbability: 0 }],
    ['the attack parameters at the edges of their priors', { attackRate: 0.1, lieLowPressure: 0.1, hidingAttackShare: 0.5, targetCapacity: 40 }],
  ])('decapitation with %s: both incident counts still above the 90% band', (label, parameters) => {
    const { scores } = episode('episode-decapitation-iraq-2010', undefined, (s) => void (s.parameters = parameters));
    for (const series of scores.slice(0, 2)) {
      expect(series.kind).toBe('attacks');
      expect(series.points[0]!.observed).toBeGreaterThan(series.coverage.points[0]!.band90[1]);
    }
    if (label !== 'no movement') return;
    const strength = scores[2]!;
    expect(strength.series).toBe('fightersIraq');
    for (const point of strength.points) {
      expect(point.median / point.observed).toBeGreaterThan(0.75);
      expect(point.median / point.observed).toBeLessThan(1.35);
    }
  });

  // The page's check that the miss is not a too-confident posterior: drawn from the priors the
  // mid-2020 posterior was fitted from (a prior predictive run), neither episode is covered
  // better than under the posterior, and most observations stay outside the 90% bands.
  it('prior predictive ("prior:mid-2020"): no more observations inside the 90% bands than under the posterior, and fewer than a third', () => {
    const inside90 = (scores: ReturnType<typeof episode>['scores']) => scores.reduce((sum, series) => sum + series.coverage.inside90, 0);
    for (const name of ['episode-decline-iraq-2007', 'episode-growth-iraq-2012']) {
      const { scores } = episode(name, 'prior:mid-2020');
      const evaluated = scores.reduce((sum, series) => sum + series.coverage.evaluated, 0);
      expect(evaluated, name).toBeGreaterThan(5);
      expect(inside90(scores), name).toBeLessThanOrEqual(inside90(episode(name).scores));
      expect(inside90(scores) / evaluated, name).toBeLessThan(1 / 3);
    }
  });

  // The diagnoses below were made before the start carried its range (Dec 2026); they keep the
  // nominal start of 1,000 fixed, as the page's table states.
  const fixedStart = (s: Record<string, any>) => {
    delete s.initialState.fightersRange;
    delete s.sources['initialState.fightersRange'];
  };

  // The page's check that the growth miss is not the episode's inputs: its most uncertain ones
  // moved, one at a time, to where they would raise attacks most (Iraqi forces at their 2020
  // strength instead of 3.5 times it; operations tempo 0.1 instead of 0.5; three times the US
  // estimate of the fighters at the start). Each raises attacks, and the 2012 counts stay above
  // the 90% band in every case.
  it.each([
    ['Iraqi forces at their 2020 strength', (s: Record<string, any>) => void (s.events[0].scale = 1)],
    ['operations tempo 0.1', (s: Record<string, any>) => void (s.factors.iraqiOperationsTempo = 0.1)],
    ['three times the starting fighters', (s: Record<string, any>) => { for (const area in s.initialState.fighters) s.initialState.fighters[area] *= 3; }],
  ])('growth with %s: more attacks, and still 0 of 2 Pentagon counts inside the 90% band', (_label, edit) => {
    const shipped = episode('episode-growth-iraq-2012', undefined, fixedStart);
    const edited = episode('episode-growth-iraq-2012', undefined, (s) => {
      fixedStart(s);
      edit(s);
    });
    expect(edited.medianMean('attacksIraq', 0, 5)).toBeGreaterThan(1.2 * shipped.medianMean('attacksIraq', 0, 5));
    const pentagon = edited.scores[0]!;
    expect(pentagon.source).toContain('Pentagon');
    expect(pentagon.coverage.inside90).toBe(0);
    for (const [i, point] of pentagon.points.entries()) expect(point.observed).toBeGreaterThan(pentagon.coverage.points[i]!.band90[1]);
  });

  // All three at once cover every series, the Iraq-only strength estimate of Oct 2012 included
  // (compared with the model's fighters in Iraq), but only with every uncertain input at its
  // most violent value and three times the fighters the US estimated, which is what the page says.
  it('growth with all three at once: every series inside the 90% band, with more fighters in Iraq than the officials estimated', () => {
    const { scores } = episode('episode-growth-iraq-2012', undefined, (s) => {
      fixedStart(s);
      s.events[0].scale = 1;
      s.factors.iraqiOperationsTempo = 0.1;
      for (const area in s.initialState.fighters) s.initialState.fighters[area] *= 3;
    });
    expect(scores[0]!.coverage.inside90).toBe(2);
    const strength = scores.find((series) => series.kind === 'strength')!;
    expect(strength.series).toBe('fightersIraq');
    expect(strength.coverage.inside90).toBe(1);
    expect(strength.points[0]!.median).toBeGreaterThan(strength.points[0]!.observed);
    const inside = scores.reduce((sum, series) => sum + series.coverage.inside90, 0);
    const evaluated = scores.reduce((sum, series) => sum + series.coverage.evaluated, 0);
    expect(inside).toBeGreaterThanOrEqual(evaluated - 1);
  });

  // Transport across eras, one episode left out (the page's rule, committed before any fit): each
  // episode's multiplier is the grid value that best matches its own attack-type observations,
  // and each episode is scored with the range of the *other* eras' multipliers (the shipped files).
  const GRID = [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32];
  const misfit = (name: string, m: number) => {
    const { scores } = episode(name, undefined, (s) => void (s.parameterScales = { attackRate: [m, m] }));
    const logs = scores.filter((series) => series.kind !== 'strength').flatMap((series) => series.points.map((point) => Math.abs(Math.log(Math.max(point.median, 1e-9) / point.observed))));
    return logs.reduce((sum, x) => sum + x, 0) / logs.length;
  };
  it.each([
    ['episode-decline-iraq-2007', 12],
    ['episode-decapitation-iraq-2010', 32],
    ['episode-growth-iraq-2012', 12],
  ])('%s: its fitted attack-rate multiplier is %d, a minimum of the misfit on the grid', (name, m) => {
    const i = GRID.indexOf(m);
    const here = misfit(name, m);
    expect(here).toBeLessThan(misfit(name, GRID[i - 1]!));
    if (i + 1 < GRID.length) expect(here).toBeLessThan(misfit(name, GRID[i + 1]!));
    // The 2020 rate (multiplier 1) fits far worse: the level does not carry over.
    expect(misfit(name, 1)).toBeGreaterThan(3 * here);
  });

  it('the shipped files carry the other eras\' range: decline and growth covered, the decapitation\'s incident counts not', () => {
    expect(SHIPPED_SCENARIOS['episode-decline-iraq-2007']).toMatchObject({ parameterScales: { attackRate: [1, 32] } });
    expect(SHIPPED_SCENARIOS['episode-decapitation-iraq-2010']).toMatchObject({ parameterScales: { attackRate: [1, 12] } });
    expect(SHIPPED_SCENARIOS['episode-growth-iraq-2012']).toMatchObject({ parameterScales: { attackRate: [1, 32] } });
    const inside = (name: string) => episode(name, undefined, undefined, true).scores;
    const total = (scores: ReturnType<typeof inside>): [number, number] => [scores.reduce((n, s) => n + s.coverage.inside90, 0), scores.reduce((n, s) => n + s.coverage.evaluated, 0)];
    const [declineIn, declineOf] = total(inside('episode-decline-iraq-2007'));
    expect(declineIn).toBeGreaterThanOrEqual(declineOf - 1);
    const growth = inside('episode-growth-iraq-2012');
    const [growthIn, growthOf] = total(growth);
    expect(growthIn).toBeGreaterThanOrEqual(growthOf - 2);
    expect(growth[0]!.coverage.inside90).toBe(2); // the 2012 Pentagon counts, out of reach before
    const decapitation = inside('episode-decapitation-iraq-2010');
    for (const series of decapitation.slice(0, 2)) expect(series.points[0]!.observed).toBeGreaterThan(series.coverage.points[0]!.band90[1]);
  });
});
