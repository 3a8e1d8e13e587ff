// %% [markdown]
// # 03 — Your own scenario
//
// **Question.** Suppose the pandemic's pull on Iraqi forces fades quickly instead of in the
// baseline's steps, Iran-backed militias recover most of their earlier effort, and the US
// leaves Syria a year later than in the baseline. And suppose ISIS starts stronger, at the top
// of the 2020 estimates. Is that world calmer or worse than the baseline after three years?
//
// **What this notebook shows.** How to write that scenario as a plain object in code, using all
// three ways of setting a factor (a constant, a schedule, a mathjs expression of the month `t`)
// plus a parameter override; how to validate it with `parseScenario`; what a mistake looks like
// when rendered with `formatIssues`; and how to simulate it next to the baseline.
//
// Run with `npm run build` and then `npx tsx examples/03-your-own-scenario.ts`.

// %%
import {
  FACTORS,
  SHIPPED_SCENARIOS,
  ScenarioError,
  formatIssues,
  formatSummaryTable,
  parseScenario,
  simulate,
} from 'resurgence';

const RUNS = 250;
const SEED = 7;

// %% [markdown]
// ## The scenario, as an object
//
// - `iranMilitiaEffort: 0.8`, a **constant**: 80% of the 2017–19 effort for the whole horizon.
// - `usTroopsSyria`, a **schedule**: 600 troops until month 12, then none (each step holds until
//   the next one).
// - `covidDiversion`, an **expression** of t (months since the start): 30% at the start, decaying
//   with a 6-month time constant. Expressions run in a restricted mathjs instance: numbers, `t`,
//   arithmetic, comparisons, `a ? b : c` and a few functions such as `exp`, `min`, `max`.
// - `parameters.initialFighters: 18000`, a **parameter override**: the top of the 14,000–18,000
//   range the US Lead IG reported for early 2020 (the default is 14,000).
//
// Factors left out keep their baseline values. Validation checks each one against its range.

// %%
const myScenario = {
  name: 'covid-fades-iran-recovers',
  title: 'COVID fades fast, Iran recovers, US stays in Syria a year',
  question: 'If the COVID diversion fades fast, Iran-backed militias recover and the US leaves Syria a year later, but ISIS starts at 18,000 fighters, is the outcome calmer or worse than the baseline?',
  start: '2020-05',
  months: 36,
  factors: {
    iranMilitiaEffort: 0.8,
    usTroopsSyria: { schedule: [{ from: 0, value: 600 }, { from: 12, value: 0 }] },
    covidDiversion: { expression: '0.3 * exp(-t / 6)' },
  },
  parameters: {
    initialFighters: 18000,
  },
};

for (const id of Object.keys(myScenario.factors)) {
  const factor = FACTORS.find((f) => f.id === id);
  if (factor) console.log(`  ${id.padEnd(18)} ${factor.label}; unit: ${factor.unit}; plausible range ${factor.range[0]}–${factor.range[1]}`);
}

// %% [markdown]
// ## Validate before running
//
// `parseScenario` never throws: it returns `{ ok: true, value }` with every factor resolved to
// one value per month, or `{ ok: false, issues }` listing every problem it found. Checking what
// the expression actually produced is worth the two lines.

// %%
const parsed = parseScenario(myScenario);
if (!parsed.ok) {
  console.log(formatIssues(parsed.issues, myScenario.name));
  throw new Error('the example scenario should be valid');
}
console.log(`\nparseScenario: ok — "${parsed.value.scenario.name}", ${parsed.value.scenario.months} months`);
const checkMonths = [0, 3, 6, 11, 12, 24, 35];
console.log(`  month               ${checkMonths.map((m) => String(m).padStart(6)).join('')}`);
for (const id of ['covidDiversion', 'usTroopsSyria', 'iranMilitiaEffort'] as const) {
  const values = parsed.value.factors[id];
  console.log(`  ${id.padEnd(18)}  ${checkMonths.map((m) => (values[m] as number).toFixed(id === 'usTroopsSyria' ? 0 : 2).padStart(6)).join('')}`);
}
console.log(`  initialFighters     ${parsed.value.parameters.initialFighters}`);

// %% [markdown]
// ## What a mistake looks like
//
// Scenario objects are strict: an unknown key is an error, never silently ignored, and a near
// miss gets a "did you mean". Checking happens in two stages: first the shape (keys and types),
// then, once the shape is right, every factor's values against its range and every expression
// against what it may use; each stage reports all the issues it finds. So we show two broken
// versions: a misspelt factor, then a value outside its plausible range together with an
// expression that uses a symbol it does not know. `formatIssues` renders the structured issues,
// one line each, with the JSON path of the culprit. `simulate` refuses the same objects by
// throwing a `ScenarioError` that carries the same issues.

// %%
const withTypo = {
  ...myScenario,
  factors: { ...myScenario.factors, iranMilitiaEfort: 0.8 }, // typo: one "f"
};
const withBadValues = {
  ...myScenario,
  factors: {
    ...myScenario.factors,
    sdfTurkishFront: 0.9, // outside the plausible range 0–0.7
    covidDiversion: { expression: '0.3 * exp(-month / 6)' }, // the variable is t, not month
  },
};
for (const [label, broken] of [
  ['with a typo', withTypo],
  ['with bad values', withBadValues],
] as const) {
  const result = parseScenario(broken);
  if (result.ok) throw new Error(`the scenario ${label} should have been rejected`);
  console.log(`\n${formatIssues(result.issues, `my scenario ${label}`)}`);
}

try {
  simulate(withBadValues, { runs: 1, seed: SEED });
  throw new Error('simulate() should have refused the scenario');
} catch (error) {
  if (!(error instanceof ScenarioError)) throw error;
  console.log(`\nsimulate() threw a ${error.name} with ${error.issues.length} issue(s); codes: ${error.issues.map((issue) => issue.code).join(', ')}`);
}

// %% [markdown]
// ## Run it, next to the baseline
//
// Same seed and runs for both, so the comparison uses common random numbers (see example 02).
// `simulate` accepts the already validated `parsed.value` as well as the raw object.

// %%
const mine = simulate(parsed.value, { runs: RUNS, seed: SEED });
const baseline = simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs: RUNS, seed: SEED });
console.log(`\n${mine.summary.scenario.title}: ${RUNS} runs, seed ${SEED}, scenario hash ${mine.summary.provenance.scenarioHash.slice(0, 16)}…\n`);
console.log(formatSummaryTable(mine.summary, { observables: ['attacks', 'claimedAttacks', 'fighters', 'recruits', 'losses', 'areasOperating', 'areasHeld'] }));

const last = mine.summary.months.length - 1;
console.log(`\nMedians in ${mine.summary.months[last]}        mine    baseline`);
for (const id of ['attacks', 'claimedAttacks', 'fighters', 'areasOperating']) {
  const a = mine.summary.series[id]?.p50[last] ?? Number.NaN;
  const b = baseline.summary.series[id]?.p50[last] ?? Number.NaN;
  console.log(`  ${id.padEnd(18)} ${Math.round(a).toLocaleString('en-US').padStart(8)}  ${Math.round(b).toLocaleString('en-US').padStart(10)}`);
}
const growth = (series: { p50: number[] } | undefined) => (series ? ((series.p50[last] as number) / (series.p50[0] as number) - 1) * 100 : Number.NaN);
console.log(
  `Median attack growth over the horizon: mine ${growth(mine.summary.series['attacks']).toFixed(0)}%, ` +
    `baseline ${growth(baseline.summary.series['attacks']).toFixed(0)}%.`,
);

// %% [markdown]
// ## What it means, and what it cannot tell
//
// - This scenario changes four things at once, so the comparison says what the *bundle* does,
//   not which part did it. To attribute, change one thing per scenario and compare each with
//   the baseline using paired runs, as in example 02.
// - A larger starting force and better-resourced opponents pull in opposite directions; the
//   growth lines above show which won *in this model*, with its calibrated parameters.
// - The expression and schedule are our guesses at a curve, not data. Check the resolved values
//   (printed above) before you trust a scenario: a wrong sign or unit in an expression is
//   valid syntax but a different world.
