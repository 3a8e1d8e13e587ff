import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

let counter = 0;

/**
 * Writes a file atomically: to a temporary name beside it, flushed to disk, then renamed over
 * the target, so a reader (or an interrupted run, even `kill -9`) never sees half a file.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${process.pid}-${(counter++).toString(36)}.tmp`);
  const fd = openSync(temporary, 'w');
  try {
    if (typeof content === 'string') writeSync(fd, content);
    else writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
