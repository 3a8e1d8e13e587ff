// Executes examples/notebooks/*.ipynb headlessly with the Deno Jupyter kernel (Debian's
// jupyter-nbconvert and python3-nbclient, npm's deno) and checks every code cell: it ran without
// error, and its outputs match what the cell promises in `metadata.resurgence.expect` (one
// regular expression per output kind: stdout, image/svg+xml, text/markdown, text/plain).
//
// The kernelspec is written to a temporary JUPYTER_PATH (searched before the user's own), so the
// test uses this checkout's node_modules/.bin/deno whatever `deno jupyter --install` registered.
// Without jupyter-nbconvert the test is skipped with a message, except in CI (env CI set), where
// it must run and fails instead. scripts/ci-system-packages.sh installs what it needs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const notebooksDir = join(repoRoot, 'examples', 'notebooks');
const deno = join(repoRoot, 'node_modules', '.bin', 'deno');
const NBCONVERT = '/usr/bin/jupyter-nbconvert';
const available = existsSync(NBCONVERT) && existsSync(deno);
if (!available && !process.env.CI) {
  console.warn(`notebook test skipped: ${existsSync(NBCONVERT) ? deno : NBCONVERT} is absent (install with scripts/ci-system-packages.sh and npm ci; in CI this test runs and fails instead)`);
}

const notebooks = readdirSync(notebooksDir)
  .filter((name) => name.endsWith('.ipynb'))
  .sort();

interface Output {
  readonly output_type: 'stream' | 'display_data' | 'execute_result' | 'error';
  readonly name?: string;
  readonly text?: string | string[];
  readonly data?: Record<string, string | string[]>;
  readonly ename?: string;
  readonly evalue?: string;
}

interface Cell {
  readonly cell_type: string;
  readonly id?: string;
  readonly source: string | string[];
  readonly metadata: { readonly resurgence?: { readonly expect?: Record<string, string> } };
  readonly outputs?: Output[];
  readonly execution_count?: number | null;
}

const joined = (text: string | string[] | undefined): string => (Array.isArray(text) ? text.join('') : (text ?? ''));

function codeCells(path: string): Cell[] {
  const notebook = JSON.parse(readFileSync(path, 'utf8')) as { cells: Cell[] };
  return notebook.cells.filter((cell) => cell.cell_type === 'code');
}

/** Everything a cell printed or displayed under one output kind ('stdout' for printed text). */
function outputOfKind(cell: Cell, kind: string): string {
  const outputs = cell.outputs ?? [];
  if (kind === 'stdout') return outputs.filter((o) => o.output_type === 'stream' && o.name === 'stdout').map((o) => joined(o.text)).join('');
  return outputs.map((o) => joined(o.data?.[kind])).join('');
}

describe('examples/notebooks', () => {
  it('notebooks: there are two to four, each committed without outputs and with a promise on every code cell', () => {
    expect(notebooks.length).toBeGreaterThanOrEqual(2);
    expect(notebooks.length).toBeLessThanOrEqual(4);
    for (const name of notebooks) {
      for (const cell of codeCells(join(notebooksDir, name))) {
        expect(cell.outputs ?? [], `${name} ${cell.id}: committed outputs`).toEqual([]);
        expect(cell.execution_count ?? null, `${name} ${cell.id}: committed execution count`).toBeNull();
        expect(Object.keys(cell.metadata.resurgence?.expect ?? {}).length, `${name} ${cell.id}: no metadata.resurgence.expect`).toBeGreaterThan(0);
      }
    }
  });

  describe.skipIf(!available && !process.env.CI)('executed with the Deno kernel', () => {
    let workDir = '';
    let outDir = '';

    beforeAll(() => {
      if (!existsSync(join(repoRoot, 'dist', 'index.js'))) {
        // The notebooks load the built library (see examples/notebooks/resurgence.ts).
        execFileSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'pipe' });
      }
      workDir = mkdtempSync(join(tmpdir(), 'resurgence-notebooks-'));
      outDir = join(workDir, 'out');
      const kernelDir = join(workDir, 'jupyter', 'kernels', 'deno');
      mkdirSync(kernelDir, { recursive: true });
      writeFileSync(
        join(kernelDir, 'kernel.json'),
        JSON.stringify({ argv: [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'], display_name: 'Deno', language: 'typescript' }),
      );
      // --allow-errors: write every executed notebook even when a cell fails, so that the checks
      // below can say which cell failed and why.
      //
      // Deno's kernel sometimes reports a cell idle before its output reaches Jupyter's iopub
      // channel (seen in about 1 of 25 cells on a loaded machine, for display data and execute
      // results alike), and nbclient then records the cell with no output at all. That is a race
      // in the kernel, not in the notebook: a notebook whose every cell ran but one came back
      // empty (no output, no error) is executed again, up to 5 times, and the attempts are logged.
      for (const name of notebooks) {
        for (let attempt = 1; ; attempt++) {
          const result = spawnSync(
            NBCONVERT,
            ['--to', 'notebook', '--execute', '--allow-errors', '--ExecutePreprocessor.timeout=180',
              '--ExecutePreprocessor.iopub_timeout=60', '--output-dir', outDir, join(notebooksDir, name)],
            { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, JUPYTER_PATH: join(workDir, 'jupyter'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' } },
          );
          if (result.status !== 0) throw new Error(`jupyter nbconvert failed on ${name} (${result.status}):\n${result.stderr}`);
          const empty = codeCells(join(outDir, name)).filter((cell) => (cell.outputs ?? []).length === 0).map((cell) => cell.id);
          if (empty.length === 0 || attempt === 5) break;
          console.warn(`${name}: cells ${empty.join(', ')} came back without output (kernel race); executing again (attempt ${attempt + 1})`);
        }
      }
    });

    afterAll(() => {
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    it.each(notebooks)('nbconvert --execute runs %s: every code cell without error and with its promised output', (name) => {
      const cells = codeCells(join(outDir, name));
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) {
        const where = `${name} cell ${cell.id}`;
        const errors = (cell.outputs ?? []).filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`);
        expect(errors, where).toEqual([]);
        expect(cell.execution_count, `${where} did not run`).toBeTypeOf('number');
        for (const [kind, pattern] of Object.entries(cell.metadata.resurgence?.expect ?? {})) {
          expect(outputOfKind(cell, kind), `${where}: ${kind}`).toMatch(new RegExp(pattern));
        }
      }
    });
  });
});
