// One interactive session per answers file: `<file>.lock` beside it, created exclusively and
// holding {pid, host, started}. A second session is refused and told who holds the lock; a
// lock left by a crashed session on this host is recognised and taken over, with a message.
//
// A lock from another host is never taken over automatically, however old: trustcheck cannot
// see whether that process lives (a shared volume), and an interactive session may rightly
// stay open for days (a laptop asleep). Losing answers is worse than asking to remove a file.
// For the same reason a lock from another PID namespace on this host (a container) is treated
// as another host's.
import {
  closeSync,
  fstatSync,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  readlinkSync,
  realpathSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TrustcheckError } from '../errors.js';
import { onCleanup, trackTempFile, untrackTempFile } from './cleanup.js';
import { READ_FLAGS } from './read.js';
import { writeError } from './write.js';
import { randomBytes } from 'node:crypto';

/** Who asks for the lock; the shell passes these, so that src/io never touches `process`. */
export interface LockOwner {
  pid: number;
  host: string;
  /** Whether a process of this host lives, e.g. `process.kill(pid, 0)` not throwing ESRCH. */
  isAlive: (pid: number) => boolean;
  /** From currentPidNamespace(); locks of another namespace are never taken over. */
  pidNamespace?: string | undefined;
  /** The clock, for tests. */
  now?: () => Date;
}

export interface LockHolder {
  pid: number;
  host: string;
  started: string;
  pidNamespace?: string;
}

export interface AnswersLock {
  /** The lock file. */
  file: string;
  /** Removes the lock (only if it is still ours). Synchronous and idempotent; also run by
   * removeTempFiles() on a signal. */
  release: () => void;
  /** Set when a stale lock was taken over: a line to print. */
  message: string | undefined;
}

const heldHere = new Set<string>();
const ATTEMPTS = 5;

/**
 * Takes the lock of `answersFile` for this process, or throws a TrustcheckError (exit 2)
 * naming the session that holds it. The shell calls it as:
 *
 *   acquireLock(file, { pid: process.pid, host: os.hostname(),
 *     pidNamespace: currentPidNamespace(), isAlive: (pid) => { try { process.kill(pid, 0);
 *     return true } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM' } } })
 */
export function acquireLock(answersFile: string, owner: LockOwner): AnswersLock {
  const file = lockPathFor(answersFile);
  const holder: LockHolder = {
    pid: owner.pid,
    host: owner.host,
    started: (owner.now?.() ?? new Date()).toISOString(),
    ...(owner.pidNamespace === undefined ? {} : { pidNamespace: owner.pidNamespace }),
  };
  let message: string | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const ino = create(file, `${JSON.stringify(holder)}\n`);
    if (ino !== undefined) return held(file, ino, message);
    const found = readHolder(file);
    if (found === 'gone') continue;
    if (found === 'unreadable') {
      throw new TrustcheckError(
        `${file}: is not a lock trustcheck can read (another session may be starting); if no other session is answering ${answersFile}, remove it`,
      );
    }
    if (!isStale(found.holder, owner, file)) {
      throw new TrustcheckError(
        `${answersFile} is being answered in another session (pid ${found.holder.pid} on host ${found.holder.host}, since ${found.holder.started}); finish that one first, or remove ${file} if it crashed`,
      );
    }
    removeIfSame(file, found.ino);
    message = `took over a stale lock of pid ${found.holder.pid} on host ${found.holder.host} (${file})`;
  }
  throw new TrustcheckError(
    `${file}: the lock keeps changing hands; another session is starting on ${answersFile}, try again`,
  );
}

/** `<file>.lock` beside the real file, so that every spelling and link of it share one lock. */
export function lockPathFor(answersFile: string): string {
  try {
    return `${realpathSync(answersFile)}.lock`;
  } catch {
    try {
      return `${join(realpathSync(dirname(answersFile)), basename(answersFile))}.lock`;
    } catch {
      return `${answersFile}.lock`;
    }
  }
}

/** The PID namespace of this process (Linux), or undefined where there is none to read. */
export function currentPidNamespace(): string | undefined {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return undefined;
  }
}

function held(file: string, ino: bigint, message: string | undefined): AnswersLock {
  heldHere.add(file);
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    unregister();
    heldHere.delete(file);
    removeIfSame(file, ino);
  };
  const unregister = onCleanup(release);
  return { file, release, message };
}

/**
 * Creates the lock with its whole content at once: written to a temp file, then hard-linked
 * to the lock's name (which fails if it exists), so no reader ever sees a half-written lock.
 * Where hard links are not supported, the lock is opened exclusively instead. Returns its
 * inode, or undefined when the lock exists.
 */
function create(file: string, content: string): bigint | undefined {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  trackTempFile(temp);
  try {
    writeFileSync(temp, content, { flag: 'wx', mode: 0o644 });
    try {
      linkSync(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return undefined;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
      return createExclusive(file, content);
    }
    return lstatSync(file, { bigint: true }).ino;
  } catch (error) {
    throw writeError(file, error);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // not created
    }
    untrackTempFile(temp);
  }
}

function createExclusive(file: string, content: string): bigint | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  try {
    writeFileSync(fd, content);
    return fstatSync(fd, { bigint: true }).ino;
  } finally {
    closeSync(fd);
  }
}

/** A lock holds one short line of JSON: more than this is not a lock. */
const MAX_LOCK_BYTES = 4096;

function readHolder(file: string): { holder: LockHolder; ino: bigint } | 'gone' | 'unreadable' {
  let fd: number;
  try {
    // without waiting: a FIFO or device put in the lock's place is refused, not read
    fd = openSync(file, READ_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw new TrustcheckError(`${file}: the lock cannot be read; check its permissions`, {
      cause: error,
    });
  }
  try {
    const stat = fstatSync(fd, { bigint: true });
    if (!stat.isFile() || stat.size > MAX_LOCK_BYTES) return 'unreadable';
    const bytes = Buffer.allocUnsafe(MAX_LOCK_BYTES + 1);
    let total = 0;
    for (let n = -1; n !== 0 && total < bytes.length; total += n) {
      n = readSync(fd, bytes, total, bytes.length - total, null);
    }
    if (total > MAX_LOCK_BYTES) return 'unreadable';
    const value = JSON.parse(bytes.toString('utf8', 0, total)) as unknown;
    if (typeof value !== 'object' || value === null) return 'unreadable';
    const { pid, host, started, pidNamespace } = value as Record<string, unknown>;
    if (!Number.isSafeInteger(pid) || typeof host !== 'string' || typeof started !== 'string') {
      return 'unreadable';
    }
    const holder: LockHolder = { pid: pid as number, host, started };
    if (typeof pidNamespace === 'string') holder.pidNamespace = pidNamespace;
    return { holder, ino: stat.ino };
  } catch {
    return 'unreadable';
  } finally {
    closeSync(fd);
  }
}

/** Stale: left on this host, in this PID namespace, by a process that is gone. */
function isStale(holder: LockHolder, owner: LockOwner, file: string): boolean {
  if (holder.host !== owner.host || holder.pidNamespace !== owner.pidNamespace) return false;
  // our own pid: held by this very process, or left by an earlier process that had our pid
  if (holder.pid === owner.pid) return !heldHere.has(file);
  return !owner.isAlive(holder.pid);
}

/** Removes the lock file if it is still the one we saw (not one that another session made since). */
function removeIfSame(file: string, ino: bigint): void {
  try {
    if (lstatSync(file, { bigint: true }).ino === ino) unlinkSync(file);
  } catch {
    // already gone
  }
}
