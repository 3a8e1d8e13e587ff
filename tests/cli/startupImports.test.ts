// What the CLI loads before it knows the command: the static (non-type) imports of src/cli/cli.ts,
// followed through src/. `resurgence --help`, `run --help` and the dispatch must not load a
// command, the model, zod, mathjs or worker threads (start-up under 0.5 s, measured by
// `npm run bench:startup`, never timed here). A new entry in the list below is a start-up cost:
// make it a dynamic import() where it is used instead, unless it is tiny.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** Static runtime imports of one file: `import … from`, `export … from`, `import '…'`, without `import type`. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)';/gm)) {
    if (match[2]) continue;
    // `import { type A, type B } from` is type-only too.
    const clause = match[0].slice(0, match[0].lastIndexOf(' from '));
    const names = clause.match(/\{([^}]*)\}/)?.[1];
    if (names !== undefined && !/\*|^\s*(import|export)\s+\w/.test(clause) && names.split(',').every((name) => name.trim() === '' || /^type\s/.test(name.trim()))) continue;
    specifiers.push(match[3] as string);
  }
  return specifiers;
}

function closure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const name = relative(root, file);
    if (seen.has(name)) return;
    seen.add(name);
    if (!file.endsWith('.ts')) return;
    for (const specifier of staticImports(file)) {
      if (!specifier.startsWith('.')) {
        seen.add(specifier);
        continue;
      }
      const target = join(dirname(file), specifier.replace(/\.js$/, '.ts'));
      visit(existsSync(target) ? target : join(dirname(file), specifier));
    }
  };
  visit(join(root, entry));
  return [...seen].sort();
}

describe('CLI start-up imports', () => {
  it('src/cli/cli.ts loads only the help texts, the version and the dispatch; commands are import()ed', () => {
    expect(closure('src/cli/cli.ts')).toEqual([
      'package.json',
      'src/cli/cli.ts',
      'src/cli/commandHelp.ts',
      'src/cli/uncertaintyFlag.ts',
      'src/cli/usage.ts',
      'src/scenario/suggest.ts',
    ]);
  });

  it('the closure walker sees through to a command module (so the test above can fail)', () => {
    const run = closure('src/cli/commands/simple.ts');
    expect(run).toContain('src/scenario/parseScenario.ts');
    expect(run).toContain('zod');
    expect(run).not.toContain('src/cli/commandHelp.ts');
  });
});
