// What must not outlive the process: temp files being written and lock files being held. The
// shell's signal handler calls removeTempFiles() and then exits 130, so an interrupted run
// leaves nothing behind. Everything here is synchronous, so it is safe in a signal handler.
import { unlinkSync } from 'node:fs';

const liveTempFiles = new Set<string>();
const cleanups = new Set<() => void>();

/** Records a temp file before it is created; forget it once it is renamed or removed. */
export function trackTempFile(path: string): void {
  liveTempFiles.add(path);
}

export function untrackTempFile(path: string): void {
  liveTempFiles.delete(path);
}

/**
 * Registers a synchronous action to run at cleanup (a lock's release); returns a function
 * that unregisters it.
 */
export function onCleanup(action: () => void): () => void {
  cleanups.add(action);
  return () => cleanups.delete(action);
}

/**
 * Removes every temp file still being written and runs every registered cleanup (releasing
 * locks). Synchronous, never throws, and idempotent: call it from a SIGINT/SIGTERM/SIGHUP
 * handler, then exit 130. (Writes are synchronous, so a handler runs between them and finds
 * none in flight; the list is kept for any exit path that leaves one behind.)
 */
export function removeTempFiles(): void {
  for (const path of liveTempFiles) {
    try {
      unlinkSync(path);
    } catch {
      // already renamed or removed
    }
  }
  liveTempFiles.clear();
  for (const action of [...cleanups]) {
    try {
      action();
    } catch {
      // a cleanup must not stop the others
    }
  }
  cleanups.clear();
}

/** The temp files written right now (for tests, and for a check at the end of a run). */
export function pendingTempFiles(): string[] {
  return [...liveTempFiles];
}
