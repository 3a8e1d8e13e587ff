// The playground's layout rules and serve script, checked as text (the browser check at 390 px is
// in playground.slow.test.ts, which needs Chromium).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../playground/styles.css', import.meta.url), 'utf8');
const scripts = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts as Record<string, string>;

describe('playground layout', () => {
  it('playground styles: one column below 40rem (a 390 px phone), so results never get a width of 0', () => {
    const phone = css.match(/@media \(max-width: (\d+)rem\) \{([^}]*\{[^}]*\}[^}]*)*\}/g)?.find((rule) => /grid-template-columns: minmax\(0, 1fr\);/.test(rule));
    expect(phone).toBeDefined();
    expect(Number(phone?.match(/max-width: (\d+)rem/)?.[1]) * 16).toBeGreaterThanOrEqual(390);
  });

  it('npm run playground:serve builds and serves the playground (it cannot run from file://)', () => {
    expect(scripts['playground:serve']).toMatch(/^npm run playground\b.*&& vite preview --config playground\/vite\.config\.ts$/);
  });
});
