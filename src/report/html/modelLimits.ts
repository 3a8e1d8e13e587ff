/** One limit of the model: a short claim and its explanation. */
export interface ModelLimit {
  readonly title: string;
  readonly text: string;
}

/**
 * The model's assumptions and limits, as docs/explanation/limits.md states them in "Assumptions and
 * limits" (plain text here, without Markdown, so the library can print them without reading files).
 * tests/report/html/modelLimits.test.ts checks that they match that page, bullet for bullet.
 *
 * @example
 * MODEL_LIMITS[2].title; // 'Bands are honest only about what they include.'
 */
export const MODEL_LIMITS: readonly ModelLimit[] = [
  {
    title: "It formalises one article's argument.",
    text: "The factors, their directions and most of their magnitudes come from that argument, not from data; a model built this way can show what the argument implies and how sensitive it is, not that it is true.",
  },
  {
    title: "Most magnitudes are judgement.",
    text: "Of the 20 factors (the two operations tempos and isisCampaign are judgement too), the US troop numbers, detainees, camp population and (as a claim) income have sources; COVID diversion, Iranian effort, the Turkish front, the Syrian army's commitment, desert concealment, sectarian tension and the governance gap do not. Of the parameters, most are hand-calibrated. Security personnel per area are scaled 2016 figures (Iraq) or assumptions (Syria, Peshmerga) — see data/README.md.",
  },
  {
    title: "Bands are honest only about what they include.",
    text: "The shipped scenarios draw, run by run, all 44 parameters set by calibration or judgement from the mid-2020 posterior and the 13 judged factors from their plausible-range distributions, on top of the model's own randomness (--uncertainty none fixes both and leaves only that randomness, a much narrower band). The bands cover only what the ranges and the posterior express: not the mechanisms the model leaves out, not the grade-C and grade-D data it stands on, and not the widths of the judged ranges, which are themselves judgement. Treat differences between scenarios run with the same seed as the informative output, not absolute levels.",
  },
  {
    title: "Few data, and back-tests that the model fails out of sample.",
    text: "The calibration targets are a handful of 2018–2020 aggregates: three Iraq attack totals, a strength range, a reserves bound, the camp outflow. Calibrated on 2018 to 2020 Q1 (with the share of its network ISIS had left in January 2018 as a fitted unknown), the model reproduces the three attack levels within its 90% band, but that is fit, not skill; out of sample it covers the official strength estimates (4 of 4) and the levels of press-reported incidents (10 of 11) but not their monthly fall from mid-2018, where persistence beats it. On three historical episodes it never saw (Iraq 2007–2009, a decline; 2010–2011, leadership losses and the US drawdown; 2012–2014, growth), with its mid-2020 parameters, it moves the right way in each but undershoots the level of violence, by a large factor in 2007, 2010–2011 and 2012–2014 (4 of 7, 2 of 4 and 0 of 12 observations inside its 90% bands), so none of its levels transfers to another period: its attack rate per fighter is a 2020 quantity, 12 to 32 times below what the episodes imply. Carried to each era with the range the other two eras span (one episode left out), its bands cover 7 of 7, 2 of 4 and 11 of 12, wide because the eras disagree that much (back-test). The holdout and rolling-origin fits are described, with their state, in calibration/README.md. Nothing after May 2020 has been compared: the US stayed in both countries, so the baseline's premise did not occur.",
  },
  {
    title: "What the model cannot know.",
    text: "Decisions by governments (a drawdown's timing, Iran's budget, Turkish operations) enter as inputs, not outcomes. Nor can it know the internal state of ISIS: its real numbers, money and command (estimates differ by factors of two), or events that are rare by nature, such as a mass prison break, a leader's death or a pandemic.",
  },
  {
    title: "Attacks are counts, not severity.",
    text: "Nothing models casualties, attack types or targets, by design.",
  },
  {
    title: "Mechanisms left out:",
    text: "Turkish and Russian operations against ISIS, tribal dynamics, ISIS's external provinces and its central funding flows, intra-jihadist rivalry, refugee and IDP movements, repatriation from the camps.",
  },
  {
    title: "The model can now lose, by judgement.",
    text: "pressure-raised (government formed, training resumed, no COVID diversion, Iraqi operations up to 1.5× over six months, militias at their 2017–19 effort) lowers the median of Iraqi attacks from ~180 to ~75 a month within 12 months (with fixed inputs and default parameters; tests/experiment/counterfactuals.pressure.test.ts), while the baseline still grows (Iraq ~180 → ~225 a month, fighters 13,900 → 16,700 over 36 months). Most of that fall comes from cells hiding and from intelligence-led attrition; the rates of intelligence, collateral grievance, the lie-low threshold and the target capacity are judgement that the 2020 data barely inform (no public series of operations tempo exists), so the shipped posterior draws them from near their ranges. The target capacity decides a lot: at 4 instead of 10 the baseline's Iraqi attacks no longer grow.",
  },
  {
    title: "Territory is a threshold on a ratio.",
    text: "\"Held\" means local fighters reach half the effective security present; the event probabilities depend on that threshold (holdRatio), which is calibrated only to \"nothing held at the start\".",
  },
  {
    title: "Numbers are bit-identical across machines for V8",
    text: "(Node, Chrome): the model uses Math.exp/Math.log, whose last bits other JavaScript engines may round differently.",
  },
];
