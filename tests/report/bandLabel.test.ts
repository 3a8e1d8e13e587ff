// Every band says what it includes: a chart, table or report drawn from runs with drawn inputs
// never says "inputs fixed", and one from fixed inputs always says so.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/experiment/simulate.js';
import { bandLabel } from '../../src/report/bandLabel.js';
import { eventChart } from '../../src/report/charts/eventChart.js';
import { fanChart } from '../../src/report/charts/fanChart.js';
import { formatSummaryTable } from '../../src/report/formatSummaryTable.js';
import { renderReport } from '../../src/report/html/renderReport.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const drawn = simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs: 12, seed: 3 }).summary;
const fixed = simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs: 12, seed: 3, uncertainty: 'none' }).summary;

// What a reader sees: the text of the chart or page with tags removed and the lines of a wrapped
// subtitle joined, so a label split across lines still counts as said.
const visibleText = (markup: string) => markup.replace(/<(title|desc)>[^<]*<\/\1>/g, ' ').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

describe('bandLabel', () => {
  it('bandLabel names what was drawn, and says FIXED for what was not', () => {
    expect(bandLabel([drawn.uncertainty])).toBe('run-to-run randomness + parameters (posterior mid-2020) + 13 judged inputs drawn');
    expect(bandLabel([fixed.uncertainty])).toBe('run-to-run randomness only: parameters FIXED, inputs FIXED');
    expect(bandLabel([drawn.uncertainty, fixed.uncertainty], ['a', 'b'])).toMatch(/^a: .*drawn; b: .*inputs FIXED$/);
    expect(bandLabel([undefined])).toMatch(/not recorded/);
  });

  it('fanChart, eventChart, formatSummaryTable and renderReport from drawn inputs never say the inputs are fixed', () => {
    for (const text of [
      fanChart(drawn, { observable: 'fighters' }),
      eventChart(drawn),
      formatSummaryTable(drawn),
      renderReport(drawn),
    ].map(visibleText)) {
      expect(text).not.toMatch(/inputs (were |are )?fixed|with every input fixed/i);
      expect(text).toMatch(/parameters \(posterior mid-2020\) \+ 13 judged inputs drawn/);
    }
  });

  it('fanChart, eventChart, formatSummaryTable and renderReport from fixed inputs say so', () => {
    for (const text of [fanChart(fixed, { observable: 'fighters' }), eventChart(fixed), formatSummaryTable(fixed), renderReport(fixed)].map(visibleText)) {
      expect(text).toMatch(/parameters FIXED, inputs FIXED/);
    }
  });
});
