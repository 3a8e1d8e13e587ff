/** One limit of the model: a short claim and its explanation. */
export interface ModelLimit {
  readonly title: string;
  readonly text: string;
}

/**
 * The model's assumptions and limits, as README.md states them in "Assumptions and limits"
 * (plain text here, without Markdown, so the library can print them without reading files).
 * tests/report/html/modelLimits.test.ts checks that they match the README, bullet for bullet.
 *
 * @example
 * MODEL_LIMITS[2].title; // 'Bands are too narrow to be forecasts.'
 */
export const MODEL_LIMITS: readonly ModelLimit[] = [
  {
    title: 'It formalises one article\'s argument.',
    text: 'The factors, their directions and most of their magnitudes come from that argument, not from data; a model built this way can show what the argument implies and how sensitive it is, not that it is true.',
  },
  {
    title: 'Most magnitudes are judgement.',
    text: 'Of the 17 factors, the US troop numbers, detainees, camp population and (as a claim) income have sources; COVID diversion, Iranian effort, the Turkish front, the Syrian army\'s commitment, desert concealment, sectarian tension and the governance gap do not. Of the parameters, most are hand-calibrated. Security personnel per area are scaled 2016 figures (Iraq) or assumptions (Syria, Peshmerga) — see data/README.md.',
  },
  {
    title: 'Bands are too narrow to be forecasts.',
    text: 'They show randomness given fixed inputs. Uncertainty about the inputs and parameters is not yet propagated; treat differences between scenarios (run with the same seed) as the informative output, not absolute levels.',
  },
  {
    title: 'Few calibration targets, all before the start.',
    text: 'The model reproduces the 2020 starting levels; it has not been back-tested against 2018–2019 or against what happened after May 2020 (the US stayed in both countries, so the baseline\'s premise did not occur).',
  },
  {
    title: 'Attacks are counts, not severity.',
    text: 'Nothing models casualties, attack types or targets, by design.',
  },
  {
    title: 'Mechanisms left out:',
    text: 'Turkish and Russian operations against ISIS, tribal dynamics, ISIS\'s external provinces and its central funding flows, intra-jihadist rivalry, refugee and IDP movements, repatriation from the camps.',
  },
  {
    title: 'Territory is a threshold on a ratio.',
    text: '"Held" means local fighters reach half the effective security present; the event probabilities depend on that threshold (holdRatio), which is calibrated only to "nothing held at the start".',
  },
  {
    title: 'Numbers are bit-identical across machines for V8',
    text: '(Node, Chrome): the model uses Math.exp/Math.log, whose last bits other JavaScript engines may round differently.',
  },
];
