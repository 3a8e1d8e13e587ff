import type { FactorId } from '../model/factors.js';

/**
 * How a judged factor varies from run to run when a scenario asks for `"factors": "plausible"`:
 * - `level`: the factor is a constant, drawn from a triangular law [lo, mode, hi] whose mode is
 *   today's (baseline) value, so the median is today's value when the triangle is symmetric;
 * - `scale`: the baseline schedule from month `fromMonth` on (default 0) is multiplied by a
 *   factor drawn from a triangular law [lo, 1, hi] (its shape over time is kept; only its level
 *   is uncertain), then clipped to the factor's plausible range;
 * - `month`: the month of step `step` of the baseline schedule is drawn uniformly from the whole
 *   months [first, last] (a date the article gives no source for).
 */
export type JudgedFactorDistribution =
  | { readonly id: FactorId; readonly kind: 'level'; readonly triangular: readonly [number, number, number]; readonly why: string }
  | {
      readonly id: FactorId;
      readonly kind: 'scale';
      readonly triangular: readonly [number, number, number];
      readonly fromMonth?: number;
      readonly why: string;
    }
  | { readonly id: FactorId; readonly kind: 'month'; readonly step: number; readonly months: readonly [number, number]; readonly why: string };

/**
 * The documented distribution of every judged factor: those whose baseline value (or part of it,
 * such as a date) has no grade-A/B source in its registry entry (`FACTORS[i].source` says
 * "judgement"). Each is centred on today's value (the mode of the triangle is the baseline
 * level, scale 1, or the baseline month at the middle of the month range) and spans a part
 * of the plausible range we could not rule out from the article and the registry's sources;
 * the widths are themselves judgement, stated here so that a reader can change them in a
 * scenario (set the factor, or give it an explicit distribution).
 *
 * Factors not listed are taken as sourced (grade A/B: `usTroopsIraq`, `detaineesHeld`,
 * `campPopulation`) or as a fact rather than a level (`leadershipShock`: no shock is active at
 * the start) and stay fixed.
 *
 * @example
 * JUDGED_FACTOR_DISTRIBUTIONS.find((d) => d.id === 'warChest');
 * // { id: 'warChest', kind: 'level', triangular: [25, 100, 175], why: '…' }
 */
export const JUDGED_FACTOR_DISTRIBUTIONS: readonly JudgedFactorDistribution[] = [
  {
    id: 'usTroopsSyria',
    kind: 'month',
    step: 1,
    months: [3, 9],
    why: 'The withdrawal month 6 is judgement (the article: "are to be withdrawn", no date); ±3 months around it.',
  },
  {
    id: 'usBasesIraq',
    kind: 'month',
    step: 1,
    months: [3, 9],
    why: 'The bases fall to the article\'s two at month 6 (date: judgement); ±3 months around it.',
  },
  {
    id: 'coalitionAirSupport',
    kind: 'level',
    triangular: [0.5, 1, 1.5],
    why: 'The article says air support continues, so 1 = the 2019 level is judgement; half to one and a half times it.',
  },
  {
    id: 'covidDiversion',
    kind: 'scale',
    triangular: [0, 1, 2],
    why: 'No source gives a share (judgement): the schedule 0.3 → 0.15 → 0.05 scaled from none to twice (0.6, the top of the plausible range).',
  },
  {
    id: 'trainingSuspended',
    kind: 'scale',
    triangular: [0, 1, 2],
    fromMonth: 4,
    why: 'The suspension itself is sourced (Reuters, 19 Mar 2020; B); the partial resumption from month 4 (0.5) is judgement: from full resumption (0) to none (1).',
  },
  {
    id: 'iraqGovernanceGap',
    kind: 'scale',
    triangular: [0.5, 1, 1.5],
    why: 'The deadlock is sourced (Lead IG; A), its levels 0.6 → 0.3 are judgement: half to one and a half times them.',
  },
  {
    id: 'iranMilitiaEffort',
    kind: 'level',
    triangular: [0.2, 0.5, 0.8],
    why: 'No measure found (judgement): half the earlier effort, ±0.3 (the bottom of the plausible range).',
  },
  {
    id: 'sdfTurkishFront',
    kind: 'level',
    triangular: [0.1, 0.35, 0.6],
    why: 'The share of the SDF held on the Turkish front is judgement: 0.35 ± 0.25.',
  },
  {
    id: 'syrianArmyDesertPresence',
    kind: 'level',
    triangular: [0.1, 0.4, 0.7],
    why: 'No strength figure found (judgement): 0.4 ± 0.3 (the bottom of the plausible range).',
  },
  {
    id: 'extortionIncome',
    kind: 'level',
    triangular: [1, 3, 5],
    why: 'The article\'s $3M/month has no independent source: $1-5M (ISI earned $1-2M/month in 2007-09, GFATF; C).',
  },
  {
    id: 'warChest',
    kind: 'level',
    triangular: [25, 100, 175],
    why: 'The UN\'s "up to $300 million" (A) is a bound; 100 is judgement: $25-175M, symmetric about it.',
  },
  {
    id: 'desertSanctuary',
    kind: 'level',
    triangular: [0.3, 0.6, 0.9],
    why: 'The concealment share of the Syrian Desert is judgement: its whole plausible range, mode 0.6.',
  },
  {
    id: 'sectarianTension',
    kind: 'level',
    triangular: [0.3, 0.6, 0.9],
    why: 'No measure found (judgement): its whole plausible range, mode 0.6.',
  },
];

/**
 * Rank (Spearman) correlations between judged factors that the article implies, drawn with a
 * Gaussian copula (as a scenario's `correlations`). Pairs not listed are independent.
 *
 * @example
 * JUDGED_FACTOR_CORRELATIONS[0]; // { factors: ['usTroopsSyria', 'usBasesIraq'], rank: 0.5, why: '…' }
 */
export const JUDGED_FACTOR_CORRELATIONS: readonly { readonly factors: readonly [FactorId, FactorId]; readonly rank: number; readonly why: string }[] = [
  {
    factors: ['usTroopsSyria', 'usBasesIraq'],
    rank: 0.5,
    why: 'One US decision: "the US only wants to keep troops at two Iraqi bases, while all 2,000 remaining troops are to be withdrawn from Syria."',
  },
  {
    factors: ['covidDiversion', 'trainingSuspended'],
    rank: 0.5,
    why: 'One cause: "Due to the pandemic, the presence of soldiers in Iraq had to be reduced … the training of Iraqi soldiers … is currently not being conducted."',
  },
  {
    factors: ['iraqGovernanceGap', 'sectarianTension'],
    rank: 0.4,
    why: '"the political volatility in Iraq has also benefited ISIS … ISIS understands to exacerbate … tensions between Sunni minorities and the Shiites."',
  },
  {
    factors: ['syrianArmyDesertPresence', 'desertSanctuary'],
    rank: -0.4,
    why: '"Syria\'s government tried to prevent ISIS from breaking out of the desert region – without success": more army presence, less sanctuary.',
  },
];
