import { parseArgs as nodeParseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/parseArgs.js';
import { UsageError } from '../../src/cli/usage.js';

const table = {
  allowPositionals: true,
  options: {
    runs: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean', default: false },
    'per-run': { type: 'boolean', default: false },
    outcome: { type: 'string', multiple: true },
    quiet: { type: 'boolean' },
  },
} as const;

describe('parseArgs', () => {
  it('parseArgs gives what Node’s util.parseArgs gives for the same option table', () => {
    for (const args of [
      ['a.json'],
      ['a.json', '--runs', '5', '--json'],
      ['--runs=7', 'a.json', 'b.json', '--per-run', '--seed', 'x'],
      ['a.json', '--outcome', 'fighters@24', '--outcome', 'territorialComeback@24', '--quiet'],
      ['--', '--not-a-flag.json'],
      [],
    ]) {
      expect(parseArgs({ ...table, args }), args.join(' ')).toEqual(nodeParseArgs({ ...table, args }));
    }
  });

  it('parseArgs suggests the closest flag for a mistyped one', () => {
    expect(() => parseArgs({ ...table, args: ['a.json', '--run', '10'] })).toThrow(new UsageError('unknown option --run (did you mean --runs?)'));
    expect(() => parseArgs({ ...table, args: ['--per-rnu'] })).toThrow('(did you mean --per-run?)');
    expect(() => parseArgs({ ...table, args: ['--zzzzzz'] })).toThrow(/^unknown option --zzzzzz$/);
  });

  it('parseArgs rejects a missing value and positionals a command does not take, as UsageError', () => {
    expect(() => parseArgs({ ...table, args: ['a.json', '--runs'] })).toThrow(UsageError);
    expect(() => parseArgs({ ...table, args: ['a.json', '--runs'] })).toThrow(/--runs <value>.*missing/);
    expect(() => parseArgs({ args: ['stray'], options: { json: { type: 'boolean' } } })).toThrow(UsageError);
  });
});
