import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_LIMITS } from '../../../src/report/html/modelLimits.js';

/** The "Assumptions and limits" bullets of docs/explanation/limits.md as plain text (Markdown emphasis, code and links removed). */
function pageLimits(): string[] {
  const page = readFileSync(new URL('../../../docs/explanation/limits.md', import.meta.url), 'utf8');
  const section = page.split('## Assumptions and limits')[1]?.split('\n## ')[0] ?? '';
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
  it('MODEL_LIMITS says what docs/explanation/limits.md says, bullet for bullet', () => {
    const bullets = pageLimits();
    expect(bullets.length).toBeGreaterThan(0);
    expect(MODEL_LIMITS.map((limit) => `${limit.title} ${limit.text}`)).toEqual(bullets);
  });
});
