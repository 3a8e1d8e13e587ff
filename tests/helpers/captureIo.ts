// A CommandIo whose stdout and stderr are buffers (stderr not a terminal), for CLI tests.

/** A fresh pair of buffers, the `io` to pass to a command, and their text so far. */
export function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (t: string) => out.push(t) }, stderr: { isTTY: false, write: (t: string) => err.push(t) } },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
