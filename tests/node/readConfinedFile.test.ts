// Issue 17, item 2: a scenario's posterior path cannot read files outside the scenario's folder,
// devices, FIFOs or huge files, and no message quotes a file's content.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.js';
import { FileAccessError, readConfinedFile, readRegularFile } from '../../src/node/readConfinedFile.js';
import { ScenarioError } from '../../src/scenario/issues.js';

const base = { name: 'x', question: 'q', start: '2020-05', months: 12 };

function scenarioIn(dir: string, posterior: string): string {
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify({ ...base, parameters: { posterior } }));
  return file;
}

function loadError(file: string, options?: { allowFileReferences?: boolean }): string {
  try {
    loadScenarioFile(file, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('loadScenarioFile with a posterior path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'confined-'));

  for (const reference of ['../../../../../../etc/passwd', '/etc/passwd', '/etc/hostname', '/proc/self/environ', '/dev/zero', '/dev/urandom']) {
    it(`loadScenarioFile refuses "${reference}" as outside the scenario's folder, quoting nothing`, () => {
      const message = loadError(scenarioIn(dir, reference));
      expect(message).toContain("outside the scenario's folder");
      expect(message).not.toContain('root:');
      expect(message.split('\n')).toHaveLength(2);
    });
  }

  it('loadScenarioFile refuses a symbolic link in the folder that points outside it', () => {
    const linkDir = mkdtempSync(join(tmpdir(), 'confined-link-'));
    symlinkSync('/etc/passwd', join(linkDir, 'posterior.json'));
    expect(loadError(scenarioIn(linkDir, 'posterior.json'))).toContain("outside the scenario's folder");
  });

  it('loadScenarioFile refuses a FIFO in the folder at once (no hang)', () => {
    const fifoDir = mkdtempSync(join(tmpdir(), 'confined-fifo-'));
    execFileSync('mkfifo', [join(fifoDir, 'posterior.json')]);
    expect(loadError(scenarioIn(fifoDir, 'posterior.json'))).toContain('not a regular file');
  });

  it('loadScenarioFile refuses a directory and reports invalid JSON without quoting it', () => {
    const own = mkdtempSync(join(tmpdir(), 'confined-own-'));
    mkdirSync(join(own, 'sub.json'));
    expect(loadError(scenarioIn(own, 'sub.json'))).toContain('directory');
    writeFileSync(join(own, 'secret.json'), 'SECRET-TOKEN-123 not json');
    const message = loadError(scenarioIn(own, 'secret.json'));
    expect(message).toContain('not valid JSON');
    expect(message).not.toContain('SECRET');
  });

  it('loadScenarioFile reads a posterior in the scenario\'s folder, and refuses it when file references are disabled', () => {
    const own = mkdtempSync(join(tmpdir(), 'confined-ok-'));
    mkdirSync(join(own, 'posteriors'));
    writeFileSync(join(own, 'posteriors', 'mine.json'), JSON.stringify({ parameters: ['recruitRate'], samples: [[0.3], [0.4]], source: 'test' }));
    const file = scenarioIn(own, 'posteriors/mine.json');
    expect(loadScenarioFile(file).posterior?.samples).toEqual([[0.3], [0.4]]);
    expect(loadError(file, { allowFileReferences: false })).toContain('file references are disabled');
  });
});

describe('readRegularFile and readConfinedFile', () => {
  it('readRegularFile refuses a file over the size cap and a device', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regular-'));
    writeFileSync(join(dir, 'big.json'), 'x'.repeat(2000));
    expect(() => readRegularFile(join(dir, 'big.json'), { maxBytes: 1000 })).toThrow(/too large/);
    expect(readRegularFile(join(dir, 'big.json'), { maxBytes: 2000 })).toHaveLength(2000);
    expect(() => readRegularFile('/dev/zero', { maxBytes: 1000 })).toThrow(FileAccessError);
  });

  it('readConfinedFile refuses the folder itself and a NUL in the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'confined-self-'));
    expect(() => readConfinedFile(dir, '.', { maxBytes: 10 })).toThrow(/outside/);
    expect(() => readConfinedFile(dir, 'a\0b', { maxBytes: 10 })).toThrow(/NUL/);
  });
});
