// Issue 17, items 6–9: user and environment errors are one line with what to do (exit 1 or 2),
// never "internal error" with a stack; outputs are not overwritten without --force.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../helpers/captureIo.js';
import { main } from '../../src/cli/cli.js';
import { renderUserError } from '../../src/cli/renderError.js';
import { interruptedMessage, resumeHint } from '../../src/cli/signals.js';
import { maskSecrets } from '../../src/node/maskSecrets.js';
import { describeRedisError } from '../../src/node/queue.js';
import { EnsembleInterrupted } from '../../src/node/runEnsemble.js';

const capture = captureIo;

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  const c = capture();
  const code = await main(args, c.io);
  return { code, err: c.err() };
}

const folder = mkdtempSync(join(tmpdir(), 'resurgence-errors-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const small = ['run', 'baseline-2020', '--runs', '6', '--workers', '1', '--quiet'];

const oneLine = (text: string) => text.trim().split('\n').filter((line) => !line.startsWith('  ')).length === 1 && !/\n\s+at /.test(text);

describe('resurgence run output folders', () => {
  it('resurgence run refuses --out "" and --out naming a file before computing (exit 2)', async () => {
    const empty = await cli([...small, '--out', '']);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('--out needs a folder name');
    const file = join(folder, 'a-file');
    writeFileSync(file, 'x');
    const named = await cli([...small, '--out', file]);
    expect(named.code).toBe(2);
    expect(named.err).toContain('names a file, not a folder');
    expect(oneLine(named.err)).toBe(true);
  });

  it('resurgence run does not overwrite a previous result without --force', async () => {
    const out = join(folder, 'result');
    expect((await cli([...small, '--out', out])).code).toBe(0);
    const before = readFileSync(join(out, 'summary.json'), 'utf8');
    const again = await cli([...small, '--seed', '9', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('add --force');
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(before);
    expect((await cli([...small, '--seed', '9', '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).not.toBe(before);
  });

  it('resurgence run with an unfinished run asks for --resume or --force', async () => {
    const out = join(folder, 'unfinished');
    mkdirSync(out);
    writeFileSync(join(out, '.checkpoint.json'), '{}');
    const again = await cli([...small, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--resume');
    const resumed = await cli([...small, '--out', out, '--resume']);
    expect(resumed.code).toBe(1);
    expect(resumed.err).toContain('not a resurgence checkpoint');
    expect(resumed.err).not.toContain('internal error');
    expect(oneLine(resumed.err)).toBe(true);
  });
});

describe('resurgence merge on a damaged part', () => {
  it('resurgence merge reports a truncated ensemble-state.json in one line (exit 1)', async () => {
    const part = join(folder, 'part-0');
    mkdirSync(part);
    writeFileSync(join(part, 'ensemble-state.json'), '{"format":"resurgence-ensemble-state/1","scen');
    const merged = await cli(['merge', part, '--out', join(folder, 'total')]);
    expect(merged.code).toBe(1);
    expect(merged.err).toContain('truncated or damaged');
    expect(oneLine(merged.err)).toBe(true);
  });
});

describe('renderUserError', () => {
  const errno = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: raw message, ${syscall} '${path}'`), { code, syscall, path });

  for (const code of ['EACCES', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EDQUOT', 'EPERM']) {
    it(`renderUserError renders ${code} as one line with what to do (exit 1)`, () => {
      const rendered = renderUserError(errno(code, 'open', 'out/summary.json'));
      expect(rendered?.exitCode).toBe(1);
      expect(rendered?.text).toMatch(/^✖ cannot open out\/summary\.json: .+ — .+\n$/);
    });
  }

  it('renderUserError adds the resume hint on a full disk during a checkpointed run', () => {
    const hint = resumeHint(['run', 'x.json', '--out', 'out', '--force'], true);
    const rendered = renderUserError(errno('ENOSPC', 'write', 'out/runs.csv.partial'), { resumeHint: hint as string });
    expect(rendered?.text).toContain('no space left');
    expect(rendered?.text).toContain('resurgence run x.json --out out --resume');
    expect(rendered?.text).not.toContain('--force');
  });

  it('renderUserError leaves real bugs to the internal-error path', () => {
    expect(renderUserError(new TypeError('x is undefined'))).toBeUndefined();
  });
});

describe('interruptedMessage', () => {
  it('interruptedMessage prints a resume command only when a checkpoint was written', () => {
    expect(interruptedMessage(new EnsembleInterrupted(12, 'out/.checkpoint.json'), ['run', 'x.json', '--out', 'out'])).toContain(
      'finish it with: resurgence run x.json --out out --resume',
    );
    const without = interruptedMessage(new EnsembleInterrupted(12, undefined), ['run', 'x.json']);
    expect(without).not.toContain('finish it with');
    expect(without).toContain('run with --out DIR');
  });
});

describe('secrets and Redis errors', () => {
  it('maskSecrets hides passwords in URLs and query strings', () => {
    expect(maskSecrets('redis://:hunter2@queue:6379/0')).toBe('redis://:***@queue:6379/0');
    expect(maskSecrets('rediss://admin:hunter2@queue:6380')).toBe('rediss://admin:***@queue:6380');
    expect(maskSecrets('https://h/x?token=abc&x=1')).toBe('https://h/x?token=***&x=1');
    expect(maskSecrets('redis://queue:6379')).toBe('redis://queue:6379');
  });

  it('describeRedisError names a wrong or missing password, masked', () => {
    expect(describeRedisError('redis://:bad@h:1', new Error('WRONGPASS invalid username-password pair or user is disabled.'))).toMatch(/refused the password.*redis:\/\/:\*\*\*@h:1|redis:\/\/:\*\*\*@h:1.*refused the password/);
    expect(describeRedisError('redis://h:1', new Error('NOAUTH Authentication required.'))).toContain('needs a password');
    expect(describeRedisError('redis://:s3cret@h:1', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).not.toContain('s3cret');
  });

  it('resurgence run --redis to a closed port fails in one line with the password masked', async () => {
    const result = await cli(['run', 'baseline-2020', '--runs', '4', '--quiet', '--redis', 'redis://:s3cret@127.0.0.1:1']);
    expect(result.code).toBe(1);
    expect(result.err).not.toContain('s3cret');
    expect(result.err).not.toContain('internal error');
    expect(oneLine(result.err)).toBe(true);
  });
});
