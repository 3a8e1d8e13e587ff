// The CLI in-process (src/cli/cli.ts main), for help, usage errors and shipped names: no child
// process and no ensemble, so this file stays in the fast suite (cli.slow.test.ts runs dist/cli.js).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandNames, main } from '../../src/cli/cli.js';
import { resolveShippedFile, shippedNames } from '../../src/cli/files.js';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { isTTY: false, write: (text: string) => ((stdout += text), true) },
    stderr: { isTTY: false, write: (text: string) => ((stderr += text), true) },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('resurgence <command> --help', () => {
  it('resurgence <command> --help and -h print that command’s flags and exit 0, for every command', async () => {
    expect(commandNames()).toEqual(expect.arrayContaining(['run', 'compare', 'calibrate', 'validate', 'attribute', 'discover']));
    for (const command of commandNames()) {
      for (const flag of ['--help', '-h']) {
        const result = await cli([command, 'anything.json', flag]);
        expect(result.code, `${command} ${flag}`).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`^resurgence ${command}: `));
        expect(result.stderr).toBe('');
      }
    }
    expect((await cli(['run', '--help'])).stdout).toContain('--runs N');
  });

  it('resurgence --help lists every command with a one-line summary', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    for (const command of commandNames()) expect(result.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
  });
});

describe('resurgence usage errors', () => {
  it('resurgence run x.json --run 10 exits 2 and suggests --runs', async () => {
    const result = await cli(['run', 'scenarios/baseline-2020.json', '--run', '10']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('✖ unknown option --run (did you mean --runs?)\n  (resurgence run --help lists its flags)\n');
  });

  it('resurgence suggests the closest command for a misspelt one', async () => {
    const result = await cli(['calibrat', 'mid-2020']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "calibrat" (did you mean "calibrate"?)');
  });
});

describe('resolveShippedFile', () => {
  it('resolveShippedFile finds a shipped config by name, by file name or by its path in the package', () => {
    expect(shippedNames('calibration')).toContain('mid-2020');
    for (const name of ['mid-2020', 'mid-2020.json', 'calibration/mid-2020.json']) {
      const path = resolveShippedFile(name, 'calibration');
      expect(path, name).toMatch(/calibration\/mid-2020\.json$/);
      expect(existsSync(path)).toBe(true);
    }
    expect(resolveShippedFile('no-such-config', 'calibration')).toBe('no-such-config');
    expect(resolveShippedFile('elsewhere/mid-2020.json', 'calibration')).toBe('elsewhere/mid-2020.json');
  });
});
