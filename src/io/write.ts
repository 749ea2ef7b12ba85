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
import { open, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { TrustcheckError } from '../errors.js';

const checkedFolders = new Set<string>();

/** The temporary file to write first; the folder must exist (checked once per folder). */
function prepare(file: string): string {
  const folder = dirname(file);
  if (!checkedFolders.has(folder)) {
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
    checkedFolders.add(folder);
  }
  return join(folder, `.${basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
}

function writeError(file: string, error: unknown): TrustcheckError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'permission denied (is the folder read-only?)'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : (code ?? String(error));
  return new TrustcheckError(`${file}: cannot write: ${reason}`, { cause: error });
}

export function writeFileAtomic(file: string, content: string): void {
  const temp = prepare(file);
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
    throw writeError(file, error);
  }
}

/** The same, on the thread pool, so that a batch can go on auditing while files are flushed. */
export async function writeFileAtomicAsync(file: string, content: string): Promise<void> {
  const temp = prepare(file);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(temp, 'wx', 0o644);
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw writeError(file, error);
  }
}

/** Refuses to replace an existing file unless `force`. */
export function assertWritable(file: string, force: boolean, hint: string): void {
  if (!force && existsSync(file)) {
    throw new TrustcheckError(`${file} already exists; ${hint}`);
  }
}
