import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSetting } from '../src/report/describeSetting.js';
import { FACTORS } from '../src/model/factors.js';
import { PARAMETERS } from '../src/model/parameters.js';
import { SHIPPED_SCENARIOS } from '../src/scenario/shippedScenarios.js';

const root = new URL('..', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const readme = read('README.md');
const factorPage = read('docs/reference/factors.md');
const parameterPage = read('docs/reference/parameters.md');
const scenarioPage = read('docs/reference/scenarios.md');

/** The text between `<!-- name:start -->` and `<!-- name:end -->` (the part `npm run docs` writes). */
function generated(text: string, name: string): string {
  const match = text.match(new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`));
  expect(match, `<!-- ${name}:start --> … <!-- ${name}:end --> markers`).not.toBeNull();
  return match![1]!;
}

/** Every Markdown page under docs/ (docs/api, built by TypeDoc, is not shipped). */
function docPages(dir = join(root, 'docs')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'api' ? [] : docPages(path);
    return name.endsWith('.md') ? [relative(root, path)] : [];
  });
}

describe('README', () => {
  it('README shows the two fresh-machine commands on its first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 20).join('\n');
    expect(firstScreen).toContain('npm ci && npm start');
    expect(firstScreen).toContain('npm ci && npm test');
  });

  it('README is a front door of at most ~12 KB', () => {
    expect(Buffer.byteLength(readme, 'utf8')).toBeLessThanOrEqual(12_500);
  });

  it('README links every page under docs/', () => {
    const pages = docPages();
    expect(pages.length).toBeGreaterThan(10);
    const linked = new Set([...readme.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]));
    expect(pages.filter((page) => !linked.has(page))).toEqual([]);
  });

  it('README says what the bands include, and that --uncertainty none gives the fixed-input band', () => {
    const firstResult = readme.split('## The first result')[1]?.split('\n## ')[0] ?? '';
    expect(firstResult).toMatch(/parameter uncertainty/);
    expect(firstResult).toMatch(/mid-2020 posterior/);
    expect(firstResult).toMatch(/judged-input uncertainty/);
    expect(firstResult).toMatch(/run-to-run noise/);
    expect(firstResult).toContain('--uncertainty none');
    expect(firstResult).toContain('docs/images/fan-attacks.png');
  });

  it("README's npm start block carries the baseline's event probabilities with their CIs", () => {
    const block = generated(readme, 'baseline');
    for (const event of ['attacksDouble', 'territorialComeback']) {
      expect(block).toMatch(new RegExp(`${event}\\s+\\d\\.\\d{3}\\s+\\[\\d\\.\\d{3}, \\d\\.\\d{3}\\]`));
    }
    expect(block.split('\n')[1]).toMatch(/^bands and probabilities include: /);
  });
});

describe('generated reference pages', () => {
  it('the factor table lists every factor with its current baseline and range', () => {
    const table = generated(factorPage, 'factors');
    for (const factor of FACTORS) {
      const row = table.split('\n').find((line) => line.startsWith(`| \`${factor.id}\` |`));
      expect(row, factor.id).toBeDefined();
      expect(row).toContain(`| ${describeSetting(factor.baseline)} |`);
      expect(row).toContain(`| ${factor.range[0]}–${factor.range[1]} |`);
    }
    expect(table.split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(FACTORS.length);
  });

  it('the parameter table lists every parameter with its current value', () => {
    const table = generated(parameterPage, 'parameters');
    for (const parameter of PARAMETERS) {
      const row = table.split('\n').find((line) => line.startsWith(`| \`${parameter.id}\` |`));
      expect(row, parameter.id).toBeDefined();
      expect(row).toContain(`| ${parameter.value} |`);
    }
    expect(table.split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(PARAMETERS.length);
  });

  it('the scenario table has one row per shipped scenario on the baseline calendar', () => {
    const table = generated(scenarioPage, 'scenarios');
    const shipped = SHIPPED_SCENARIOS as Readonly<Record<string, { readonly start: string; readonly months: number }>>;
    const baseline = shipped['baseline-2020']!;
    const expected = Object.entries(shipped)
      .filter(([, s]) => s.start === baseline.start && s.months === baseline.months)
      .map(([name]) => name);
    const rows = table.split('\n').filter((line) => line.startsWith('| `')).map((line) => line.split('`')[1]);
    expect(rows).toEqual(expected);
  });

  it('every generated page exists where scripts/update-readme.mjs writes it', () => {
    const script = read('scripts/update-readme.mjs');
    for (const page of [...script.matchAll(/'((?:README|docs\/[\w/-]+)\.md)': \{/g)].map((m) => m[1]!)) {
      expect(existsSync(join(root, page)), page).toBe(true);
    }
  });
});
