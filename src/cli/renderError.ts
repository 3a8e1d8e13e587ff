import { FileAccessError } from '../node/readConfinedFile.js';
import { ResumeError } from '../node/runEnsemble.js';
import { maskSecrets } from '../node/maskSecrets.js';

/** How the CLI reports an error that is the user's or the environment's, not a bug. */
export interface RenderedError {
  /** One line (two with a hint), ending in a newline; never a stack trace. */
  readonly text: string;
  /** 1: the input or the environment (see the exit codes in --help). */
  readonly exitCode: number;
}

const ERRNO: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory, not a file',
  ENOENT: 'no such file or directory',
  EEXIST: 'it already exists',
  ELOOP: 'it is a symbolic link (not followed)',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'an input/output error from the device',
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name was not found',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
};

const WHAT_TO_DO: Readonly<Record<string, string>> = {
  EACCES: 'choose a folder you can write to (--out DIR) or fix its permissions',
  EPERM: 'choose a folder you can write to (--out DIR) or fix its permissions',
  EROFS: 'choose a writable folder with --out DIR',
  ENOSPC: 'free some space or choose another folder with --out DIR',
  EDQUOT: 'free some space or choose another folder with --out DIR',
  ENOTDIR: '--out must name a folder, not a file',
  EISDIR: 'give a file name, not a folder',
  ELOOP: 'remove the symbolic link, or write elsewhere',
  ECONNREFUSED: 'is the server running, and is the URL right?',
  ENOTFOUND: 'check the host name in the URL',
};

/**
 * Renders an error caused by the user's input or the environment — a file that cannot be read
 * or written, a full disk, a checkpoint that cannot be resumed, a refused connection — as one line
 * saying what happened and what to do (secrets masked), with the resume hint when one applies.
 * Returns undefined for anything else: the CLI keeps "internal error" and the stack for real bugs.
 *
 * Cost: O(message length).
 *
 * @example
 * renderUserError(Object.assign(new Error("EACCES: permission denied, open 'out/x'"), { code: 'EACCES', syscall: 'open', path: 'out/x' }))?.text;
 * // "✖ cannot open out/x: permission denied — choose a folder you can write to (--out DIR) or fix its permissions\n"
 */
export function renderUserError(error: unknown, options: { readonly resumeHint?: string } = {}): RenderedError | undefined {
  const hint = options.resumeHint ? `\n  ${options.resumeHint}\n` : '\n';
  if (error instanceof ResumeError || error instanceof FileAccessError || (error instanceof Error && (error as { userFacing?: unknown }).userFacing === true)) {
    return { text: `✖ ${maskSecrets(firstLine(error.message))}${hint}`, exitCode: 1 };
  }
  const errno = error as NodeJS.ErrnoException | null;
  if (errno instanceof Error && typeof errno.code === 'string' && Object.hasOwn(ERRNO, errno.code)) {
    const what = errno.syscall ? `cannot ${errno.syscall === 'open' ? 'open' : errno.syscall}${errno.path ? ` ${errno.path}` : ''}` : 'failed';
    const todo = Object.hasOwn(WHAT_TO_DO, errno.code) ? ` — ${WHAT_TO_DO[errno.code]}` : '';
    return { text: `✖ ${maskSecrets(`${what}: ${ERRNO[errno.code]}${todo}`)}${hint}`, exitCode: 1 };
  }
  return undefined;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}
