import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_LIMITS } from '../../../src/report/html/modelLimits.js';

/** README's "Assumptions and limits" bullets as plain text (Markdown emphasis, code and links removed). */
function readmeLimits(): string[] {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.split('## Assumptions and limits')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) =>
      line
        .slice(2)
        .replace(/\*\*/g, '')
        .replace(/`/g, '')
        .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
        .trim(),
    );
}

describe('MODEL_LIMITS', () => {
  it('MODEL_LIMITS says what README.md says, bullet for bullet', () => {
    const bullets = readmeLimits();
    expect(bullets.length).toBeGreaterThan(0);
    expect(MODEL_LIMITS.map((limit) => `${limit.title} ${limit.text}`)).toEqual(bullets);
  });
});
