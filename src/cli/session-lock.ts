// The one interactive session that may hold an answers file (`<file>.lock`): taken by an
// interactive audit and by `trustcheck upgrade`, with this process as its owner.
import { hostname } from 'node:os';
import { acquireLock, currentPidNamespace, type AnswersLock } from '../io/lock.js';
import type { Context } from './context.js';

/** Takes the lock of an answers file for this process; a stale lock taken over is said. */
export function lockAnswersFile(ctx: Context, file: string): AnswersLock {
  const lock = acquireLock(file, {
    pid: process.pid,
    host: hostname(),
    pidNamespace: currentPidNamespace(),
    isAlive: (pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
  });
  if (lock.message !== undefined) ctx.warn(lock.message);
  return lock;
}
