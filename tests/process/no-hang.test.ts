// Never hang on an input: a FIFO with no writer in a folder given to `summary`, and an answers
// file's lock that is a FIFO or a link to /dev/zero. Each run ends by itself with exit 2 and a
// message (or, were it to wait, with 130 within a second of SIGTERM), and its memory stays small
// (a lock linked to /dev/zero once ate gigabytes).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, cleanEnv, fillTemplate, run, tempDir, write } from '../support/helpers.js';

const made = tempDir();
afterAll(made.cleanup);
beforeAll(() => {
  write(join(made.dir, 'good.yaml'), fillTemplate(run(['init', '-', '--subject', 'Acme']).stdout));
  const report = run(['audit', '-a', 'good.yaml', '-o', 'good.json'], { cwd: made.dir });
  expect(report.code, report.stderr).toBe(0);
});

/** A folder of its own for one case, with the answers file and the report. */
function folder(name: string): string {
  const dir = join(made.dir, name);
  mkdirSync(dir);
  copyFileSync(join(made.dir, 'good.yaml'), join(dir, 'good.yaml'));
  copyFileSync(join(made.dir, 'good.json'), join(dir, 'good.json'));
  return dir;
}

function mkfifo(path: string): void {
  const result = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

/** How long a run may take before it counts as waiting, and is sent SIGTERM. */
const WAITING_MS = 5_000;
/** The most memory (resident, at its peak) a run may take: Node itself takes about 50 MB. */
const MAX_RESIDENT_KB = 200 * 1024;

interface Ended {
  code: number | null;
  output: string;
  /** Milliseconds from SIGTERM to the exit, when it had to be sent. */
  afterSigterm?: number;
  /** The largest peak resident size seen while it ran (kB). */
  peakKb: number;
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The peak resident size of process `pid` so far (kB), if it still runs. */
function peakResident(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

/**
 * Runs trustcheck in `cwd` (in a pseudo-terminal made by `script` when `terminal`), watching its
 * memory; when it has not ended after WAITING_MS, sends it SIGTERM.
 */
async function runWatched(cwd: string, args: string[], terminal = false): Promise<Ended> {
  const child = terminal
    ? spawn(
        'script',
        // exec: the shell that script starts becomes trustcheck, so that trustcheck is its child
        ['-qec', `exec ${[process.execPath, bin, ...args].map(shellQuote).join(' ')}`, '/dev/null'],
        { cwd, env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] },
      )
    : spawn(process.execPath, [bin, ...args], {
        cwd,
        env: cleanEnv(),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  let ended = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      ended = true;
      resolve(code);
    }),
  );
  // trustcheck itself: the child, or the process `script` started (once it runs trustcheck)
  const target = (): number | undefined => {
    if (!terminal) return child.pid;
    const found = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' });
    const pid = Number(found.stdout.trim().split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(bin) ? pid : undefined;
    } catch {
      return undefined;
    }
  };
  let peakKb = 0;
  const started = Date.now();
  while (!ended && Date.now() - started < WAITING_MS) {
    const pid = target();
    if (pid !== undefined) peakKb = Math.max(peakKb, peakResident(pid) ?? 0);
    await new Promise((r) => setTimeout(r, 10));
  }
  if (ended) return { code: await exited, output, peakKb };
  const pid = target();
  const sent = Date.now();
  if (pid !== undefined) process.kill(pid, 'SIGTERM');
  const code = await Promise.race([
    exited,
    new Promise<'still running'>((r) => setTimeout(() => r('still running'), 5_000)),
  ]);
  if (code === 'still running') {
    if (pid !== undefined) process.kill(pid, 'SIGKILL');
    child.kill('SIGKILL');
    await exited;
    return { code: null, output: `${output}\n(still running 5 s after SIGTERM)`, peakKb };
  }
  return { code, output, afterSigterm: Date.now() - sent, peakKb };
}

/** Ended with exit 2 and a message by itself, or with 130 within a second of SIGTERM. */
function expectEnded(ended: Ended, message: RegExp): void {
  expect(ended.output).not.toMatch(/internal error|\n\s+at /);
  expect(ended.peakKb, 'peak resident kB').toBeLessThan(MAX_RESIDENT_KB);
  if (ended.afterSigterm === undefined) {
    expect(ended.code, ended.output).toBe(2);
    // a terminal wraps long lines: the words, joined again
    expect(ended.output.replace(/\r?\n {0,2}/g, ' ')).toMatch(message);
  } else {
    expect(ended.code, ended.output).toBe(130);
    expect(ended.afterSigterm).toBeLessThan(1_000);
  }
}

describe('never hang on an input', () => {
  it('a FIFO with no writer inside a summary folder', async () => {
    const dir = folder('summary-fifo');
    mkdirSync(join(dir, 'reports'));
    copyFileSync(join(dir, 'good.json'), join(dir, 'reports', 'a.json'));
    mkfifo(join(dir, 'reports', 'b.json'));
    const ended = await runWatched(dir, ['summary', 'reports']);
    expectEnded(ended, /reports\/b\.json: is a named pipe \(FIFO\), not a report/);
  });

  it('a lock file that is a FIFO', async () => {
    const dir = folder('lock-fifo');
    mkfifo(join(dir, 'good.yaml.lock'));
    const ended = await runWatched(dir, ['audit', '-a', 'good.yaml', '--interactive'], true);
    expectEnded(ended, /good\.yaml\.lock: is not a lock trustcheck can read/);
  });

  it('a lock file linked to /dev/zero', async () => {
    const dir = folder('lock-zero');
    symlinkSync('/dev/zero', join(dir, 'good.yaml.lock'));
    const ended = await runWatched(dir, ['audit', '-a', 'good.yaml', '--interactive'], true);
    expectEnded(ended, /good\.yaml\.lock: is not a lock trustcheck can read/);
  });
});
