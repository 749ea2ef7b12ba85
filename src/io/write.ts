// Writing files atomically: a temporary file in the same folder, flushed to disk, then renamed
// over the target, so a reader (or a crash) never sees half a file.
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TrustcheckError } from '../errors.js';

let counter = 0;

export function writeFileAtomic(file: string, content: string): void {
  const folder = dirname(file);
  let folderOk = false;
  try {
    folderOk = statSync(folder).isDirectory();
  } catch {
    folderOk = false;
  }
  if (!folderOk) {
    throw new TrustcheckError(
      `${file}: cannot write: the folder ${folder} does not exist; create it first`,
    );
  }
  const temp = join(folder, `.${basename(file)}.${process.pid}.${++counter}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'permission denied (is the folder read-only?)'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : (code ?? String(error));
    throw new TrustcheckError(`${file}: cannot write: ${reason}`, { cause: error });
  }
}

/** Refuses to replace an existing file unless `force`. */
export function assertWritable(file: string, force: boolean, hint: string): void {
  if (!force && existsSync(file)) {
    throw new TrustcheckError(`${file} already exists; ${hint}`);
  }
}
