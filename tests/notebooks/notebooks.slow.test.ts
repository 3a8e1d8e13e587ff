// Executes examples/notebooks/*.ipynb headlessly with the Deno Jupyter kernel (Debian's
// python3-nbclient, npm's deno) and checks every code cell: it ran without error, and its outputs
// match what the cell promises in `metadata.resurgence.expect` (one regular expression per output
// kind: stdout, image/svg+xml, text/markdown, text/plain).
//
// The notebooks are executed by tests/notebooks/execute_notebook.py, not by plain `jupyter
// nbconvert --execute`: Deno's kernel can publish a cell's output after the cell's `idle` status,
// which nbconvert (nbclient) takes as the end of the cell's output, so about one notebook run in
// three lost a cell's output. The script waits on an ordering barrier after each cell instead;
// its header says why that is exact. Each notebook is executed once, with no retry.
//
// The kernelspec is written to a temporary JUPYTER_PATH (searched before the user's own), so the
// test uses this checkout's node_modules/.bin/deno whatever `deno jupyter --install` registered.
// Without Debian's python3 and nbclient the test is skipped with a message, except in CI (env CI
// set), where it must run and fails instead. scripts/ci-system-packages.sh installs what it needs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const notebooksDir = join(repoRoot, 'examples', 'notebooks');
const deno = join(repoRoot, 'node_modules', '.bin', 'deno');
const executeNotebook = join(repoRoot, 'tests', 'notebooks', 'execute_notebook.py');
// Debian's python3, which has python3-nbclient (a python3 earlier on PATH, e.g. pyenv's, may not).
const PYTHON = '/usr/bin/python3';
const hasNbclient = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import nbclient, nbformat'], { stdio: 'ignore' }).status === 0;
const available = hasNbclient && existsSync(deno);
if (!available && !process.env.CI) {
  console.warn(`notebook test skipped: ${hasNbclient ? deno : `${PYTHON} with nbclient`} is absent (install with scripts/ci-system-packages.sh and npm ci; in CI this test runs and fails instead)`);
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
      // The script writes every executed notebook even when a cell fails (allow_errors), so that
      // the checks below can say which cell failed and why.
      const result = spawnSync(
        PYTHON,
        [executeNotebook, '--timeout', '180', '--output-dir', outDir, ...notebooks.map((name) => join(notebooksDir, name))],
        { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, JUPYTER_PATH: join(workDir, 'jupyter'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' } },
      );
      if (result.status !== 0) throw new Error(`executing the notebooks failed (${result.status}):\n${result.stderr}`);
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
