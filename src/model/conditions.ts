import type { ModelInputs } from './inputs.js';
import type { ModelState } from './state.js';

/** The parts of a run's state that security conditions depend on. */
export type ConditionsState = Pick<ModelState, 'iraqiForceQuality' | 'detainees' | 'campEscaped' | 'intelligence' | 'intelligenceReference'> &
  Partial<Pick<ModelState, 'withdrawnMonths'>>;

/**
 * What cells face in each area this month, derived from the factors. Everything the article's
 * factors change flows through here: this is the model's "security pressure" mechanism.
 */
export interface AreaConditions {
  /** Effective counter-ISIS personnel-equivalents present. */
  readonly security: Float64Array;
  /** security / personnel needed (Quinlivan's standard for the population plus the desert to cover). */
  readonly coverage: Float64Array;
  /** coverage after desert concealment: what cells actually feel. */
  readonly effectiveCoverage: Float64Array;
  /** Monthly loss hazard per fighter (ground pressure plus air strikes). */
  readonly lossHazard: Float64Array;
  /** Perceived arrest risk, Epstein's P = 1 − exp(−k · effective coverage). */
  readonly perceivedRisk: Float64Array;
  /** Epstein's net grievance G − R·P − T, floored at 0: what drives recruitment. */
  readonly netGrievance: Float64Array;
  /** SDF guards still short at detention sites, as a share of those needed (0 = fully guarded). */
  readonly guardShortfall: Float64Array;
  /**
   * The population's cooperation with the security forces, 1 − grievance (collateral grievance
   * included), floored at 0: what intelligence grows from (see `stepIntelligence`).
   */
  readonly cooperation: Float64Array;
}

/** Allocates a conditions buffer for `areaCount` areas. */
export function createAreaConditions(areaCount: number): AreaConditions {
  const column = () => new Float64Array(areaCount);
  return {
    security: column(),
    coverage: column(),
    effectiveCoverage: column(),
    lossHazard: column(),
    perceivedRisk: column(),
    netGrievance: column(),
    guardShortfall: column(),
    cooperation: column(),
  };
}

// The US postures the partnering multiplier is normalised to (multiplier 1):
// Iraq, 5,000 troops at 5 bases in Mar 2020 (Rudaw, 19 Mar 2020; B);
// Syria, 600 troops in Nov 2019 (Milley; B).
const US_IRAQ_REFERENCE_TROOPS = 5000;
const US_IRAQ_REFERENCE_BASES = 5;
const US_SYRIA_REFERENCE_TROOPS = 600;

/**
 * US presence in Iraq relative to the Mar 2020 posture: the geometric mean of the troop and
 * base ratios, because troops without bases lose reach and bases without troops do nothing.
 */
export function usPresenceIraq(troops: number, bases: number): number {
  return Math.sqrt(Math.max(0, troops / US_IRAQ_REFERENCE_TROOPS) * Math.max(0, bases / US_IRAQ_REFERENCE_BASES));
}

/** US presence in Syria relative to the Nov 2019 posture. */
export function usPresenceSyria(troops: number): number {
  return Math.max(0, troops / US_SYRIA_REFERENCE_TROOPS);
}

/**
 * Fills `out` with the conditions of month `month`. Reads the factors, the parameters and the
 * state they depend on: Iraqi force quality (eroded while training is suspended), the
 * detainees and camp residents still held (guards are needed for those, not for those gone), and
 * each area's intelligence. Each actor's mapped personnel is replaced by the personnel a
 * scheduled `control` event gives it (`inputs.events.forcePersonnel`), if any, and multiplied by
 * the scenario's scheduled force level for the month, if any (`inputs.events.forceScale`). Where
 * the area's forces have collapsed and withdrawn (`state.withdrawnMonths` > 0, see
 * `stepContest`), every actor keeps only `withdrawalFloor` of its personnel there.
 *
 * Counter-insurgency pressure (Kress & Szechtman 2009, Operations Research 57(3)): the ground
 * hazard grows with effective coverage × operations tempo × targeting (the perceived arrest
 * risk with effective coverage × tempo: people see raids, not intelligence), where targeting = intelligence / its value at the start (`startingIntelligence`),
 * so that intelligence-led (targeted) attrition rises as intelligence does. The untargeted part
 * of the pressure, tempo × (1 − intelligence) × presence (presence = coverage, at most 1), adds
 * `collateralGrievance` × its excess over the start's to the area's grievance: pressure without
 * intelligence feeds recruitment and lowers cooperation (Condra & Shapiro 2012, AJPS 56(1)).
 * With the baseline's tempo (1) and intelligence at its start, both terms are exactly those of
 * the model without them. Writes only into `out`.
 */
export function computeAreaConditionsInto(out: AreaConditions, inputs: ModelInputs, month: number, state: ConditionsState): void {
  const { areas, parameters: p, factors: f } = inputs;
  const at = (series: Float64Array) => series[month] as number;
  const presenceIraq = usPresenceIraq(at(f.usTroopsIraq), at(f.usBasesIraq));
  const presenceSyria = usPresenceSyria(at(f.usTroopsSyria));
  const partnerIraq = (1 + p.usPartnerBoost * presenceIraq) / (1 + p.usPartnerBoost);
  const partnerSyria = (1 + p.usPartnerBoost * presenceSyria) / (1 + p.usPartnerBoost);
  // ISR that guides strikes needs people on the ground: half of it goes with them.
  const airIraq = p.airStrikeHazard * at(f.coalitionAirSupport) * (0.5 + 0.5 * Math.min(1, presenceIraq));
  const airSyria = p.airStrikeHazard * at(f.coalitionAirSupport) * (0.5 + 0.5 * Math.min(1, presenceSyria));
  const governance = 1 - p.governanceCoordinationLoss * at(f.iraqGovernanceGap);
  const iraqiAvailability = (1 - at(f.covidDiversion)) * state.iraqiForceQuality * governance;
  const militiaEffort = at(f.iranMilitiaEffort);
  const sdfAvailable = 1 - at(f.sdfTurkishFront);
  const syrianArmy = at(f.syrianArmyDesertPresence);
  const concealmentScale = at(f.desertSanctuary);
  const tension = at(f.sectarianTension);
  const campTotal = at(f.campPopulation);
  const tempoIraq = at(f.iraqiOperationsTempo);
  const tempoSyria = at(f.syriaOperationsTempo);
  const legitimacyIraq = p.legitimacyIraq * (1 - 0.5 * at(f.iraqGovernanceGap));
  const s = areas.security;
  const scale = inputs.events?.forceScale;
  const personnel = inputs.events?.forcePersonnel;
  const withdrawn = state.withdrawnMonths;
  const offset = month * areas.count;
  const level = (actor: keyof typeof s, a: number) => {
    const series = scale?.[actor];
    const held = personnel?.[actor]?.[offset + a];
    const mapped = held === undefined || Number.isNaN(held) ? (s[actor][a] as number) : held;
    const present = mapped * (series === undefined ? 1 : (series[offset + a] as number));
    return withdrawn !== undefined && (withdrawn[a] as number) > 0 ? present * p.withdrawalFloor : present;
  };

  for (let a = 0; a < areas.count; a++) {
    const iraq = areas.isIraq[a] === 1;
    const campResidents = Math.max(0, (areas.campShare[a] as number) * campTotal - (state.campEscaped[a] as number));
    const guardsNeeded = (state.detainees[a] as number) * p.guardsPerDetainee + campResidents * p.guardsPerCampResident;
    const sdfPresent = level('sdf', a) * sdfAvailable;
    const sdfFree = Math.max(0, sdfPresent - guardsNeeded);
    out.guardShortfall[a] = guardsNeeded > 0 ? Math.max(0, 1 - sdfPresent / guardsNeeded) : 0;

    const security =
      level('iraqiForces', a) * iraqiAvailability * partnerIraq +
      level('iranBackedMilitias', a) * militiaEffort * (iraq ? governance : 1) +
      level('peshmerga', a) * partnerIraq +
      sdfFree * partnerSyria +
      level('syrianArmy', a) * syrianArmy;
    const needed =
      ((areas.population[a] as number) / 1000) * p.forceRatioStandard + (areas.desertKm2[a] as number) * p.desertPersonnelPerKm2;
    const coverage = needed > 0 ? security / needed : 0;
    const concealment = concealmentScale * (areas.desertShare[a] as number);
    const effective = coverage * (1 - concealment);
    const air = iraq ? airIraq : airSyria;
    const tempo = iraq ? tempoIraq : tempoSyria;
    const intelligence = state.intelligence[a] as number;
    const reference = state.intelligenceReference[a] as number;
    const targeting = reference > 1e-9 ? intelligence / reference : 1;
    const pressure = effective * tempo * targeting;
    const risk = 1 - Math.exp(-p.arrestRiskK * effective * tempo);
    const legitimacy = iraq ? legitimacyIraq : p.legitimacySyria;
    const presence = Math.min(1, coverage);
    const collateral = p.collateralGrievance * presence * (tempo * (1 - intelligence) - (1 - reference));
    const grievance = Math.max(0, tension * (areas.sunniArabShare[a] as number) * (1 - legitimacy) + collateral);

    out.security[a] = security;
    out.coverage[a] = coverage;
    out.effectiveCoverage[a] = effective;
    out.lossHazard[a] = 1 - Math.exp(-p.detectionScale * pressure) + air * (1 - concealment);
    out.cooperation[a] = Math.max(0, 1 - grievance);
    out.perceivedRisk[a] = risk;
    out.netGrievance[a] = Math.max(0, grievance - p.riskAversion * risk - p.activationThreshold);
  }
}
