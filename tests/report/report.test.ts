import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/experiment/simulate.js';
import { formatSummaryTable } from '../../src/report/formatSummaryTable.js';
import { sparkline } from '../../src/report/sparkline.js';
import { runsToCsvRows, seriesToCsv } from '../../src/report/toCsv.js';

describe('sparkline', () => {
  it('sparkline uses all eight heights for a rising series and a flat line for a constant one', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([5, 5, 5])).toBe('▄▄▄');
    expect(sparkline([])).toBe('');
  });

  it('sparkline averages into buckets when narrower than the series', () => {
    expect(sparkline([0, 0, 10, 10], 2)).toBe('▁█');
    expect(sparkline(Array.from({ length: 36 }, (_, i) => i), 12)).toHaveLength(12);
  });
});

describe('formatSummaryTable', () => {
  const { summary } = simulate({ name: 't', question: 'q', start: '2020-05', months: 12 }, { runs: 8, seed: 1 });

  it('formatSummaryTable shows every observable with its median band and both events', () => {
    const table = formatSummaryTable(summary);
    for (const id of Object.keys(summary.series)) expect(table).toContain(id);
    expect(table).toContain('2020-05');
    expect(table).toContain('2021-04'); // last month of a 12-month horizon
    expect(table).toMatch(/attacksDouble\s+\d\.\d{3}\s+\[\d\.\d{3}, \d\.\d{3}\]/);
  });

  it('formatSummaryTable rejects an unknown observable', () => {
    expect(() => formatSummaryTable(summary, { observables: ['nope'] })).toThrow('invalid observable: nope');
  });
});

describe('seriesToCsv / runsToCsvRows', () => {
  it('seriesToCsv writes one tidy row per observable, month and statistic', () => {
    const { summary } = simulate({ name: 't', question: 'q', start: '2020-05', months: 3 }, { runs: 4, seed: 1 });
    const rows = seriesToCsv(summary).trimEnd().split('\n');
    expect(rows[0]).toBe('observable,month,date,statistic,value');
    expect(rows).toHaveLength(1 + Object.keys(summary.series).length * 3 * 7); // mean, sd and five quantiles
    expect(rows[1]).toBe(`attacksIraq,0,2020-05,mean,${summary.series.attacksIraq!.mean[0]}`);
  });

  it('runsToCsvRows sorts by run then month whatever the input order', () => {
    const result = simulate({ name: 't', question: 'q', start: '2020-05', months: 2 }, { runs: 3, seed: 1, perRun: true });
    const runs = result.runs ?? [];
    const forward = runsToCsvRows(runs, result.observables);
    const backward = runsToCsvRows([...runs].reverse(), result.observables);
    expect(backward).toEqual(forward);
    expect(forward.map((row) => row.split(',').slice(0, 2).join(','))).toEqual(['0,0', '0,1', '1,0', '1,1', '2,0', '2,1']);
  });
});
