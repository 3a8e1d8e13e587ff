// Flag parsing for every command, on commander (https://github.com/tj/commander.js).
//
// Why commander rather than citty or yargs: it is the most used and most actively maintained of
// the three, has no dependencies of its own (yargs pulls in eight packages and costs ~40 ms more
// to import; start-up matters here, see bench/startup.mjs), and it already does what this CLI
// needs: strict options, `--flag=value` and `--flag value`, `--` to end options, and "did you mean
// --runs?" suggestions for a mistyped flag (Damerau–Levenshtein). citty is smaller but younger and
// suggests nothing.
//
// The commands keep their option tables in the shape of Node's `util.parseArgs` (a table of
// `{ type, multiple, default }` per flag, returning `{ values, positionals }`), so a command gains
// a flag by adding one line to its table; this module turns the table into a commander program.
import type { ParseArgsConfig, parseArgs as nodeParseArgs } from 'node:util';
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from './usage.js';

/** What Node's `util.parseArgs` returns for the same table (so the commands' types are unchanged). */
type Parsed<T extends ParseArgsConfig> = ReturnType<typeof nodeParseArgs<T>>;

/**
 * Parses a command's arguments against its option table (the table format of Node's
 * `util.parseArgs`, and the same result type). A flag not in the table, a flag without its value
 * or a stray positional throws a {@link UsageError} (exit code 2), with the closest known flag
 * suggested: `unknown option --run (did you mean --runs?)`. Cost: O(arguments × flags).
 *
 * @example
 * parseArgs({ args: ['a.json', '--runs', '5'], allowPositionals: true, options: { runs: { type: 'string' } } });
 * // { values: { runs: '5' }, positionals: ['a.json'] }
 */
export function parseArgs<T extends ParseArgsConfig>(config: T): Parsed<T> {
  const program = new Command()
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined })
    .helpOption(false)
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  if (config.allowPositionals) program.argument('[positionals...]');
  const attributes = new Map<string, string>();
  for (const [name, spec] of Object.entries(config.options ?? {})) {
    const flags = `${spec.short === undefined ? '' : `-${spec.short}, `}--${name}${spec.type === 'string' ? ' <value>' : ''}`;
    const option = new Option(flags);
    if (spec.multiple) option.argParser((value: string, previous: unknown) => [...((previous as unknown[] | undefined) ?? []), spec.type === 'string' ? value : true]);
    program.addOption(option);
    attributes.set(name, option.attributeName());
  }
  try {
    program.parse([...(config.args ?? [])], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) throw new UsageError(usageMessage(error));
    throw error;
  }
  const parsed = program.opts();
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(config.options ?? {})) {
    const value = parsed[attributes.get(name) as string];
    if (value !== undefined) values[name] = value;
    else if (spec.default !== undefined) values[name] = spec.default;
  }
  const positionals = config.allowPositionals ? ((program.processedArgs[0] as string[] | undefined) ?? []) : [];
  return { values, positionals } as unknown as Parsed<T>;
}

/** commander's message, reworded in the CLI's grammar: "unknown option --run (did you mean --runs?)". */
function usageMessage(error: CommanderError): string {
  const [first = '', ...rest] = error.message.replace(/^error: /, '').split('\n');
  const suggestion = rest.join(' ').match(/\(Did you mean (.+)\?\)/);
  const message = first.replace(/'([^']+)'/g, '$1');
  return suggestion ? `${message} (did you mean ${suggestion[1]}?)` : message;
}
