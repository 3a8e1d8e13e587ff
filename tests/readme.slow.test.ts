// README's `npm start` block equals what `npm start` prints: the baseline scenario's own runs and
// seed (the CLI gives the same bytes for any number of workers), formatted by formatSummaryTable.
// Slow (the baseline's 1,000 runs with the posterior and judged inputs drawn): npm run test:all.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS, formatSummaryTable, simulate } from '../src/index.js';

describe('README npm start block', () => {
  it("README's npm start block is what npm start prints for the baseline", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = readme.match(/<!-- baseline:start -->\n```\n([\s\S]*?)\n```\n<!-- baseline:end -->/);
    expect(block, 'README has the baseline block between its markers').not.toBeNull();
    const printed = formatSummaryTable(simulate(SHIPPED_SCENARIOS['baseline-2020'] as Parameters<typeof simulate>[0]).summary);
    expect(block![1]).toBe(printed);
  }, 600_000);
});
