// %% [markdown]
// # 01 — The baseline
//
// **The article's argument, in two sentences.** Just over a year after losing its caliphate,
// ISIS is "slowly but steadily" exploiting its adversaries' weaknesses from a desert sanctuary:
// COVID-19 pulls Iraqi forces onto curfew duty, coalition training is suspended, Iraq lacks a
// functioning government, Iran cannot afford the fight, the Syrian army looks to Idlib and the
// SDF is split between the Turkish front and 10,000 prisoners, while ISIS earns $3M a month and
// sits on a saved war chest. With the US leaving Syria and keeping only two Iraqi bases, the
// author concludes that the lack of US presence, together with the pandemic, could bring back
// the caliphate.
//
// **Question.** Under those mid-2020 conditions, as the model encodes them, how fast does the
// insurgency grow over three years, and how likely are the two named events: attacks doubling,
// and ISIS holding ground again?
//
// Run with `npm run build` and then `npx tsx examples/01-baseline.ts`.

// %%
import { FACTORS, SHIPPED_SCENARIOS, formatSummaryTable, simulate } from 'resurgence';

const RUNS = 300;
const SEED = 2020; // the seed in scenarios/baseline-2020.json; set it here as well so it is visible

const baseline = SHIPPED_SCENARIOS['baseline-2020'];
if (baseline === undefined) throw new Error('the package no longer ships the "baseline-2020" scenario');

// %% [markdown]
// ## What we run
//
// The shipped scenario `baseline-2020` leaves every one of the article's factors at its
// baseline value. `FACTORS` lists them, each with a source note saying whether the
// value comes from a source or from judgement. `perRun: true` keeps every run's series, which
// the reproducibility check at the end uses.

// %%
console.log(`The article's factors (${FACTORS.length}), all at their baseline in this scenario:`);
for (const factor of FACTORS) {
  const judgement = /judgement/i.test(factor.source) ? '  (partly judgement)' : '';
  console.log(`  ${factor.id.padEnd(26)} ${factor.label}${judgement}`);
}

const started = Date.now();
const result = simulate(baseline, { runs: RUNS, seed: SEED, perRun: true });
const { summary } = result;
console.log(`\nScenario "${summary.scenario.name}": ${summary.scenario.question}`);
console.log(`${RUNS} runs × ${summary.scenario.months} months from ${summary.scenario.start}, seed ${SEED}, in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);

// %% [markdown]
// ## What we see: the summary table
//
// Each cell is the median across runs, with the 5th–95th percentile band in brackets. The band
// is the spread of outcomes *given* the model and its parameters (chance: which cell is found,
// which prison breaks); it is not the uncertainty in the parameters themselves.

// %%
console.log(formatSummaryTable(summary));
console.log();

// %% [markdown]
// ## Two attack series, never mixed
//
// `attacks` counts attacks the way attack datasets do (Knights, CTC Sentinel). `claimedAttacks`
// counts what ISIS itself claims; the article's "100 attacks in the past month" is of this
// second kind. They come from different sources that count different things, so the model
// keeps them as two observables. Compare each only with data of its own kind: the article's
// 100 claims belong next to `claimedAttacks`, never next to `attacks`.

// %%
const last = summary.months.length - 1;
const show = [0, 5, 11, 23, last].filter((m, i, all) => m <= last && all.indexOf(m) === i);
const attacks = summary.series['attacks'];
const claimed = summary.series['claimedAttacks'];
if (attacks === undefined || claimed === undefined) throw new Error('summary lacks the attacks or claimedAttacks series');

console.log('month      attacks (dataset count)   claimedAttacks (ISIS claims)');
for (const m of show) {
  const a = `${Math.round(attacks.p50[m] as number)} [${Math.round(attacks.p05[m] as number)}–${Math.round(attacks.p95[m] as number)}]`;
  const c = `${Math.round(claimed.p50[m] as number)} [${Math.round(claimed.p05[m] as number)}–${Math.round(claimed.p95[m] as number)}]`;
  console.log(`${summary.months[m]}    ${a.padStart(22)}   ${c.padStart(28)}`);
}
const growth = (series: { p50: number[] }) => ((series.p50[last] as number) / (series.p50[0] as number) - 1) * 100;
console.log(
  `\nMedian growth ${summary.months[0]} → ${summary.months[last]}: attacks ${growth(attacks).toFixed(0)}%, ` +
    `claimedAttacks ${growth(claimed).toFixed(0)}% (each against its own first month).`,
);
console.log(`Article, May 2020: "ISIS has claimed 100 attacks" → compare with claimedAttacks in ${summary.months[0]}: ${Math.round(claimed.p50[0] as number)}.`);

// %% [markdown]
// ## The two named events
//
// `attacksDouble`: monthly attacks (dataset count) reach twice the first month's.
// `territorialComeback`: ISIS holds an area for three consecutive months (the model's nearest
// thing to "a return of the caliphate"). The probability is the share of runs in which the
// event happens within the horizon; the 95% interval is a Wilson interval, so a share of 0 still
// gets an upper bound. The median month is Kaplan–Meier (runs without the event are censored).

// %%
console.log();
for (const [id, event] of Object.entries(summary.events)) {
  const p = `p = ${event.probability.toFixed(3)}, 95% CI [${event.ci95[0].toFixed(3)}, ${event.ci95[1].toFixed(3)}]`;
  const verdict =
    event.probability === 0
      ? `did not happen in any of ${RUNS} runs; under these assumptions its probability is at most ${(event.ci95[1] * 100).toFixed(1)}% (95% upper bound)`
      : `happened in ${(event.probability * 100).toFixed(1)}% of runs; median first month among those runs: ${event.medianMonthGivenEvent}` +
        (event.medianMonth === null ? '; more than half the runs never see it' : `; Kaplan–Meier median ${summary.months[event.medianMonth]}`);
  console.log(`${id}: ${p} — ${verdict}.`);
}
console.log();

// %% [markdown]
// ## Provenance: what makes this reproducible
//
// The summary carries everything needed to recompute it: package version, model, the SHA-256
// of the scenario's canonical JSON, seed, number of runs, and every factor and parameter value
// the runs used. Run *i* draws from random streams keyed by (seed, i, mechanism), so it never
// depends on how many runs were asked for. We check that: the first 20 runs, recomputed on
// their own, are identical to the first 20 of this ensemble, number for number.

// %%
const { provenance } = summary;
console.log(`package       ${provenance.package}@${provenance.version}`);
console.log(`model         ${provenance.model}`);
console.log(`scenarioHash  ${provenance.scenarioHash}`);
console.log(`seed          ${provenance.seed}`);
console.log(`runs          ${provenance.runs} (first run ${provenance.firstRun})`);
console.log(`parameters    ${Object.keys(provenance.parameters).length} values recorded; factors: ${Object.keys(provenance.factors).length} monthly series recorded`);

const again = simulate(baseline, { runs: 20, seed: SEED, perRun: true });
const allRuns = result.runs ?? [];
const identical = (again.runs ?? []).every((run, i) => {
  const original = allRuns[i];
  return original !== undefined && original.series.length === run.series.length && original.series.every((v, j) => v === run.series[j]);
});
console.log(`reproducible  first 20 runs recomputed alone are ${identical ? 'identical' : 'DIFFERENT'}; same scenario hash: ${again.summary.provenance.scenarioHash === provenance.scenarioHash}`);
if (!identical) process.exitCode = 1;

// %% [markdown]
// ## What it means, and what it cannot tell
//
// - Read the trend, not a single number: under the baseline the medians show how the model's
//   insurgency moves over three years (the growth line above), and the events say whether
//   that movement ever reaches a doubling of attacks or held ground within 36 months.
// - A probability of 0 in a few hundred runs is not "impossible": it says that *under these
//   assumptions* the event is rarer than the Wilson upper bound printed above.
// - The bands are Monte Carlo spread only. Many parameters are calibrated by judgement (see
//   `PARAMETERS` and each factor's `source`), and shifting them moves the whole picture;
//   `claimedAttacks` in particular is derived from `attacks` through a calibrated claim share,
//   so it is not independent evidence.
// - The baseline alone cannot say which factor matters: that takes counterfactuals with common
//   random numbers (example 02) or your own scenarios (example 03).
