import { iraqTotal } from '../model/areas.js';
import { computeAreaConditionsInto, createAreaConditions } from '../model/conditions.js';
import type { ModelInputs } from '../model/inputs.js';
import { OBSERVABLE_IDS, OBSERVABLE_INDEX as O, type ObservableId } from '../model/observables.js';
import { incomeYield } from '../model/resurgenceModel.js';
import { extortionWeight } from '../model/rules/finance.js';
import { areaAttractiveness } from '../model/rules/movement.js';
import { applyLeadershipShock, stepOrganisation } from '../model/rules/organisation.js';
import { surgeMultiplier } from '../model/rules/attacks.js';
import { stepIntelligence } from '../model/rules/intelligence.js';
import { areaHides, hidingAreas, stepPosture } from '../model/rules/posture.js';
import { areaTargetCapacity, targetLimit } from '../model/rules/targets.js';
import { assessTerritory, stepContest, withdrawnAreas } from '../model/rules/territory.js';
import { createInitialState } from '../model/state.js';

/** Options of {@link meanField}. */
export interface MeanFieldOptions {
  /**
   * Substeps per month (an integer ≥ 1). Default 1: the month's rules applied once, in the
   * agent model's order, which is the expected-value map of the model itself. With k > 1 each
   * rule is applied k times a month at 1/k of its monthly rate (Poisson means ÷ k, monthly
   * probabilities p → 1 − (1 − p)^(1/k), income and payroll ÷ k): a Lie–Trotter splitting whose
   * limit as k → ∞ is the continuous-time ODE with the same monthly hazards. It differs from
   * k = 1 by the O(rate²) interactions between rules within a month (a few % over 24 months);
   * use k = 1 to compare with runs.
   */
  readonly stepsPerMonth?: number;
}

/** What {@link meanField} returns: the observables in a run's layout, plus fighters per area. */
export interface MeanFieldResult {
  readonly observables: readonly ObservableId[];
  /** Row-major like a run's series: `series[month * observables.length + k]`. */
  readonly series: Float64Array;
  /** Expected fighters per area at the end of each month: `areaFighters[month * areas + a]`. */
  readonly areaFighters: Float64Array;
}

/**
 * The mean field of the resurgence model: its per-area rules with every random draw replaced
 * by its expectation and cells replaced by per-area fighter densities F[a] and cash C[a]. A
 * deterministic difference equation over (F, C, reserves, detainees, camp departures), with the
 * deterministic parts (conditions, organisation, territory, initial state, income yield) taken
 * from the model's own functions so that the two cannot drift apart. Each month, in the rules'
 * order (src/model/resurgenceModel.ts):
 *
 * 1. **Losses** (rules/losses.ts). Binomial(cell, min(1, exposure)) summed over an area's
 *    cells has mean F·min(1, exposure): exact given F. Hiding is a threshold on the *area's*
 *    hazard (the same for every cell there), which depends only on factors, Iraqi force quality
 *    and guard needs: it is applied as in the model, exactly (its input, the detainees still
 *    held, is itself replaced by its mean, see 6).
 * 2. **Finance** (rules/finance.ts). Each area is treated as one representative cell holding
 *    the area's cash: earned = yield·F·weight, payroll = F·salary, a shortfall drawn from the
 *    reserves (× coordination), expected desertion F·desertionRate·min(1, unpaid share), cash
 *    above two months of payroll sent to the centre. Approximation: the model applies the
 *    min/max per *cell*; aggregating is exact only when all cells of an area are in the same
 *    regime (all short, or all at the cap). Cells born with no cash (breakouts, camps) or with
 *    half (splits) break that for a few months; the areas are visited in index order when
 *    reserves run out (the model visits cells in storage order).
 * 3. **Recruitment** (rules/recruitment.ts). Poisson(rate·fighters·G·room) per cell, with room
 *    computed from the area's count: the area's sum is rate·F·G·(1 − F/pool)⁺, logistic. Exact
 *    given F; E[F·(1 − F/pool)] = E[F](1 − E[F]/pool) − Var F/pool, a Jensen gap of relative
 *    size Var F/(F·pool) that shrinks as populations grow.
 * 0. **Posture** (rules/posture.ts) is chosen at the start of the month from the pressure at
 *    the mean F, by the model's own function (exact given F; an indicator, so near the
 *    threshold the ensemble mixes postures and the mean field picks one).
 * 4. **Attacks** (rules/attacks.ts). The wanted attacks of an area are linear in fighters:
 *    W = attackRate · coordination · network capacity · surge · F · opportunity · (hiding
 *    share); the target limit W/(1 + W/capacity) is applied at the mean F (a Jensen gap where
 *    it binds: the limit is concave in F); the month's shock has mean 1 and is independent of
 *    F, so it drops out of the mean. Claims: claimShare × attacks.
 * 5. **Movement** (rules/movement.ts). A cell considers a move with probability m and picks one
 *    of its area's d neighbours uniformly; it moves if the neighbour is more attractive (as the
 *    month's movement began). Expected flow a → b = F[a]·m/d·1[A(b) > A(a)], and cells carry
 *    their cash, so C flows in the same proportion. Approximation: attractiveness depends on
 *    crowding F/pool, and the indicator is evaluated at the mean F; where two areas are nearly
 *    tied, fluctuations flip it in some runs and the true expectation is a smooth step instead.
 * 6. **Breakouts** (rules/breakouts.ts). One Bernoulli break per area with probability
 *    q = 1 − exp(−breakoutRate·F/1000·(1 + 3·shortfall)), freeing escapeShare of the detainees:
 *    expected freed q·held·escapeShare, rejoining × rejoinShare, detainees held reduced by the
 *    expected escapes. Approximation: q is evaluated at the mean F, and a break is a single
 *    area-level event whose size scales with the detainees, so it does not average out.
 * 7. **Camp escapes** (rules/campEscapes.ts). Binomial(residents, min(1, rate)): expected
 *    residents·rate leave and campJoinShare of them join. The model rounds residents to whole
 *    people; here they stay real. Joiners of 6 and 7 arrive after both are computed, as in the
 *    model (neither sees the other's new cells).
 * 8. **Cells** (rules/cells.ts). Splitting and compaction change how fighters are grouped, not
 *    how many: they have no mean-field counterpart. Approximation: the cash of a cell that loses
 *    all its fighters goes back to the reserves in the model; here an area's cash stays with it
 *    (it only matters for areas emptied entirely).
 * 9. **Organisation**, **intelligence** and **territory** are deterministic given F:
 *    coordination, Iraqi force quality and each area's intelligence evolve exactly as in the
 *    model (by its own functions); areas operating/held are the model's thresholds
 *    applied to the mean F. Approximation: E[1(F ≥ θ)] = P(F ≥ θ) ≠ 1(E F ≥ θ) near a
 *    threshold, so these two counts are only indicative. The **contest** (`stepContest`)
 *    runs on the mean F and the expected attacks of each area (the month's sum over
 *    sub-steps; the model uses the attacks of its shocked rate at the month's fighters before
 *    movement): a collapse is a threshold on morale, so where the ensemble collapses in some
 *    runs only, the mean field collapses in all or none.
 *
 * Why the exact large-population convergence test is impossible on the full model: a mean
 * field is the limit of a sequence of models, and this one has no scale that leaves it
 * unchanged. (a) Breakouts and camp escapes contain the absolute constant "per 1,000 fighters",
 * so scaling fighters changes those rates (breakoutRate can absorb it; the camps' 1 + F/1000
 * cannot); (b) a prison break is one Bernoulli event per area whose size grows with the
 * population, so the relative fluctuation it causes does not shrink; (c) the per-cell cash
 * thresholds of finance (2) and the hiding, movement and territory indicators (1, 5, 9) make the
 * expected dynamics non-smooth, and the cell-level heterogeneity of cash is not reduced by
 * having more cells; (d) the month-level attack shock shared by an area's cells
 * (`attackDispersion`) is, by design, not averaged out by more cells. `scaleModelInputs` scales
 * everything that can be scaled; with breakouts, camp escapes and the shock switched off the gap does shrink with the scale (tested: the RMS relative gap of
 * fighters and attacks over 24 months fell 3.4% → 1.7% → 0.80% at scales 1, 4, 16, a log-log
 * slope of −0.52 ± 0.03, so over this range the remaining approximations are hidden below the
 * fluctuations; they must show as a floor at some larger scale). With them on, the fighters'
 * gap fell only 1.1% → 0.8% → 0.6% (slope ≈ −0.2). The exact N^(−1/2) rate is established on
 * the reduced Deitchman model (`guerrillaWarfareModel`: slope −0.504 ± 0.009 over N = 100 …
 * 6,400).
 *
 * Cost: O(months × stepsPerMonth × (areas + adjacency)), microseconds against a run's
 * milliseconds.
 *
 * @example
 * const result = meanField(inputs); // baseline-2020 inputs, months: 24
 * result.series[23 * result.observables.length + result.observables.indexOf('fighters')];
 * // 15467.58 (a 200-run ensemble's mean: 15,475 ± 11)
 */
export function meanField(inputs: ModelInputs, options: MeanFieldOptions = {}): MeanFieldResult {
  const stepsPerMonth = options.stepsPerMonth ?? 1;
  if (!Number.isInteger(stepsPerMonth) || stepsPerMonth < 1) {
    throw new RangeError(`invalid stepsPerMonth: ${stepsPerMonth} (expected an integer ≥ 1)`);
  }
  const { areas, parameters: p, factors } = inputs;
  const count = areas.count;
  const tau = 1 / stepsPerMonth;
  const perStep = (probability: number) => (stepsPerMonth === 1 ? probability : 1 - Math.pow(1 - probability, tau));

  // The model's own start (deterministic); its non-cell fields carry the mean-field state of
  // coordination, force quality, detainees and camp departures, and its areaFighters column is
  // set to F wherever a model function reads it.
  const state = createInitialState(inputs);
  const fighters = new Float64Array(count);
  for (let c = 0; c < state.cellCount; c++) {
    const area = state.cellArea[c] as number;
    fighters[area] = (fighters[area] as number) + (state.cellFighters[c] as number);
  }
  const cash = new Float64Array(count);
  for (let c = 0; c < state.cellCount; c++) {
    const area = state.cellArea[c] as number;
    cash[area] = (cash[area] as number) + (state.cellCash[c] as number);
  }
  const yieldPerWeight = incomeYield(inputs);
  const capacity = areaTargetCapacity(inputs);
  const conditions = createAreaConditions(count);
  const hiding = new Uint8Array(count);
  const attractiveness = new Float64Array(count);
  const flowFighters = new Float64Array(count);
  const flowCash = new Float64Array(count);
  const joiners = new Float64Array(count);
  const areaAttacks = new Float64Array(count);

  const width = OBSERVABLE_IDS.length;
  const series = new Float64Array(inputs.months * width);
  const areaFighters = new Float64Array(inputs.months * count);

  for (let month = 0; month < inputs.months; month++) {
    applyLeadershipShock(state, inputs, month);
    computeAreaConditionsInto(conditions, inputs, month, state);
    state.areaFighters.set(fighters);
    stepPosture(state, conditions, inputs, month);
    const hidingCount = hidingAreas(state, conditions, inputs);
    const incomeScale = (factors.extortionIncome[month] as number) / (inputs.baselineAtStart.extortionIncome || 1);
    const campPopulation = factors.campPopulation[month] as number;
    let lost = 0, deserted = 0, income = 0, recruits = 0, attacksIraq = 0, attacksSyria = 0;
    let freed = 0, rejoined = 0, campLeft = 0, campJoined = 0;
    areaAttacks.fill(0);

    for (let sub = 0; sub < stepsPerMonth; sub++) {
      // 1. Losses.
      for (let a = 0; a < count; a++) {
        const hazard = conditions.lossHazard[a] as number;
        const hides = areaHides(state.posture, conditions, inputs, a);
        hiding[a] = hides ? 1 : 0;
        const exposure = hides ? hazard * p.hidingProtection : hazard;
        const loss = (fighters[a] as number) * perStep(Math.min(1, exposure));
        fighters[a] = (fighters[a] as number) - loss;
        lost += loss;
      }
      // 2. Finance, one representative cell per area.
      for (let a = 0; a < count; a++) {
        const present = fighters[a] as number;
        if (present <= 0) continue;
        const earned = yieldPerWeight * incomeScale * present * extortionWeight(areas.mainRoads[a] as number, conditions.perceivedRisk[a] as number) * tau;
        income += earned;
        const payroll = present * p.salaryPerFighter * tau;
        let balance = (cash[a] as number) + earned - payroll;
        if (balance < 0) {
          const transfer = Math.min(-balance, state.reserves) * state.coordination;
          state.reserves -= transfer;
          balance += transfer;
        }
        if (balance < 0) {
          const unpaidShare = Math.min(1, -balance / payroll);
          const leaving = present * perStep(p.desertionRate * unpaidShare);
          fighters[a] = present - leaving;
          deserted += leaving;
          balance = 0;
        }
        const keep = 2 * present * p.salaryPerFighter;
        if (balance > keep) {
          state.reserves += balance - keep;
          balance = keep;
        }
        cash[a] = balance;
      }
      // 3. Recruitment: logistic in the area's mobilisable pool.
      const recruitRate = p.recruitRate * state.coordination;
      for (let a = 0; a < count; a++) {
        const present = fighters[a] as number;
        const grievance = conditions.netGrievance[a] as number;
        if (present <= 0 || grievance <= 0) continue;
        const pool = p.mobilisableShare * (areas.population[a] as number) * (areas.sunniArabShare[a] as number);
        const room = pool > 0 ? 1 - present / pool : 0;
        if (room <= 0) continue;
        const joined = recruitRate * present * grievance * room * tau;
        fighters[a] = present + joined;
        recruits += joined;
      }
      // 4. Attacks.
      const attackRate = p.attackRate * state.coordination * state.networkCapacity * surgeMultiplier(state, inputs);
      for (let a = 0; a < count; a++) {
        const opportunity = 0.3 + 0.7 * (1 - (conditions.perceivedRisk[a] as number));
        const share = hiding[a] ? p.hidingAttackShare : 1;
        const wanted = attackRate * (fighters[a] as number) * opportunity * share;
        const attacks = wanted * targetLimit(wanted, capacity[a] as number) * tau;
        areaAttacks[a] = (areaAttacks[a] as number) + attacks;
        if (areas.isIraq[a]) attacksIraq += attacks;
        else attacksSyria += attacks;
      }
      // 5. Movement: expected flows towards more attractive neighbours, cash moving with cells.
      state.areaFighters.set(fighters);
      for (let a = 0; a < count; a++) attractiveness[a] = areaAttractiveness(state, conditions, inputs, a);
      const considers = perStep(p.moveProbability);
      flowFighters.fill(0);
      flowCash.fill(0);
      for (let a = 0; a < count; a++) {
        const first = areas.neighbourStart[a] as number;
        const degree = (areas.neighbourStart[a + 1] as number) - first;
        if (degree === 0 || (fighters[a] as number) <= 0) continue;
        for (let i = first; i < first + degree; i++) {
          const b = areas.neighbours[i] as number;
          if (!((attractiveness[b] as number) > (attractiveness[a] as number))) continue;
          const movedFighters = ((fighters[a] as number) * considers) / degree;
          const movedCash = ((cash[a] as number) * considers) / degree;
          flowFighters[a] = (flowFighters[a] as number) - movedFighters;
          flowFighters[b] = (flowFighters[b] as number) + movedFighters;
          flowCash[a] = (flowCash[a] as number) - movedCash;
          flowCash[b] = (flowCash[b] as number) + movedCash;
        }
      }
      for (let a = 0; a < count; a++) {
        fighters[a] = Math.max(0, (fighters[a] as number) + (flowFighters[a] as number));
        cash[a] = Math.max(0, (cash[a] as number) + (flowCash[a] as number));
      }
      // 6–7. Breakouts and camp escapes, both seeing the fighters after movement.
      joiners.fill(0);
      for (let a = 0; a < count; a++) {
        const held = state.detainees[a] as number;
        const shortfall = conditions.guardShortfall[a] as number;
        if (held > 0) {
          const pressure = ((fighters[a] as number) / 1000) * (1 + 3 * shortfall);
          const breaks = 1 - Math.exp(-p.breakoutRate * pressure * tau);
          const escaped = breaks * held * p.escapeShare;
          state.detainees[a] = held - escaped;
          freed += escaped;
          rejoined += escaped * p.rejoinShare;
          joiners[a] = (joiners[a] as number) + escaped * p.rejoinShare;
        }
        const residents = Math.max(0, (areas.campShare[a] as number) * campPopulation - (state.campEscaped[a] as number));
        if (residents > 0) {
          const rate = p.campEscapeRate * (1 + 3 * shortfall) * (1 + (fighters[a] as number) / 1000);
          const leaving = residents * perStep(Math.min(1, rate));
          state.campEscaped[a] = (state.campEscaped[a] as number) + leaving;
          campLeft += leaving;
          campJoined += leaving * p.campJoinShare;
          joiners[a] = (joiners[a] as number) + leaving * p.campJoinShare;
        }
      }
      for (let a = 0; a < count; a++) fighters[a] = (fighters[a] as number) + (joiners[a] as number);
    }
    // Scheduled events (rules/scheduledEvents.ts), once a month: a break frees its expected size
    // (the uniform's mean, capped at those still held; the model rounds), foreign fighters arrive.
    if (inputs.events) {
      for (const event of inputs.events.prisonBreaks) {
        if (event.month !== month) continue;
        const held = state.detainees[event.area] as number;
        const escaped = Math.min(held, (event.low + event.high) / 2);
        state.detainees[event.area] = held - escaped;
        freed += escaped;
        rejoined += escaped * p.rejoinShare;
        fighters[event.area] = (fighters[event.area] as number) + escaped * p.rejoinShare;
      }
      for (const event of inputs.events.influxes) {
        if (event.month !== month) continue;
        rejoined += event.fighters;
        fighters[event.area] = (fighters[event.area] as number) + event.fighters;
      }
    }

    stepOrganisation(state, inputs, month);
    stepIntelligence(state, conditions, inputs, month);
    state.areaFighters.set(fighters);
    const territory = assessTerritory(state, conditions, inputs);
    stepContest(state, conditions, inputs, month, areaAttacks);
    let total = 0;
    for (let a = 0; a < count; a++) total += fighters[a] as number;
    const totalIraq = iraqTotal(inputs.areas, fighters);
    areaFighters.set(fighters, month * count);

    const row = series.subarray(month * width, (month + 1) * width);
    const attacks = attacksIraq + attacksSyria;
    row[O.attacksIraq] = attacksIraq;
    row[O.attacksSyria] = attacksSyria;
    row[O.attacks] = attacks;
    row[O.claimedAttacks] = attacks * p.claimShare;
    row[O.claimedAttacksIraq] = attacksIraq * p.claimShare;
    row[O.claimedAttacksSyria] = attacksSyria * p.claimShare;
    row[O.fighters] = total;
    row[O.fightersIraq] = totalIraq;
    row[O.fightersSyria] = total - totalIraq;
    row[O.recruits] = recruits + rejoined + campJoined;
    row[O.losses] = lost + deserted;
    row[O.income] = income / 1e6;
    row[O.reserves] = state.reserves / 1e6;
    row[O.prisonersFreed] = freed;
    row[O.campEscapes] = campLeft;
    row[O.areasOperating] = territory.operating;
    row[O.areasHeld] = territory.held;
    row[O.areasCollapsed] = withdrawnAreas(state);
    row[O.areasHiding] = hidingCount;
  }
  return { observables: OBSERVABLE_IDS, series, areaFighters };
}
