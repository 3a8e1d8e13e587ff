import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeSetting } from '../src/report/describeSetting.js';
import { FACTORS } from '../src/model/factors.js';
import { PARAMETERS } from '../src/model/parameters.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('README shows the two fresh-machine commands on its first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 20).join('\n');
    expect(firstScreen).toContain('npm ci && npm start');
    expect(firstScreen).toContain('npm ci && npm test');
  });

  it('README factor table lists every factor with its current baseline and range', () => {
    for (const factor of FACTORS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${factor.id}\` |`));
      expect(row, factor.id).toBeDefined();
      expect(row).toContain(`| ${describeSetting(factor.baseline)} |`);
      expect(row).toContain(`| ${factor.range[0]}–${factor.range[1]} |`);
    }
  });

  it('README parameter table lists every parameter with its current value', () => {
    for (const parameter of PARAMETERS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${parameter.id}\` |`));
      expect(row, parameter.id).toBeDefined();
      expect(row).toContain(`| ${parameter.value} |`);
    }
  });
});
