import { describe, expect, it } from 'vitest';
import { formatAttributionPlan } from '../../src/cli/commands/attribute.js';
import { attribute, attributionPlan, AUTO_EXACT_PLAYERS } from '../../src/experiment/attribute.js';
import { validScenario } from '../../src/experiment/simulate.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const short = (name: string) => ({ ...(SHIPPED_SCENARIOS[name] as object), months: 12 });

describe('attributionPlan', () => {
  it('attributionPlan: exact up to 8 changed factors, sampled above, with the coalitions attribute then runs', async () => {
    expect(AUTO_EXACT_PLAYERS).toBe(8);
    const few = attributionPlan(short('us-stays'), short('baseline-2020'), { runs: 2 });
    expect(few.method).toBe('exact');
    expect(few.coalitions).toBe(2 ** few.players.length);
    const many = attributionPlan(short('worst-case'), short('baseline-2020'), { runs: 2, permutations: 3, seed: 5 });
    expect(many.players.length).toBeGreaterThan(AUTO_EXACT_PLAYERS);
    expect(many.method).toBe('sampled');
    expect(many.simulations).toBe(many.coalitions * 2);
    const ran = await attribute(short('worst-case'), short('baseline-2020'), { runs: 2, permutations: 3, seed: 5 });
    expect({ method: ran.method, coalitions: ran.coalitions }).toEqual({ method: many.method, coalitions: many.coalitions });
  });

  it('formatAttributionPlan states the method, the model runs and a time estimate before anything runs', () => {
    const plan = attributionPlan(short('worst-case'), short('baseline-2020'), { runs: 100 });
    const line = formatAttributionPlan(plan, validScenario(short('worst-case')), 2);
    expect(line).toMatch(new RegExp(`^attribute: ${plan.players.length} factors differ → sampled Shapley values \\(permutations\\): [\\d,]+ coalitions × 100 runs = [\\d,]+ model runs; about \\d.* on 2 workers`));
  });
});
