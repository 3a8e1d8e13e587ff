import { describe, expect, it } from 'vitest';
import { monthIndices } from '../../src/cli/commands/compare.js';
import { UsageError } from '../../src/cli/usage.js';
import { compare } from '../../src/experiment/compare.js';
import { formatComparison } from '../../src/report/formatComparison.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const short = (name: string) => ({ ...(SHIPPED_SCENARIOS[name] as object), months: 6 });

describe('formatComparison', () => {
  it('formatComparison labels its cells as means, says run prints medians, and prints the chosen months only', async () => {
    const c = await compare(short('baseline-2020'), short('us-stays'), { runs: 8, seed: 2 });
    const text = formatComparison(c, { months: [1, 5] });
    expect(text).toMatch(/^observable +month +mean a: baseline-2020 +mean b: us-stays +mean b − a \[95% CI\]/);
    expect(text).toContain('Cells are ensemble means over runs (resurgence run prints medians)');
    const fighterRows = text.split('\n').filter((line) => line.startsWith('fighters '));
    expect(fighterRows.map((row) => row.split(/\s{2,}/)[1])).toEqual([c.a.months[1], c.a.months[5]]);
    expect(() => formatComparison(c, { months: [6] })).toThrow('invalid month index: 6 (expected 0…5)');
  });

  it('formatComparison says what the runs behind its CIs include: drawn inputs by default, FIXED with uncertainty none', async () => {
    const drawn = formatComparison(await compare(short('baseline-2020'), short('us-stays'), { runs: 4, seed: 2 }));
    // us-stays sets two judged factors itself, so it draws fewer: each arm is named.
    expect(drawn).toMatch(/^Runs include baseline-2020: run-to-run randomness \+ parameters \(posterior mid-2020\) \+ 13 judged inputs drawn; us-stays: run-to-run randomness \+ parameters \(posterior mid-2020\) \+ \d+ judged inputs drawn\.$/m);
    expect(drawn).not.toMatch(/run-to-run variation only|inputs FIXED/);
    const fixed = formatComparison(await compare(short('baseline-2020'), short('us-stays'), { runs: 4, seed: 2, uncertainty: 'none' }));
    expect(fixed).toContain('Runs include run-to-run randomness only: parameters FIXED, inputs FIXED.');
  });

  it('formatComparison adds decimals when a CI would round to one number (no "0 [-1, +0]")', async () => {
    const c = await compare(short('baseline-2020'), short('us-stays'), { runs: 8, seed: 2 });
    for (const row of formatComparison(c).split('\n').filter((line) => !/^(income|reserves) /.test(line))) {
      const cell = row.match(/([−+-]?[\d.,]+) \[([−+-]?[\d.,]+), ([−+-]?[\d.,]+)\]/);
      if (cell) expect(cell[2] === cell[3] && cell[2] !== '0', row).toBe(false);
    }
    // The cell whose CI is narrowest gets a decimal when its interval is under 2 units wide.
    const narrow = Object.entries(c.differences).flatMap(([id, d]) => d.low.map((low, m) => ({ id, m, width: (d.high[m] as number) - low }))).filter((x) => x.width > 0 && x.width < 2);
    for (const { id, m } of narrow.filter((x) => !['income', 'reserves'].includes(x.id)).slice(0, 3)) {
      const row = formatComparison(c, { months: [m] }).split('\n').find((line) => line.startsWith(`${id} `)) as string;
      expect(row, `${id} month ${m}`).toMatch(/\[[−+-]?[\d,]*\.\d/);
    }
  });
});

describe('monthIndices', () => {
  it('monthIndices reads 1-based months and calendar months, and names a bad item', () => {
    const labels = ['2020-05', '2020-06', '2020-07'];
    expect(monthIndices('1,2020-07, 2', labels)).toEqual([0, 2, 1]);
    expect(() => monthIndices('0', labels)).toThrow(new UsageError('invalid --months: 0 (expected 1…3 or a month from 2020-05 to 2020-07)'));
    expect(() => monthIndices('2021-01', labels)).toThrow(UsageError);
  });
});
