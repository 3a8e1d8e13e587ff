// The back-test how-to's generated table equals what `resurgence backtests --markdown` prints:
// every shipped back-test at its own runs and seed. Slow (seven ensembles of 1,000 runs, about a
// minute): npm run test:all. Rerun `npm run docs` after changing the model or a back-test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backtestScoreboard, formatBacktestScoreboardMarkdown } from '../src/index.js';

describe('back-test how-to table', () => {
  it("docs/how-to/back-test.md's generated table is every shipped back-test's scores as they are now", () => {
    const page = readFileSync(new URL('../docs/how-to/back-test.md', import.meta.url), 'utf8');
    const block = page.match(/<!-- backtests:start -->\n([\s\S]*?)\n<!-- backtests:end -->/);
    expect(block, 'the page has the backtests block between its markers').not.toBeNull();
    expect(block![1]).toBe(formatBacktestScoreboardMarkdown(backtestScoreboard()));
  }, 600_000);
});
