import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** A file-reading error meant for people: its message names the problem, never the file's content. */
export class FileAccessError extends Error {
  override readonly name = 'FileAccessError';
  /** Marks the message as safe to show as is (see `resolveScenarioFiles`). */
  readonly userFacing = true;
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Options of {@link readRegularFile} and {@link readConfinedFile}. */
export interface ReadFileOptions {
  /** Most bytes to read; a larger file is refused. */
  readonly maxBytes: number;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ELOOP: 'it is a symbolic link loop',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the path is too long',
};

function reasonOf(error: unknown): FileAccessError {
  if (error instanceof FileAccessError) return error;
  const code = String((error as NodeJS.ErrnoException | null)?.code ?? 'EIO');
  return new FileAccessError(Object.hasOwn(REASONS, code) ? (REASONS[code] as string) : `it could not be read (${code})`, code);
}

/**
 * Reads a regular file as UTF-8, refusing anything else — a directory, a device (`/dev/zero`,
 * `/dev/urandom`), a FIFO, a socket — and files over `maxBytes`. The file is opened non-blocking
 * (a FIFO never hangs the open) and checked with `fstat` on the open descriptor, so what is
 * checked is what is read. Errors are {@link FileAccessError}s whose message never quotes the
 * content.
 *
 * Cost: one open, one fstat, reads of at most `maxBytes`.
 *
 * @example
 * readRegularFile('scenarios/baseline-2020.json', { maxBytes: 1 << 20 }).startsWith('{'); // true
 * readRegularFile('/dev/zero', { maxBytes: 1 << 20 }); // throws FileAccessError: not a regular file
 */
export function readRegularFile(path: string, options: ReadFileOptions): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw reasonOf(error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FileAccessError('it is a directory, not a file', 'EISDIR');
    if (!stat.isFile()) throw new FileAccessError('it is not a regular file (a device, pipe or socket)', 'ENOTREG');
    if (stat.size > options.maxBytes) throw new FileAccessError(`it is too large (${stat.size} bytes, at most ${options.maxBytes})`, 'EFBIG');
    const buffer = Buffer.alloc(Math.min(options.maxBytes + 1, Math.max(stat.size + 1, 1)));
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > options.maxBytes) throw new FileAccessError(`it is too large (more than ${options.maxBytes} bytes)`, 'EFBIG');
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    throw reasonOf(error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads `reference` (relative to `root`, or absolute) only if it resolves — symbolic links
 * followed, then rechecked — to a regular file inside `root`; see {@link readRegularFile} for
 * the other checks. This is how a scenario's posterior path is read: a scenario file cannot make
 * the loader read `/etc/passwd`, `/proc/self/environ` or `../../secret.json`.
 *
 * Cost: two `realpath`s and one {@link readRegularFile}.
 *
 * @example
 * readConfinedFile('calibration', 'posteriors/mine.json', { maxBytes: 32 << 20 }); // its text
 * readConfinedFile('calibration', '../../etc/passwd', { maxBytes: 32 << 20 }); // throws: outside the scenario's folder
 */
export function readConfinedFile(root: string, reference: string, options: ReadFileOptions): string {
  if (reference.includes('\0')) throw new FileAccessError('the path contains a NUL character', 'EINVAL');
  let realRoot: string;
  let realTarget: string;
  try {
    realRoot = realpathSync(root);
    realTarget = realpathSync(resolve(root, reference));
  } catch (error) {
    throw reasonOf(error);
  }
  const inside = relative(realRoot, realTarget);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new FileAccessError("it is outside the scenario's folder (a scenario may only reference files in its own folder or below)", 'EOUTSIDE');
  }
  return readRegularFile(realTarget, options);
}
