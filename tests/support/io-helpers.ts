// For io tests that need other processes (another user, another PID namespace, a signal): the
// io modules bundled into one plain .mjs file that a child `node` can import.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Writes `<dir>/io.mjs` exporting write, cleanup, read and lock; returns its path. */
export function bundleIo(dir: string): string {
  const out = join(dir, 'io.mjs');
  buildSync({
    stdin: {
      contents: ['write', 'cleanup', 'read', 'lock']
        .map((m) => `export * from './src/io/${m}.ts';`)
        .join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'silent',
  });
  chmodSync(out, 0o644);
  return out;
}

/** A temp folder that other users may enter (for runs as `nobody`). */
export function tempFolder(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'trustcheck-io-'));
  chmodSync(dir, 0o755);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The temp files (`.<name>.<hex>.tmp`) left in a folder. */
export function tempFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => /^\..*\.[0-9a-f]{16}\.tmp$/.test(name));
}

export const isRoot = process.getuid?.() === 0;

/** The skip note of a test that only root can run, or undefined when this is root. */
export const rootOnly = (what: string): string | undefined =>
  isRoot
    ? undefined
    : `runs only as root (${what}); run the suite as root, as CI does, to include it`;

/** The skip note of a test that runs a process as the user nobody, or undefined when it can. */
export function asNobody(): string | undefined {
  if (!isRoot) return rootOnly('it runs a process as the user nobody with setpriv');
  return works('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true'])
    ? undefined
    : 'setpriv may not change to the user nobody here (a sandbox forbids it)';
}

/** Whether `command args…` runs here (a sandbox may forbid setpriv or unshare). */
export function works(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 10_000 });
  return result.status === 0;
}

/**
 * Runs rounds 0 … count-1 of a test, `width` at a time, each round in folders of its own: rounds
 * of many short processes finish sooner side by side than one after another. A failing round
 * fails the call once the rounds under way have ended.
 */
export async function inRounds(
  count: number,
  width: number,
  round: (n: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: width }, async () => {
    while (next < count) await round(next++);
  });
  const outcomes = await Promise.allSettled(lanes);
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
}
