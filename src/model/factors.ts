import type { MechanismId } from './mechanisms.js';

/**
 * How a scenario sets a time-varying input (months t = 0 … months − 1 since the start):
 * - a constant number;
 * - a piecewise schedule: steps `[{ from: 0, value: 600 }, { from: 6, value: 0 }]`, each value
 *   holding from its month until the next step (or, with `interpolate: "linear"`, ramping to it);
 * - a mathjs expression of `t`, evaluated in a restricted instance (see `src/scenario/expression.ts`).
 */
export type FactorSetting =
  | number
  | { readonly value: number }
  | {
      readonly schedule: readonly { readonly from: number; readonly value: number }[];
      readonly interpolate?: 'step' | 'linear';
    }
  | { readonly expression: string };

/** Which way a factor helps ISIS: raising it (`higher`) or lowering it (`lower`). */
export type AdverseDirection = 'higher' | 'lower';

/** The documentation and limits of one causal factor named by the article. */
export interface FactorDefinition {
  /** Stable id used in scenario files (`factors.<id>`). */
  readonly id: string;
  /** A short human label. */
  readonly label: string;
  /** What the input means, in plain words. */
  readonly description: string;
  /** The unit of its values. */
  readonly unit: string;
  /** Its value under the article's mid-2020 conditions (the baseline scenario's embedded default). */
  readonly baseline: FactorSetting;
  /** The plausible range of a value; scenarios outside it are rejected (see `allowOutsidePlausibleRange`). */
  readonly range: readonly [number, number];
  /** Hard limits no scenario may cross (a share cannot exceed 1, a count cannot be negative). */
  readonly bounds: readonly [number, number];
  /** True when only whole numbers make sense (troops, bases, people). */
  readonly integer: boolean;
  /** False for initial conditions: only month 0's value is used, so only a number is accepted. */
  readonly timeVarying: boolean;
  /** The article's sentence the factor comes from. */
  readonly article: string;
  /** Where the baseline value and range come from (article, the brief's data files, or judgement). */
  readonly source: string;
  /** The mechanisms this factor drives. */
  readonly mechanisms: readonly MechanismId[];
  /** Which direction helps ISIS; used by the worst-case scenario and the direction tests. */
  readonly adverse: AdverseDirection;
}

const define = <const T extends FactorDefinition>(factor: T): T => factor;

/**
 * The registry of the article's causal factors. Month 0 is May 2020 in the baseline scenario.
 * Every number has its source beside it; "judgement" marks a value no source gives, which the
 * calibration issue is meant to constrain.
 */
export const FACTORS = [
  define({
    id: 'usTroopsSyria',
    label: 'US troops in Syria',
    description: 'US ground troops partnering the SDF in north-east Syria.',
    unit: 'troops',
    baseline: { schedule: [{ from: 0, value: 600 }, { from: 6, value: 0 }] },
    range: [0, 2500],
    bounds: [0, 20000],
    integer: true,
    timeVarying: true,
    article: 'In the future, the US only wants to keep troops at two Iraqi bases, while all 2,000 remaining troops are to be withdrawn from Syria.',
    source: '600 at start: "500-600" (Gen. Milley, ABC, 10 Nov 2019; B). The article\'s 2,000 is the Dec 2018 figure (2,000-2,500 when withdrawal was first ordered; B); both lie in the range. Withdrawal at month 6 is the article\'s "are to be withdrawn" with a date we chose (judgement).',
    mechanisms: ['securityPressure', 'airStrikes'],
    adverse: 'lower',
  }),
  define({
    id: 'usTroopsIraq',
    label: 'US troops in Iraq',
    description: 'US troops in Iraq supporting Iraqi forces (advising, ISR, enablers).',
    unit: 'troops',
    baseline: { schedule: [{ from: 0, value: 5000 }, { from: 4, value: 3000 }] },
    range: [0, 6000],
    bounds: [0, 200000],
    integer: true,
    timeVarying: true,
    article: 'In the future, the US only wants to keep troops at two Iraqi bases, while all 2,000 remaining troops are to be withdrawn from Syria.',
    source: '5,000 in Mar 2020 (Rudaw, 19 Mar 2020; B); reduced to ~3,000 by end Sep 2020, month 4 (CENTCOM Gen. McKenzie, 9 Sep 2020; A). 6,000 in Dec 2019 (NYT; C) bounds the range.',
    mechanisms: ['securityPressure', 'airStrikes'],
    adverse: 'lower',
  }),
  define({
    id: 'usBasesIraq',
    label: 'US bases in Iraq',
    description: 'Iraqi bases hosting US forces; fewer bases means less reach for partnering and ISR.',
    unit: 'bases',
    baseline: { schedule: [{ from: 0, value: 5 }, { from: 6, value: 2 }] },
    range: [0, 8],
    bounds: [0, 20],
    integer: true,
    timeVarying: true,
    article: 'In the future, the US only wants to keep troops at two Iraqi bases...',
    source: '8 bases early 2020, 3 handed over in Mar 2020 (al-Qaim, Qayyarah, K1; Rudaw 19 Mar 2020; B) leaves 5; the article\'s two bases from month 6 (date: judgement).',
    mechanisms: ['securityPressure', 'airStrikes'],
    adverse: 'lower',
  }),
  define({
    id: 'coalitionAirSupport',
    label: 'Coalition air support',
    description: 'Strike and ISR capacity of the US-led coalition, as a fraction of its 2019 level; it can stay when ground troops go.',
    unit: 'fraction of 2019 level',
    baseline: 1,
    range: [0, 1.5],
    bounds: [0, 5],
    integer: false,
    timeVarying: true,
    article: 'While the American Air Force continues to support the Kurdish-dominated Syrian Democratic Forces in its operations against ISIS...',
    source: 'The article says air support continues: 1 = 2019 level (judgement).',
    mechanisms: ['airStrikes'],
    adverse: 'lower',
  }),
  define({
    id: 'covidDiversion',
    label: 'COVID-19 diversion of Iraqi forces',
    description: 'Share of Iraqi security forces pulled from counter-ISIS duty to enforce curfews and pandemic rules.',
    unit: 'share of Iraqi forces',
    baseline: { schedule: [{ from: 0, value: 0.3 }, { from: 4, value: 0.15 }, { from: 12, value: 0.05 }] },
    range: [0, 0.6],
    bounds: [0, 1],
    integer: false,
    timeVarying: true,
    article: 'Due to the pandemic, the presence of soldiers in Iraq had to be reduced as they had to monitor curfews and other pandemic regulations in the country. In some parts of Iraq, there are currently no security forces at all.',
    source: 'No source gives a share (judgement): 0.3 during the spring 2020 curfews, 0.15 through the autumn 2020 wave (month 4), 0.05 from month 12.',
    mechanisms: ['securityPressure'],
    adverse: 'higher',
  }),
  define({
    id: 'trainingSuspended',
    label: 'Coalition training suspended',
    description: 'Share of coalition (European/NATO) training of Iraqi forces that is suspended; while suspended, Iraqi force effectiveness erodes.',
    unit: 'share suspended',
    baseline: { schedule: [{ from: 0, value: 1 }, { from: 4, value: 0.5 }] },
    range: [0, 1],
    bounds: [0, 1],
    integer: false,
    timeVarying: true,
    article: 'Besides, the training of Iraqi soldiers, facilitated by the Europeans, is currently not being conducted.',
    source: 'Paused 19 Mar 2020 for a planned 60 days, ~2,500 trainers (Reuters/Arab News 19 Mar 2020; B); partial resumption from month 4 (judgement).',
    mechanisms: ['securityPressure'],
    adverse: 'higher',
  }),
  define({
    id: 'iraqGovernanceGap',
    label: "Iraq's governance vacuum",
    description: 'How far Iraq lacks a functioning government (0 = functioning, 1 = none): weakens coordination of Iraqi forces and state legitimacy.',
    unit: 'index 0-1',
    baseline: { schedule: [{ from: 0, value: 0.6 }, { from: 6, value: 0.3 }] },
    range: [0, 1],
    bounds: [0, 1],
    integer: false,
    timeVarying: true,
    article: 'For months, the country was lacking a functioning government. Different political groups often work against each other, only feel committed to their own interests.',
    source: 'Five months of deadlock, Dec 2019-May 2020 (Lead IG Apr-Jun 2020; A); a new government formed in May 2020, so the gap is easing but not closed (levels: judgement).',
    mechanisms: ['securityPressure', 'recruitment'],
    adverse: 'higher',
  }),
  define({
    id: 'iranMilitiaEffort',
    label: 'Iranian weakness (militia effort)',
    description: 'Counter-ISIS effort of Iran-backed militias (PMF in Iraq, allied militias in Syria) as a fraction of its 2017-2019 level.',
    unit: 'fraction of 2017-19 effort',
    baseline: 0.5,
    range: [0.2, 1.2],
    bounds: [0, 3],
    integer: false,
    timeVarying: true,
    article: 'For years, Iran, with its Shiite militias, was a determined and at least a semi-effective opponent of the jihadists in Iraq. However, Tehran cannot currently afford to fight ISIS.',
    source: 'No measure found (judgement): half the earlier effort.',
    mechanisms: ['securityPressure'],
    adverse: 'lower',
  }),
  define({
    id: 'sdfTurkishFront',
    label: 'SDF tied down on the Turkish front',
    description: 'Share of SDF capacity held on the front with Turkey and its allies instead of fighting ISIS.',
    unit: 'share of SDF',
    baseline: 0.35,
    range: [0, 0.7],
    bounds: [0, 1],
    integer: false,
    timeVarying: true,
    article: 'the Kurds in north-eastern Syria also have to deal with the Turkish army that invaded the region last autumn — leaving not much left for prioritizing ISIS.',
    source: 'Turkish offensive Oct 2019 took 4,820 km2 with ~14,000 SNA fighters (Wikipedia infobox; C) against an SDF of 40,000-70,000 (C/B); the share is judgement.',
    mechanisms: ['securityPressure', 'breakouts'],
    adverse: 'higher',
  }),
  define({
    id: 'detaineesHeld',
    label: 'ISIS detainees held by the SDF',
    description: 'ISIS suspects held in SDF prisons; guards are drawn from the SDF and a break frees some of them.',
    unit: 'detainees',
    baseline: 10000,
    range: [5000, 12000],
    bounds: [0, 100000],
    integer: true,
    timeVarying: false,
    article: 'Moreover, the Syrian Democratic Forces are currently guarding 10,000 ISIS prisoners and their families in several camps in eastern Syria.',
    source: '~10,000 ISIS fighters detained, ~2,000 foreign (Lead IG Apr-Jun 2019; A); ~10,000 in ~20 facilities (Washington Post 12 Oct 2019; B).',
    mechanisms: ['breakouts', 'securityPressure'],
    adverse: 'higher',
  }),
  define({
    id: 'campPopulation',
    label: 'People held in camps (al-Hol, Roj)',
    description: 'Residents of the camps for ISIS-affiliated families that the SDF must also guard.',
    unit: 'people',
    baseline: 65406,
    range: [40000, 75000],
    bounds: [0, 500000],
    integer: true,
    timeVarying: true,
    article: 'the Syrian Democratic Forces are currently guarding 10,000 ISIS prisoners and their families in several camps in eastern Syria.',
    source: 'al-Hol: 65,406 on 19 Jul 2020 (OCHA; A); 68,000-73,000 at its 2019 peak (coalition; B) bounds the range.',
    mechanisms: ['securityPressure', 'breakouts'],
    adverse: 'higher',
  }),
  define({
    id: 'syrianArmyDesertPresence',
    label: 'Syrian regime distracted',
    description: 'Share of the Syrian army and allies in the desert that is actually committed against ISIS (the rest is pulled towards Idlib).',
    unit: 'share committed',
    baseline: 0.4,
    range: [0.1, 1],
    bounds: [0, 1],
    integer: false,
    timeVarying: true,
    article: "On the one hand, the Syrian army did not have the resources, and, on the other hand, President al Assad's priorities have been to conquer the rebel stronghold of Idlib in northwestern Syria.",
    source: 'No strength figure found ("unknown number of SAA soldiers", Syrian Desert campaign infobox; C); the share is judgement.',
    mechanisms: ['securityPressure'],
    adverse: 'lower',
  }),
  define({
    id: 'extortionIncome',
    label: 'Funding: extortion and smuggling',
    description: 'Income from extortion and smuggling on main roads under the start conditions; actual income rises and falls with how freely cells move on roads.',
    unit: 'million USD per month',
    baseline: 3,
    range: [1, 6],
    bounds: [0, 100],
    integer: false,
    timeVarying: true,
    article: 'In Iraq, for example, ISIS often attack near main roads, which they then utilize to smuggle or extort, helping the terrorists to generate $ 3 million a month.',
    source: "The article's claim; no independent source found (the brief). For scale: ISI earned $1-2M/month in 2007-09 (GFATF; C).",
    mechanisms: ['finance'],
    adverse: 'higher',
  }),
  define({
    id: 'warChest',
    label: 'Funding: saved war chest',
    description: 'Reserves ISIS kept from its territorial years, available to pay fighters.',
    unit: 'million USD',
    baseline: 100,
    range: [25, 300],
    bounds: [0, 2000],
    integer: false,
    timeVarying: false,
    article: 'While its fighters retreated to the Syrian Desert, the organization was able to save part of its million-dollar war bankroll.',
    source: 'UN: "up to $300 million" (UN SG report, Aug 2019; A) is an upper bound; 100 assumes part was spent or lost by mid-2020 (judgement).',
    mechanisms: ['finance'],
    adverse: 'higher',
  }),
  define({
    id: 'desertSanctuary',
    label: 'Desert sanctuary',
    description: 'How much the desert hides cells: the share by which detection falls in an all-desert area.',
    unit: 'share of detection removed',
    baseline: 0.6,
    range: [0.3, 0.9],
    bounds: [0, 0.99],
    integer: false,
    timeVarying: true,
    article: 'The vast area of half a million square kilometres is sparsely populated and extends from southern Syria to the Euphrates in Iraq.',
    source: 'Syrian Desert ~500,000 km2 (Britannica via Wikipedia; B); the concealment share is judgement.',
    mechanisms: ['securityPressure', 'movement'],
    adverse: 'higher',
  }),
  define({
    id: 'sectarianTension',
    label: 'Sectarian tension',
    description: 'Hardship and grievance of Sunni Arab communities towards Shiite-led or hostile authorities (Epstein\'s H, scaled by each area\'s Sunni Arab share).',
    unit: 'index 0-1',
    baseline: 0.6,
    range: [0.3, 0.9],
    bounds: [0, 1],
    integer: false,
    timeVarying: true,
    article: 'ISIS understands to exacerbates the trenches in the region, for example in denominational tensions between Sunni minorities and the Shiites. ISIS knows very well how to take advantage of sectarianism.',
    source: 'No measure found (judgement).',
    mechanisms: ['recruitment'],
    adverse: 'higher',
  }),
  define({
    id: 'leadershipShock',
    label: 'Leadership losses',
    description: 'Share of ISIS coordination lost in a month through the killing or capture of leaders; coordination then recovers with the half-life parameter.',
    unit: 'share of coordination lost that month',
    baseline: 0,
    range: [0, 0.9],
    bounds: [0, 1],
    integer: false,
    timeVarying: true,
    article: 'Even the elimination of Abu Bakr al-Baghdadi did not seem to have a lasting impact. The latter was simply replaced by Ibrahim al-Hashimi al-Qurashi, according to US intelligence.',
    source: 'Baghdadi was killed on 27 Oct 2019, seven months before the start; claims rose again by Jan-Apr 2020 (88-151/month; ikhrw; C), so no shock is active at the start.',
    mechanisms: ['coordination', 'attacks', 'recruitment', 'finance'],
    adverse: 'higher',
  }),
  define({
    id: 'iraqiOperationsTempo',
    label: 'Iraqi operations tempo',
    description: 'Tempo of Iraqi clearance operations and raids against ISIS cells (Iraqi forces and militias), relative to the tempo of early 2020 (1). Raises intelligence-led attrition where intelligence is good, collateral grievance where it is poor.',
    unit: 'multiple of the early-2020 tempo',
    baseline: 1,
    range: [0.5, 2],
    bounds: [0, 4],
    integer: false,
    timeVarying: true,
    article: 'ISIS was considered defeated just over a year ago in the Syrian-Iraqi border area after an offensive by the US-led international anti-IS coalition.',
    source: 'Judgement: 1 is the tempo of early 2020 by definition (COVID curtailed operations in spring 2020, Lead IG Jan-Mar 2020; A). The range spans a halving to the doubling seen in named clearance campaigns (e.g. the "Heroes of Iraq" operations of 2020-21, Lead IG; B), not a measured series. Mechanism: Kress & Szechtman (2009), Operations Research 57(3), targeted vs untargeted counter-insurgency fire.',
    mechanisms: ['securityPressure', 'recruitment'],
    adverse: 'lower',
  }),
  define({
    id: 'syriaOperationsTempo',
    label: 'Syrian operations tempo (SDF and others)',
    description: 'Tempo of clearance operations and raids against ISIS cells in the Syrian areas (SDF with coalition support, the Syrian army and allies), relative to early 2020 (1).',
    unit: 'multiple of the early-2020 tempo',
    baseline: 1,
    range: [0.5, 2],
    bounds: [0, 4],
    integer: false,
    timeVarying: true,
    article: 'While the American Air Force continues to support the Kurdish-dominated Syrian Democratic Forces in its operations against ISIS...',
    source: 'Judgement: 1 is the tempo of early 2020 by definition; SDF raids with coalition support continued through 2020 (Lead IG Apr-Jun 2020; A) without a published monthly count. Same mechanism as iraqiOperationsTempo (Kress & Szechtman 2009).',
    mechanisms: ['securityPressure', 'recruitment'],
    adverse: 'lower',
  }),
  define({
    id: 'isisCampaign',
    label: 'ISIS offensive campaign',
    description: 'Whether ISIS runs a named offensive campaign that month (1 = surge, 0 = none): attacks rise by the surge multiplier and cells stop hiding, at the cost of exposure.',
    unit: 'share of the month in a campaign',
    baseline: 0,
    range: [0, 1],
    bounds: [0, 1],
    integer: false,
    timeVarying: true,
    article: 'In the past month alone, ISIS has claimed 100 attacks, among them the killing of three Syrian soldiers and at least ten fighters of a Shiite militia.',
    source: 'ISIS announced named campaigns, e.g. the "Battle of Attrition" of 2019 (Knights & Almeida, CTC Sentinel May 2020; B; Musings on Iraq, "Islamic State announces new offensive", May 2019; B); none is scheduled in the baseline (judgement: its effect on the 2020 level is in the calibrated attack rate).',
    mechanisms: ['attacks'],
    adverse: 'higher',
  }),
] as const satisfies readonly FactorDefinition[];

/** The id of one of the article's factors. */
export type FactorId = (typeof FACTORS)[number]['id'];

/** The registry keyed by id. */
export const FACTORS_BY_ID: Readonly<Record<FactorId, FactorDefinition>> = Object.fromEntries(
  FACTORS.map((factor) => [factor.id, factor]),
) as unknown as Record<FactorId, FactorDefinition>;

/** All factor ids in registry order. */
export const FACTOR_IDS: readonly FactorId[] = FACTORS.map((factor) => factor.id);
