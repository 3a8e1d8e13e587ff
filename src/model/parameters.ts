/**
 * Model parameters that no article factor sets. Each is either anchored in a source or marked
 * `calibration: true`: a value we chose so that the baseline matches what was known by mid-2020
 * (see the `calibratedAgainst` note), to be fitted properly by the calibration issue.
 */
export interface ParameterDefinition {
  readonly id: string;
  readonly description: string;
  readonly unit: string;
  readonly value: number;
  /** Plausible range; scenarios may set any value inside it. */
  readonly range: readonly [number, number];
  readonly integer: boolean;
  /** True when the value was tuned, not taken from a source. */
  readonly calibration: boolean;
  /** The source of the value, or what it was tuned against. */
  readonly source: string;
}

const define = <const T extends ParameterDefinition>(parameter: T): T => parameter;

export const PARAMETERS = [
  // Initial state
  define({
    id: 'initialFighters', description: 'ISIS fighters in Iraq and Syria at the start.', unit: 'fighters',
    value: 14000, range: [10000, 18000], integer: true, calibration: false,
    source: '14,000-18,000 members in Jan 2020 (Lead IG Jan-Mar 2020, Jeffrey; B) and in Q2 2019 (Lead IG; A); "upwards of 10,000" (UN, 2020; B/C). The lower end, since 2020 losses continued.',
  }),
  define({
    id: 'iraqShareOfFighters', description: 'Share of the initial fighters in Iraq (the rest in Syria).', unit: 'share',
    value: 0.53, range: [0.4, 0.65], integer: false, calibration: false,
    source: 'Lead IG Apr-Jun 2018: 15,500-17,100 in Iraq and 14,000 in Syria (A), i.e. 0.53-0.55 in Iraq.',
  }),
  define({
    id: 'fightersPerCell', description: 'Fighters per cell at the start and the size at which a growing cell splits in two.', unit: 'fighters',
    value: 12, range: [5, 30], integer: true, calibration: true,
    source: 'Structural choice (judgement): small clandestine cells; the outputs change little between 8 and 20.',
  }),
  // Security pressure
  define({
    id: 'forceRatioStandard', description: 'Security personnel per 1,000 inhabitants at which an area counts as fully covered.', unit: 'personnel per 1,000 people',
    value: 20, range: [10, 25], integer: false, calibration: false,
    source: 'Quinlivan, "Burden of Victory", RAND Review Summer 2003 and Parameters Winter 1995 (A): stabilisation has needed ~20 per 1,000.',
  }),
  define({
    id: 'desertPersonnelPerKm2', description: 'Personnel per km2 of desert needed, on top of the population standard, to cover an empty area.', unit: 'personnel per km2',
    value: 0.4, range: [0.1, 1], integer: false, calibration: true,
    source: 'Calibration: chosen so that the Syrian Badia and western Anbar start with low coverage, as the article describes ("ideal retreat").',
  }),
  define({
    id: 'detectionScale', description: 'Monthly loss hazard per fighter at full coverage (Epstein-style 1 − exp(−k·coverage)).', unit: 'per month',
    value: 0.07, range: [0.02, 0.2], integer: false, calibration: true,
    source: 'Calibration: with recruitment, keeps fighters near 14,000 in the months before the start, as the 2019-Jan 2020 estimates of 14,000-18,000 imply.',
  }),
  define({
    id: 'airStrikeHazard', description: 'Monthly loss hazard per fighter from coalition strikes at the Mar 2020 US posture.', unit: 'per month',
    value: 0.008, range: [0, 0.03], integer: false, calibration: true,
    source: 'Calibration (judgement): strikes account for a minority of losses after 2019.',
  }),
  define({
    id: 'usPartnerBoost', description: 'How much US partnering (advising, ISR, enablers) multiplies partnered forces: effectiveness is (1 + b·presence)/(1 + b), 1 at the Mar 2020 posture.', unit: 'multiplier gain',
    value: 0.6, range: [0, 1.5], integer: false, calibration: true,
    source: 'Calibration (judgement); Anderson (2011, System Dynamics Review 27(2)) and Kress & Szechtman (2009) show outcomes hinge on such enablers without fixing a value.',
  }),
  define({
    id: 'trainingDecayRate', description: 'Monthly loss of Iraqi force effectiveness while training is fully suspended.', unit: 'share per month',
    value: 0.02, range: [0, 0.06], integer: false, calibration: true, source: 'Calibration (judgement).',
  }),
  define({
    id: 'trainingRecoveryRate', description: 'Monthly recovery of Iraqi force effectiveness towards 1 while training runs.', unit: 'share of the gap per month',
    value: 0.05, range: [0.01, 0.2], integer: false, calibration: true, source: 'Calibration (judgement).',
  }),
  define({
    id: 'governanceCoordinationLoss', description: 'Share of Iraqi force effectiveness lost when the governance gap is 1.', unit: 'share',
    value: 0.3, range: [0, 0.6], integer: false, calibration: true, source: 'Calibration (judgement).',
  }),
  // Recruitment (Epstein 2002)
  define({
    id: 'recruitRate', description: 'Recruits per fighter per month per unit of net grievance (grievance − risk aversion × arrest risk − threshold).', unit: 'recruits per fighter-month',
    value: 0.3, range: [0.05, 0.8], integer: false, calibration: true,
    source: 'Calibration: balances losses so that the baseline starts near equilibrium.',
  }),
  define({
    id: 'mobilisableShare', description: 'Most fighters an area can field per Sunni Arab inhabitant (recruitment slows as an area nears it).', unit: 'fighters per inhabitant',
    value: 0.006, range: [0.001, 0.02], integer: false, calibration: true,
    source: 'Calibration: at its 2014-15 peak ISIS fielded some 20,000-30,000 in Iraq and Syria (OIR, Jan 2016; B) from a Sunni Arab population of several million under its control, i.e. well under 1%.',
  }),
  define({
    id: 'legitimacyIraq', description: "Legitimacy of the Iraqi state among Sunni Arabs when the government functions (Epstein's L).", unit: 'index 0-1',
    value: 0.3, range: [0.2, 0.8], integer: false, calibration: true, source: 'Calibration (judgement).',
  }),
  define({
    id: 'legitimacySyria', description: "Legitimacy of the authorities in Syrian areas among Sunni Arabs (Epstein's L).", unit: 'index 0-1',
    value: 0.25, range: [0.1, 0.7], integer: false, calibration: true, source: 'Calibration (judgement).',
  }),
  define({
    id: 'arrestRiskK', description: "Epstein's k in the perceived arrest probability 1 − exp(−k·coverage).", unit: 'dimensionless',
    value: 2.3, range: [1, 4], integer: false, calibration: false,
    source: 'Epstein (2002), PNAS 99 suppl. 3: k = 2.3 (so that P = 0.9 at one cop per active).',
  }),
  define({
    id: 'riskAversion', description: "Average risk aversion R in Epstein's activation rule G − R·P > T.", unit: 'dimensionless',
    value: 0.5, range: [0.2, 0.9], integer: false, calibration: false,
    source: 'Epstein (2002): R ~ U(0,1), mean 0.5.',
  }),
  define({
    id: 'activationThreshold', description: "Epstein's threshold T.", unit: 'dimensionless',
    value: 0.1, range: [0, 0.3], integer: false, calibration: false, source: 'Epstein (2002): T = 0.1.',
  }),
  // Attacks
  define({
    id: 'attackRate', description: 'Attacks per fighter per month when a cell moves freely and is fully coordinated.', unit: 'attacks per fighter-month',
    value: 0.038, range: [0.01, 0.1], integer: false, calibration: true,
    source: 'Calibration: Iraq ~190 attacks/month in 2020 Q1 (566 in the quarter; Knights & Almeida, CTC Sentinel May 2020; B).',
  }),
  define({
    id: 'hidingAttackShare', description: 'Share of its attacks a hiding cell still launches.', unit: 'share',
    value: 0.2, range: [0, 0.5], integer: false, calibration: true, source: 'Calibration (judgement).',
  }),
  define({
    id: 'hidingProtection', description: 'Share of the loss hazard a hiding cell still faces.', unit: 'share',
    value: 0.5, range: [0.2, 0.9], integer: false, calibration: true, source: 'Calibration (judgement).',
  }),
  define({
    id: 'hideThreshold', description: 'Monthly loss hazard above which a cell hides.', unit: 'per month',
    value: 0.05, range: [0.01, 0.2], integer: false, calibration: true, source: 'Calibration (judgement).',
  }),
  define({
    id: 'claimShare', description: 'ISIS-claimed attacks per attack counted by attack datasets.', unit: 'claims per attack',
    value: 0.3, range: [0.15, 0.6], integer: false, calibration: true,
    source: 'Calibration: claims in Iraq and Syria averaged ~94/month in Jan-Mar 2020 (ikhrw; C) while attack datasets counted ~189/month in Iraq alone (Knights & Almeida; B). Different sources: never compare the two series directly.',
  }),
  // Finance
  define({
    id: 'salaryPerFighter', description: 'Monthly pay and upkeep per fighter.', unit: 'USD per month',
    value: 150, range: [50, 400], integer: false, calibration: true,
    source: 'Calibration (judgement): reported ISIS salaries fell from several hundred dollars at the peak to tens of dollars after 2016; with 14,000 fighters, 150 keeps upkeep (~$2.1M) below the article\'s $3M income.',
  }),
  define({
    id: 'desertionRate', description: 'Share of unpaid fighters who leave each month.', unit: 'share per month',
    value: 0.15, range: [0, 0.5], integer: false, calibration: true, source: 'Calibration (judgement).',
  }),
  // Movement
  define({
    id: 'moveProbability', description: 'Monthly probability that a cell considers moving to a neighbouring area.', unit: 'per month',
    value: 0.15, range: [0, 0.5], integer: false, calibration: true, source: 'Calibration (judgement).',
  }),
  // Breakouts
  define({
    id: 'breakoutRate', description: 'Monthly hazard of a break at a detention area per 1,000 nearby fighters, when guards are sufficient.', unit: 'per month per 1,000 fighters',
    value: 0.02, range: [0, 0.1], integer: false, calibration: true,
    source: 'Calibration (judgement): breaks at SDF sites were rare (hundreds escaped from Ain Issa in Oct 2019, WaPo; the Ghwayran attack came in Jan 2022).',
  }),
  define({
    id: 'guardsPerDetainee', description: 'SDF guards needed per detainee.', unit: 'guards per detainee',
    value: 0.3, range: [0.1, 0.6], integer: false, calibration: true, source: 'Judgement.',
  }),
  define({
    id: 'guardsPerCampResident', description: 'SDF guards needed per camp resident.', unit: 'guards per resident',
    value: 0.02, range: [0.005, 0.05], integer: false, calibration: true, source: 'Judgement.',
  }),
  define({
    id: 'escapeShare', description: 'Share of an area\'s detainees who escape in a break.', unit: 'share',
    value: 0.1, range: [0.02, 0.4], integer: false, calibration: true, source: 'Judgement: hundreds of several thousand in the known breaks.',
  }),
  define({
    id: 'rejoinShare', description: 'Share of escapees who rejoin ISIS as fighters.', unit: 'share',
    value: 0.6, range: [0.2, 0.9], integer: false, calibration: true, source: 'Judgement.',
  }),
  define({
    id: 'campEscapeRate', description: 'Monthly share of camp residents who get out (smuggled or escaped) when guards are sufficient and no cells are near.', unit: 'share per month',
    value: 0.002, range: [0, 0.02], integer: false, calibration: true,
    source: 'Judgement: smuggling out of al-Hol was reported throughout 2019-2020 without a published rate; 0.002 is about 130 people a month from 65,000.',
  }),
  define({
    id: 'campJoinShare', description: 'Share of those who leave the camps who join ISIS as fighters (most residents are women and children).', unit: 'share',
    value: 0.05, range: [0, 0.3], integer: false, calibration: true,
    source: 'Judgement: about two thirds of al-Hol residents were children in 2019-2020 (OCHA camp profiles); most adults were women.',
  }),
  // Territory and coordination
  define({
    id: 'freedomCoverage', description: 'Effective coverage below which cells move freely in an area (it counts as "operating").', unit: 'coverage ratio',
    value: 0.35, range: [0.1, 0.6], integer: false, calibration: true, source: 'Calibration (judgement).',
  }),
  define({
    id: 'operatingMinFighters', description: 'Fighters an area needs before it can count as one where ISIS operates.', unit: 'fighters',
    value: 100, range: [20, 500], integer: true, calibration: true, source: 'Judgement.',
  }),
  define({
    id: 'holdRatio', description: 'Fighters per effective security personnel-equivalent at which ISIS holds ground in an area.', unit: 'ratio',
    value: 0.5, range: [0.2, 1.5], integer: false, calibration: true,
    source: 'Calibration: the smallest round ratio at which no area is held in the first months of the baseline (the article: ISIS "had lost all the territory"); at 0.4 the Homs Badia would count as held at the start.',
  }),
  define({
    id: 'holdMinFighters', description: 'Fighters an area needs before ISIS can hold ground there.', unit: 'fighters',
    value: 500, range: [100, 2000], integer: true, calibration: true, source: 'Judgement.',
  }),
  define({
    id: 'leadershipRecoveryHalfLife', description: 'Months for half of lost coordination to come back after a leadership shock.', unit: 'months',
    value: 3, range: [1, 12], integer: false, calibration: true,
    source: 'Calibration: after Baghdadi\'s death (Oct 2019) claims were back to 88-151/month by Jan-Apr 2020 (ikhrw; C), the article\'s "did not seem to have a lasting impact".',
  }),
  define({
    id: 'networkRebuildHalfLife', description: 'Months for half of the missing network capacity (initialState.networkCapacity below 1) to be rebuilt.', unit: 'months',
    value: 14, range: [3, 48], integer: false, calibration: true,
    source: 'Calibration: the posterior median (13.8 months; 90% interval 3.6-40.7) of the earlier, 9-quantity start-2018 back-test fit (ABC-SMC; calibration/README.md; the 45-quantity refit in data/posteriors/backtest-2018.json has 10.6), fitted to Iraq attacks rising from 1,470 (2018) to 1,669 (2019) while strength fell (Knights & Almeida, CTC Sentinel May 2020; Lead IG; B). No effect when the start is rebuilt (capacity 1, the default).',
  }),
  // Counter-insurgency pressure (Kress & Szechtman 2009)
  define({
    id: 'intelligenceGrowthRate', description: 'Monthly growth of an area\'s intelligence on ISIS cells (share of the gap to complete) per unit of operations tempo × population cooperation.', unit: 'share of the gap per month',
    value: 0.1, range: [0.02, 0.3], integer: false, calibration: true,
    source: 'Judgement. Kress & Szechtman (2009), "Why defeating insurgencies is hard: the effect of intelligence in counterinsurgency operations", Operations Research 57(3): intelligence comes from the population and from presence; the rate is not measured. Equilibrium intelligence γτc/(γτc + δ) is approached with time constant 1/(γτc + δ) ≈ 7 months.',
  }),
  define({
    id: 'intelligenceDecayRate', description: 'Monthly decay of intelligence (informants lost, cells adapt) when nothing renews it.', unit: 'share per month',
    value: 0.05, range: [0.01, 0.2], integer: false, calibration: true,
    source: 'Judgement (half-life ~14 months); Kress & Szechtman (2009) treat intelligence as a stock that must be maintained.',
  }),
  define({
    id: 'collateralGrievance', description: 'Grievance added per unit of untargeted pressure (tempo × (1 − intelligence) × presence) above the start\'s: sloppy pressure feeds recruitment.', unit: 'grievance index per unit',
    value: 0.3, range: [0, 1], integer: false, calibration: true,
    source: 'Judgement. Kress & Szechtman (2009): untargeted fire causes collateral casualties that recruit insurgents; Condra & Shapiro (2012), AJPS 56(1): civilian casualties caused by coalition forces raised insurgent violence in Iraq (2004-2009).',
  }),
  // ISIS as a strategic actor
  define({
    id: 'lieLowPressure', description: 'Expected monthly loss rate (fighter-weighted hazard, were cells not hiding) above which ISIS lies low: every cell hides and rebuilds; it resumes when the pressure falls below 80% of this.', unit: 'share per month',
    value: 0.045, range: [0.02, 0.1], integer: false, calibration: true,
    source: 'Judgement. ISIS "went into hibernation" in Iraq in late 2018 under pressure and rebuilt in the desert (Musings on Iraq, Jan 2019; B; Knights, CTC Sentinel Dec 2018, "losing power, preserving strength"; B). The baseline\'s pressure is ~2.4%/month at the start (falling after), so it does not lie low.',
  }),
  define({
    id: 'reboundCampaignMonths', description: 'Months of the offensive campaign (a surge at full intensity) ISIS launches when it resumes after lying low for at least reboundAfterMonths; 0: it just resumes.', unit: 'months',
    value: 0, range: [0, 12], integer: true, calibration: false,
    source: 'Judgement, off by default: the shipped posteriors were fitted without it (in the calibrated 2018 back-test about half the runs lie low in 2018 and resume), so switching it on is a question to ask, not a fitted fact. The pattern it describes: the 2018 "hibernation" was followed by the 2019 "Battle of Attrition" campaigns (Knights & Almeida, CTC Sentinel May 2020; B), and the Islamic State of Iraq\'s rebuilding of 2009-2011 by the "Breaking the Walls" campaign of Jul 2012-Jul 2013 (Lewis, ISW Middle East Security Report 14, 2013; B; Whiteside, Perspectives on Terrorism 10(4), 2016).',
  }),
  define({
    id: 'reboundAfterMonths', description: 'Months ISIS must have lain low before it resumes with a campaign (see reboundCampaignMonths).', unit: 'months',
    value: 6, range: [1, 24], integer: true, calibration: false,
    source: 'Judgement: the 2018 hibernation lasted most of a year before the 2019 campaigns (Knights, CTC Sentinel Dec 2018; Knights & Almeida, CTC Sentinel May 2020; B); a few months of lying low is a pause, not a rebuilding.',
  }),
  define({
    id: 'surgeAttackMultiplier', description: 'Attacks per fighter during a campaign month (factor isisCampaign = 1) relative to normal operations; cells do not hide during a campaign.', unit: 'multiplier',
    value: 1.5, range: [1, 3], integer: false, calibration: true,
    source: 'Judgement: Iraq attacks rose 94% from 2019 Q1 to 2020 Q1 (natoassociation.ca, 2020; C) through campaigns and rebuilding together; a 1.5× surge month is a fraction of that.',
  }),
  define({
    id: 'targetCapacity', description: 'Most attacks a month an area offers per 1,000 targets in contact (security personnel at their posts plus residents / 100, times 1 + 0.1 × the main-road score): attacks saturate towards it (Holling type II).', unit: 'attacks per 1,000 targets per month',
    value: 10, range: [2, 40], integer: false, calibration: true,
    source: 'Judgement: attacks need targets (checkpoints, patrols, officials, traffic on roads), so cells pulled into an empty desert attack less; the article: "ISIS often attack near main roads". At 10, western Anbar offers ~730 attacks a month (it saw ~30 in the baseline\'s first month, so the limit barely binds there) and the eastern Homs Badia ~110, where cells crowd. At 4 the limit binds enough to flatten the baseline\'s Iraq attacks over 36 months (measured: 167 → 177 a month, against 193 → 268 without the limit), i.e. it would decide the article\'s question by itself: a value no source supports either way.',
  }),
  define({
    id: 'attackDispersion', description: 'Variance of the month-level shock shared by all cells of an area (gamma, mean 1): monthly attack counts are negative binomial per area, not Poisson.', unit: 'squared coefficient of variation',
    value: 0.11, range: [0, 0.5], integer: false, calibration: true,
    source: 'Estimated by moments from the only monthly Iraq series published by mid-2020 with more than four months (tests/calibration/attackDispersion.test.ts): press-reported incidents Jun 2018-Apr 2019 (Musings on Iraq; B) vary around a log-linear trend with an excess squared CV of 0.021 over Poisson (an excess that reporting a fixed share of events leaves unchanged); spread over the Iraqi areas that share attacks (Σ w² = 0.18 in the baseline\'s first month) that is 0.021 / 0.18 = 0.11 per area. Eleven months: a rough estimate (its relative SE is about sqrt(2/9) ≈ 0.5).',
  }),
  // The territory contest (rules/territory.ts, stepContest): security forces that collapse or withdraw
  define({
    id: 'moraleRecoveryRate', description: "Monthly recovery of an area's security-force morale towards 1 (share of the gap) when nothing erodes it.", unit: 'share of the gap per month',
    value: 0.15, range: [0.05, 0.5], integer: false, calibration: true,
    source: 'Judgement: units regain cohesion within months of a quiet spell (rotation, pay, replacements); McLauchlin (2010, Comparative Politics 42(3)) on desertion as a response to sustained local risk rather than to a single blow.',
  }),
  define({
    id: 'moraleRatioOnset', description: 'Fighters per effective security personnel-equivalent in an area above which the local balance erodes the defenders\' morale.', unit: 'ratio',
    value: 1.25, range: [0.3, 2], integer: false, calibration: true,
    source: 'Judgement, set so that the contest does not trigger in 2020 conditions: in the shipped 2020 scenarios the ratio is below 0.69 in 99% of area-months with 100+ fighters, but it passes 1.5 in the tails (1,000 runs with uncertainty; measured), and at 0.75 or 1 a few runs in 1,000 collapsed; at 1.25 one run in 1,000 of baseline-2020 (seed 2020) does, in its month 34, after ISIS has outnumbered the western Homs garrison two to one for eight months. The ratio is one input of the contest, not the whole of it.',
  }),
  define({
    id: 'moraleRatioLoss', description: 'Morale lost per month per unit of the fighters/security ratio above moraleRatioOnset (before the leadership multiplier).', unit: 'morale per month per unit ratio',
    value: 0.15, range: [0, 1], integer: false, calibration: true, source: 'Judgement: with intact leadership, at 1.5 × the onset ratio a force settles near morale 0.4 (1 − 0.094 / 0.15) and holds; at twice it loses 0.19 a month and collapses within about five months; without leadership (×4) it breaks within a few months at 1.5×.',
  }),
  define({
    id: 'moraleAttackOnset', description: 'ISIS attacks a month per 1,000 effective security personnel that a force absorbs without losing morale.', unit: 'attacks per 1,000 personnel per month',
    value: 100, range: [10, 300], integer: false, calibration: true,
    source: 'Judgement, set above the local attack intensities of the shipped 2020 scenarios outside the worst case (99% of area-months below 22 per 1,000 a month; maxima 60-77 in the Syrian desert garrisons over 300-1,000 runs; measured), so that the contest does not trigger in 2020 conditions.',
  }),
  define({
    id: 'moraleAttackLoss', description: 'Morale lost per month per attack per 1,000 effective personnel above moraleAttackOnset (before the leadership multiplier): sustained local losses.', unit: 'morale per (attack per 1,000 personnel)',
    value: 0.004, range: [0, 0.02], integer: false, calibration: true,
    source: 'Judgement: at twice the onset a force with intact leadership loses 0.4 of its morale a month, so that a months-long campaign against a hollow force breaks it, as Mosul\'s garrison broke after a year of intimidation and the June 2014 offensive (Iraqi parliamentary Mosul inquiry, Aug 2015; Cordesman, CSIS, 2014).',
  }),
  define({
    id: 'moraleLeadershipWeight', description: 'How much absent leadership and pay multiply the morale an area loses: × (1 + w·gap), gap = 1 − (1 − iraqGovernanceGap)(1 − covidDiversion) in Iraq, 0 in Syria.', unit: 'multiplier per unit gap',
    value: 3, range: [0, 5], integer: false, calibration: true,
    source: 'Judgement (a force with no government behind it loses morale four times as fast); the Mosul inquiry (2015) and Cordesman (CSIS, 2014) put the collapse of June 2014 down to absent commanders, unpaid and "ghost" soldiers and sectarian command, more than to the attackers\' numbers; Lyall (2020, Divided Armies, Princeton UP) finds that armies whose rank and file are marginalised collapse and desert far more often.',
  }),
  define({
    id: 'collapseThreshold', description: "Morale below which an area's security forces collapse: they withdraw, leaving withdrawalFloor of their personnel.", unit: 'morale 0-1',
    value: 0.3, range: [0.05, 0.6], integer: false, calibration: true, source: 'Judgement.',
  }),
  define({
    id: 'withdrawalFloor', description: "Share of an area's security personnel still there while its forces are withdrawn after a collapse.", unit: 'share',
    value: 0.1, range: [0, 0.5], integer: false, calibration: true,
    source: 'Judgement: at Mosul in June 2014 two divisions and the federal police left the city to some 1,000-1,500 attackers; a remnant (Kurdish and local units) stayed at its edges (Mosul inquiry, 2015; Cordesman, CSIS, 2014).',
  }),
  define({
    id: 'withdrawalMonths', description: 'Months the security forces of an area stay withdrawn after a collapse before they return (with morale restored).', unit: 'months',
    value: 6, range: [1, 36], integer: true, calibration: true,
    source: 'Judgement: after June 2014 the Iraqi army began retaking ground within months (Tikrit, Mar 2015) but Mosul only in Oct 2016; six months is a middle value for an area the size of a governorate.',
  }),
] as const satisfies readonly ParameterDefinition[];

/** The id of a model parameter. */
export type ParameterId = (typeof PARAMETERS)[number]['id'];

/** Parameter values by id. */
export type ParameterValues = Readonly<Record<ParameterId, number>>;

/** The registry keyed by id. */
export const PARAMETERS_BY_ID: Readonly<Record<ParameterId, ParameterDefinition>> = Object.fromEntries(
  PARAMETERS.map((parameter) => [parameter.id, parameter]),
) as unknown as Record<ParameterId, ParameterDefinition>;

/** The default value of every parameter. */
export const DEFAULT_PARAMETERS: ParameterValues = Object.fromEntries(
  PARAMETERS.map((parameter) => [parameter.id, parameter.value]),
) as Record<ParameterId, number>;
