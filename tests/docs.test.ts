// Links in the repository's documentation resolve inside the repository (a user of a clone or of
// the npm package has no ../shared folder).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

describe('documentation links', () => {
  it('every relative link in the repository’s Markdown files points to a file in the repository', () => {
    const broken: string[] = [];
    for (const file of markdownFiles(root)) {
      const text = readFileSync(file, 'utf8');
      if (/\.\.\/shared\b|`shared\/design/.test(text)) broken.push(`${relative(root, file)}: mentions ../shared`);
      for (const [, target] of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(target as string)) continue;
        const path = join(dirname(file), target as string);
        if (!existsSync(path) || !relative(root, path) || relative(root, path).startsWith('..')) broken.push(`${relative(root, file)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
