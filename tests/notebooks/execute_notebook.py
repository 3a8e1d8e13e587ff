#!/usr/bin/env python3
"""Execute Jupyter notebooks headlessly with the Deno kernel, without losing outputs.

Usage: execute_notebook.py [--kernel deno] [--timeout 180] --output-dir DIR NOTEBOOK...

Why not plain `jupyter nbconvert --execute`: Deno's kernel (checked with deno 2.9.6) publishes a
cell's outputs (execute_result, display_data: `Deno.jupyter.broadcast` in the JavaScript thread)
and its `status: idle` (the kernel's server thread) from two threads onto one IOPub socket, and
the two are not ordered: on a busy machine the idle message often arrives first (traced: idle at
10.407 s, the cell's execute_result at 10.413 s). nbclient, which nbconvert uses, stops reading
a cell's outputs at its idle message, as the Jupyter protocol allows, and records the cell with
no output; no nbclient option waits past idle (iopub_timeout only bounds the wait *for* idle).
Interactive front ends (JupyterLab, VS Code) keep attaching late outputs by parent message id,
so only headless runs lose them.

The fix here is an ordering barrier, not a delay: after each cell, the client executes `0` (not
stored in the history, so execution counts are unchanged) and reads IOPub until the barrier's
own execute_result. That result leaves the kernel's JavaScript thread after every output the
cell sent from that thread (each `broadcast` is awaited in turn), so by then every output of the
cell has arrived; outputs that come in with the cell's parent id in the meantime are added to
the cell. Stream text (console.log) is forwarded by the server thread and stamped with the
request current when it is forwarded, so stream text stamped with the barrier's id is the
cell's too. Cost: one trivial execution per cell (milliseconds).

Needs Debian's python3-nbclient (and nbformat); see scripts/ci-system-packages.sh.
"""
import argparse
import asyncio
import os
import sys
from queue import Empty

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete

BARRIER_CODE = '0'


class OrderedOutputClient(NotebookClient):
    """A NotebookClient that, after each cell, waits on an ordering barrier for late outputs."""

    barrier_timeout = 60  # seconds for the barrier's result; a dead kernel fails instead of hanging

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.on_cell_executed = self._collect_late_outputs
        self.late_outputs = 0

    async def _collect_late_outputs(self, cell, cell_index, execute_reply):
        cell_msg_id = execute_reply['parent_header'].get('msg_id')
        barrier_id = self.kc.execute(BARRIER_CODE, silent=False, store_history=False, allow_stdin=False)
        got_result = got_idle = got_reply = False
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.barrier_timeout
        while not (got_result and got_idle and got_reply):
            if loop.time() > deadline:
                raise TimeoutError(f'cell {cell_index}: no answer to the output barrier within {self.barrier_timeout} s')
            if not got_reply:
                try:
                    reply = await self.kc.shell_channel.get_msg(timeout=0.01)
                    got_reply = reply['parent_header'].get('msg_id') == barrier_id or got_reply
                except Empty:
                    pass
            try:
                msg = await self.kc.iopub_channel.get_msg(timeout=0.05)
            except Empty:
                continue
            parent = msg['parent_header'].get('msg_id')
            msg_type = msg['msg_type']
            if parent == barrier_id:
                if msg_type == 'execute_result':
                    got_result = True
                elif msg_type == 'status' and msg['content'].get('execution_state') == 'idle':
                    got_idle = True
                elif msg_type == 'stream':
                    self._add(msg, cell, cell_index)
            elif parent == cell_msg_id:
                self._add(msg, cell, cell_index)

    def _add(self, msg, cell, cell_index):
        before = len(cell.outputs)
        try:
            self.process_message(msg, cell, cell_index)
        except CellExecutionComplete:
            pass
        self.late_outputs += len(cell.outputs) - before


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('notebooks', nargs='+')
    parser.add_argument('--output-dir', required=True)
    parser.add_argument('--kernel', default='deno')
    parser.add_argument('--timeout', type=int, default=180, help='seconds per cell')
    parser.add_argument('--cwd', help="the kernel's working directory (default: the notebook's, as nbconvert does)")
    args = parser.parse_args(argv)
    os.makedirs(args.output_dir, exist_ok=True)
    for path in args.notebooks:
        notebook = nbformat.read(path, as_version=4)
        client = OrderedOutputClient(
            notebook,
            kernel_name=args.kernel,
            timeout=args.timeout,
            allow_errors=True,  # write every executed notebook; the caller checks the cells
            resources={'metadata': {'path': args.cwd or os.path.dirname(os.path.abspath(path))}},
        )
        client.execute()
        out = os.path.join(args.output_dir, os.path.basename(path))
        nbformat.write(notebook, out)
        print(f'{path}: executed, {client.late_outputs} output(s) arrived after their cell went idle; wrote {out}', file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1:])
