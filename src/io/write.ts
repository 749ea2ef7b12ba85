// The one writer for every file trustcheck writes (SPEC section 7). A regular file is written
// to a randomly named temp file in the same folder and renamed over the target, so a reader (or
// a crash) never sees half a file; a symlink is written through (the link stays); an existing
// file keeps its mode, and its owner when we may set it; a device or FIFO is written in place.
//
// A hard link is split: the rename gives the name a new inode, and the file's other names keep
// the old content. That is the price of never leaving half a file behind.
//
// A report (any write that is not durable) whose file already holds exactly the new bytes is
// left untouched, its time stamps included: nothing would change but the file system's work.
//
// One thing is appended, not replaced: the GitHub job summary (appendToFile), which must never
// block the run.
import {
  accessSync,
  constants,
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  readlinkSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TrustcheckError } from '../errors.js';
import { trackTempFile, untrackTempFile } from './cleanup.js';
import { randomBytes } from 'node:crypto';

// for the shell's signal handler and for tests: one import for everything about writing
export { pendingTempFiles, removeTempFiles } from './cleanup.js';

export interface WriteOptions {
  /**
   * Flush the file to disk before the rename, and the folder after it, so the new content
   * survives a power cut. Use it for answer files (the source of truth); reports are derived
   * and may skip it. Default: false.
   */
  durable?: boolean;
}

/** Where the bytes go: a regular file replaced by rename, or a device/FIFO written in place. */
type Plan =
  | { kind: 'replace'; target: string; existing: Stats | undefined }
  | { kind: 'in-place'; target: string };

const MAX_LINK_HOPS = 40;
const folderExists = new Set<string>();

/**
 * Writes `content` to `file` atomically (see the file header). Throws a TrustcheckError in
 * plain words (what, which path, what to do) on any failure, after removing its temp file.
 * `-` is a file named `-` here: the shell maps `-o -` to stdout before calling. Writing to a
 * FIFO waits for a reader, as a shell's `>` does.
 */
export function writeFileSafely(
  file: string,
  content: string | Uint8Array,
  options: WriteOptions = {},
): void {
  const plan = planWrite(file);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (plan.kind === 'in-place') {
    let fd: number | undefined;
    try {
      fd = openSync(plan.target, 'w');
      writeAll(fd, bytes);
      closeSync(fd);
      fd = undefined;
    } catch (error) {
      if (fd !== undefined) closeQuietly(fd);
      throw writeError(file, error);
    }
    return;
  }
  // a derived file that already holds these bytes is left as it is: a batch run again writes
  // only the reports that changed (and the file system frees and allocates nothing)
  if (
    options.durable !== true &&
    plan.existing?.size === bytes.length &&
    holdsAlready(plan.target, plan.existing, bytes)
  ) {
    return;
  }
  const temp = tempPathFor(plan.target);
  let fd: number | undefined;
  trackTempFile(temp);
  try {
    fd = openTemp(temp, plan.existing);
    writeAll(fd, bytes);
    if (options.durable === true) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, plan.target);
    untrackTempFile(temp);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeTemp(temp);
    throw writeError(file, error);
  }
  if (options.durable === true) fsyncFolder(dirname(plan.target));
}

/** Why an append did not happen, for the shell to say in the run's language. */
export type AppendProblem =
  | 'pipe'
  | 'folder'
  | 'no-folder'
  | 'not-a-folder'
  | 'permission'
  | 'full'
  | 'busy'
  | 'no-device'
  | 'changed'
  | 'error';

export type AppendResult = { ok: true } | { ok: false; problem: AppendProblem; code?: string };

/**
 * Appends `content` to `file` (the GitHub job summary), in a way that cannot block: a FIFO or a
 * socket is refused before it is opened (a pipe nobody reads would hold the run forever, past
 * SIGTERM), and the file is opened without waiting (O_NONBLOCK), so that a device that takes
 * nothing now is a problem, not a hang. A regular file is appended to (O_APPEND), or created
 * when its folder exists; a symlink is written through. Never throws: a problem comes back as
 * data, for the shell to warn about.
 */
export function appendToFile(file: string, content: string | Uint8Array): AppendResult {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let before: Stats | undefined;
  try {
    before = statSync(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return appendProblem(error);
  }
  if (before !== undefined) {
    if (before.isFIFO() || before.isSocket()) return { ok: false, problem: 'pipe' };
    if (before.isDirectory()) return { ok: false, problem: 'folder' };
  }
  let fd: number | undefined;
  try {
    fd = openSync(
      file,
      constants.O_WRONLY |
        constants.O_APPEND |
        constants.O_CREAT |
        (constants.O_NONBLOCK ?? 0) |
        (constants.O_NOCTTY ?? 0),
      0o666,
    );
    // what was opened is what was looked at: a pipe or another file put there meanwhile is not
    // written to
    const now = fstatSync(fd);
    if (now.isFIFO() || now.isSocket()) return { ok: false, problem: 'pipe' };
    if (before !== undefined && (now.dev !== before.dev || now.ino !== before.ino)) {
      return { ok: false, problem: 'changed' };
    }
    writeAll(fd, bytes);
    return { ok: true };
  } catch (error) {
    return appendProblem(error);
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

const APPEND_PROBLEMS: Record<string, AppendProblem> = {
  ENOENT: 'no-folder',
  ENOTDIR: 'not-a-folder',
  EISDIR: 'folder',
  EACCES: 'permission',
  EPERM: 'permission',
  EROFS: 'permission',
  ENOSPC: 'full',
  EDQUOT: 'full',
  EFBIG: 'full',
  EAGAIN: 'busy',
  EWOULDBLOCK: 'busy',
  EBUSY: 'busy',
  ENXIO: 'no-device',
  ENODEV: 'no-device',
};

function appendProblem(error: unknown): AppendResult {
  const code = errorCode(error);
  const problem = (code === undefined ? undefined : APPEND_PROBLEMS[code]) ?? 'error';
  return code === undefined ? { ok: false, problem } : { ok: false, problem, code };
}

/** Refuses to replace an existing file unless `force`. */
export function assertWritable(file: string, force: boolean, hint: string): void {
  let exists = true;
  try {
    lstatSync(file);
  } catch {
    exists = false;
  }
  if (!force && exists) {
    throw new TrustcheckError(`${file} already exists; ${hint}`);
  }
}

/**
 * Creates `folder` and its parents if missing (for `--out-dir`). Throws a TrustcheckError in
 * plain words when a file stands where a folder is needed, or the folder may not be created.
 */
export function createFolder(folder: string): void {
  if (folder === '') {
    throw new TrustcheckError('cannot use an empty path as a folder; give a folder name');
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      const file = firstNonFolder(folder);
      if (file !== undefined) {
        throw new TrustcheckError(
          `${folder}: cannot create the folder: ${file} is a file, not a folder; choose another folder`,
          { cause: error },
        );
      }
    }
    const reason = (code !== undefined ? REASONS[code] : undefined) ?? unexpected(error);
    throw new TrustcheckError(`${folder}: cannot create the folder: ${reason}`, { cause: error });
  }
}

/** The first of `path` and its parents (from the top) that exists and is not a folder. */
function firstNonFolder(path: string): string | undefined {
  const chain: string[] = [path];
  for (let d = dirname(path); d !== dirname(d) && d !== '.'; d = dirname(d)) chain.unshift(d);
  for (const part of chain) {
    try {
      if (!statSync(part).isDirectory()) return part;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Follows symlinks to the file that gets the content (a dangling link creates its target, as a
 * shell's `>` does) and decides how to write it. Checks the folder of a new file once.
 */
function planWrite(file: string): Plan {
  if (file === '') {
    throw new TrustcheckError('cannot write to an empty path; give a file name');
  }
  let target = file;
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
    let stat: Stats;
    try {
      stat = lstatSync(target);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') {
        checkFolder(file, dirname(target));
        return { kind: 'replace', target, existing: undefined };
      }
      if (code === 'ENOTDIR') throw notAFolder(file, target, error);
      throw writeError(file, error);
    }
    if (stat.isSymbolicLink()) {
      let link: string;
      try {
        link = readlinkSync(target);
      } catch (error) {
        throw writeError(file, error);
      }
      target = resolve(dirname(target), link);
      continue;
    }
    if (stat.isDirectory()) {
      throw new TrustcheckError(
        `${file}: cannot write: it is a directory; give a file name, for example ${join(file, 'report.md')}`,
      );
    }
    if (stat.isFile()) {
      // a read-only file stays unchanged, although the rename in a writable folder could replace it
      try {
        accessSync(target, constants.W_OK);
      } catch (error) {
        throw writeError(file, error);
      }
      return { kind: 'replace', target, existing: stat };
    }
    return { kind: 'in-place', target };
  }
  throw writeError(file, Object.assign(new Error('ELOOP'), { code: 'ELOOP' }));
}

function checkFolder(file: string, folder: string): void {
  if (folderExists.has(folder)) return;
  let stat: Stats;
  try {
    stat = statSync(folder);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') throw missingFolder(file, folder, error);
    if (code === 'ENOTDIR') throw notAFolder(file, folder, error);
    throw writeError(file, error);
  }
  if (!stat.isDirectory()) throw notAFolder(file, join(folder, 'x'), undefined);
  folderExists.add(folder);
}

function missingFolder(file: string, folder: string, cause: unknown): TrustcheckError {
  return new TrustcheckError(
    `${file}: cannot write: the folder ${folder} does not exist; create it first (mkdir -p ${shellQuote(folder)})`,
    { cause },
  );
}

/** Names the part of `path` that is a file where a folder is needed. */
function notAFolder(file: string, path: string, cause: unknown): TrustcheckError {
  const folders: string[] = [];
  for (let d = dirname(path); d !== dirname(d) && d !== '.'; d = dirname(d)) folders.unshift(d);
  for (const folder of folders) {
    let stat: Stats;
    try {
      stat = statSync(folder);
    } catch {
      return missingFolder(file, folder, cause);
    }
    if (!stat.isDirectory()) {
      return new TrustcheckError(
        `${file}: cannot write: ${folder} is not a folder (it is a file); choose another path`,
        { cause },
      );
    }
  }
  return writeError(file, cause);
}

/** `.<name>.<16 random hex>.tmp` beside the target: unique across hosts and PID namespaces. */
function tempPathFor(target: string): string {
  // a short prefix of the name, so that a long (but valid) name does not make the temp too long
  const prefix = Array.from(basename(target)).slice(0, 40).join('');
  return join(dirname(target), `.${prefix}.${randomBytes(8).toString('hex')}.tmp`);
}

/** Creates the temp file exclusively, with the mode (and owner, when allowed) of the old file. */
function openTemp(temp: string, existing: Stats | undefined): number {
  if (existing === undefined) return openSync(temp, 'wx', 0o666);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    const own = fstatSync(fd);
    if (own.uid !== existing.uid || own.gid !== existing.gid) {
      try {
        fchownSync(fd, existing.uid, existing.gid);
      } catch {
        // only root may give a file away; anyone else's rewrite becomes theirs, as with any editor
      }
    }
    // after the chown, which clears set-id bits; exact, whatever the umask
    fchmodSync(fd, existing.mode & 0o7777);
  } catch (error) {
    closeQuietly(fd);
    throw error;
  }
  return fd;
}

/**
 * Whether `file`, still the regular file `existing` that was looked at, holds exactly `bytes`
 * (false when it cannot be read). Opened without following a link and without waiting, so that
 * a file swapped meanwhile for a link or a FIFO is not read (it is then replaced as usual).
 */
export function holdsAlready(file: string, existing: Stats, bytes: Uint8Array): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(
      file,
      constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0),
    );
    const now = fstatSync(fd);
    if (!now.isFile() || now.ino !== existing.ino || now.dev !== existing.dev) return false;
    // one byte more than expected, to see a file that grew since it was looked at
    const old = Buffer.allocUnsafe(bytes.length + 1);
    let done = 0;
    for (let n = -1; n !== 0 && done < old.length; done += n) {
      n = readSync(fd, old, done, old.length - done, null);
    }
    return done === bytes.length && old.subarray(0, done).equals(bytes);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // some file systems cannot flush a folder; the file itself is flushed
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function removeTemp(temp: string): void {
  try {
    unlinkSync(temp);
  } catch {
    // never created, or already removed by removeTempFiles()
  }
  untrackTempFile(temp);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // nothing more to do
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

const REASONS: Record<string, string> = {
  EACCES:
    'you may not write there (the folder or the file is read-only); choose another place or ask for write permission',
  EPERM:
    'you may not write there (the folder or the file is read-only); choose another place or ask for write permission',
  EROFS: 'you may not write there (the file system is read-only); choose another place',
  ENOSPC: 'the disk is full; free some space and try again',
  EDQUOT: 'your disk quota is used up; free some space and try again',
  EFBIG: 'the file would be larger than this file system allows; choose another place',
  ENAMETOOLONG: 'the name is too long; choose a shorter file name',
  ELOOP: 'too many symbolic links (a link that points to itself?); check the path',
  EISDIR: 'it is a directory; give a file name',
  ENOENT: 'the folder does not exist (any more); create it first',
  EBUSY: 'the file is busy (in use by the system); choose another file',
  ETXTBSY: 'the file is a running program; choose another file',
  ENXIO: 'it is a socket or a device with nothing behind it; choose a regular file',
  EIO: 'the disk reported an input/output error; check the disk and try again',
  EMFILE: 'too many files are open at once; try again with fewer',
  ENFILE: 'too many files are open on this system; try again later',
  EEXIST: 'a file appeared under the same name meanwhile; try again',
};

/** A failed write of `file` in plain words: what, which path, what to do. */
export function writeError(file: string, error: unknown): TrustcheckError {
  if (error instanceof TrustcheckError) return error;
  const code = errorCode(error);
  const reason = (code !== undefined ? REASONS[code] : undefined) ?? unexpected(error);
  return new TrustcheckError(`${file}: cannot write: ${reason}`, { cause: error });
}

function unexpected(error: unknown): string {
  const code = errorCode(error) ?? 'no code';
  const detail = error instanceof Error ? error.message : String(error);
  return `an unexpected system error (${code}: ${detail}); check the path and try again`;
}

function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
