// %% [markdown]
// # 05 — Which policy mix keeps ISIS down across the futures we cannot rule out?
//
// **Question.** The article implies a policy question: the US presence in Syria, the suspended
// training of Iraqi forces, ISIS's road-extortion income and the SDF's divided attention all feed
// the resurgence — so which mix of those levers keeps the risk of a territorial comeback low,
// at what cost, across the futures we cannot rule out? And which unknown, if we could learn it,
// would change the choice?
//
// The policy file `scenarios/policies/levers-2020.json` separates the **levers** (four factors a
// decision maker sets from a month on, each with a range and a cost in its own unit, every cost
// sourced or marked as judgement) from the **uncertainties** (seven contested factors drawn over
// their plausible ranges and the model's calibrated parameters drawn from the mid-2020
// posterior). A **future** is one run index: its drawn inputs and the model's own chance. Every
// policy runs over the same futures, so differences between policies are paired.
//
// `decide()` searches the levers with NSGA-II and an ε-dominance archive, re-evaluates the
// archive and the named policies over more futures, and reports per objective the mean, a high
// quantile, the regret against the best policy in each future and the satisficing share; then
// the value of information (EVPPI) for the choice among the affordable Pareto policies; then
// where the least-regret policy fails (PRIM).
//
// Run with `npx tsx examples/05-robust-decision.ts` (a few minutes on two cores; the same as
// `resurgence decide scenarios/policies/levers-2020.json`). `RESURGENCE_QUICK=1` runs a small
// version in seconds (the test suite does), whose numbers are too noisy to read.

// %%
import { readFileSync } from 'node:fs';
import { decide, formatDecision } from 'resurgence';
import { poolExecutor } from 'resurgence/node';

const QUICK = process.env.RESURGENCE_QUICK === '1';
const policy = JSON.parse(readFileSync(new URL('../scenarios/policies/levers-2020.json', import.meta.url), 'utf8'));

// %% [markdown]
// ## The search and the robustness table
//
// The policy file sets the defaults (12 policies × 7 generations, 60 futures each during the
// search, 200 futures for the final table); the quick version shrinks them.

// %%
const decision = await decide(policy, policy.scenario, {
  ...(QUICK ? { runs: 4, finalRuns: 16, populationSize: 4, generations: 1, bootstrap: 5 } : {}),
  ...(QUICK ? {} : { executor: poolExecutor() }),
});
console.log(formatDecision(decision));

// %% [markdown]
// ## Reading it
//
// - **Robustness.** The mean of P(comeback) is the probability over the futures; for an event
//   the worst-side quantile and the maximum regret are 0 or 1 in each future, so they say little:
//   read the mean, the mean regret and the satisficing share (the share of futures without a
//   comeback by month 24). For attacks, the 90% quantile is the bad-future view.
// - **Regret** is relative to the set shown: a policy with low mean regret is rarely much worse
//   than the best policy in hindsight.
// - **Pairing** shows how much common random numbers cut the variance of policy differences:
//   without them the same precision would need that many times more runs.
// - **EVPPI** is in units of the outcome (here, probability of a comeback): the expected reduction
//   of P(comeback) if the input were known before choosing among the affordable Pareto policies.
//   Values whose CI reaches 0 mean "no detectable value of learning it".

// %%
const pareto = decision.policies.filter((p) => p.pareto);
const comeback = decision.objectives.findIndex((o) => o.label === 'territorialComeback@24');
const safest = [...pareto].sort((a, b) => (a.metrics[comeback]?.mean ?? 1) - (b.metrics[comeback]?.mean ?? 1))[0];
const statusQuo = decision.policies.find((p) => p.name === 'status-quo');
console.log(`Pareto policies: ${pareto.length} of ${decision.policies.length}`);
if (safest && statusQuo) {
  console.log(
    `Lowest P(comeback by month 24): ${safest.name}, ${safest.metrics[comeback]?.mean.toFixed(3)} against the status quo's ${statusQuo.metrics[comeback]?.mean.toFixed(3)}, for $${Math.round(safest.cost)}M against $${Math.round(statusQuo.cost)}M`,
  );
}
const top = decision.evppi?.rows[0];
console.log(top ? `Most valuable input to learn: ${top.input} (EVPPI ${top.value.toFixed(4)}, 95% CI ${top.low.toFixed(4)}–${top.high.toFixed(4)})` : 'No value of information computed.');
