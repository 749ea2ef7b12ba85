// No read blocks: in every place trustcheck reads a file, a FIFO with no writer and a link to
// /dev/zero either end the run with exit 2 at once, or leave it waiting in a way that SIGTERM
// still ends (exit 130 within a second). A FIFO is waited for only where a pipe may be an input
// (a path named on the command line); a link to /dev/zero stops at the 5 MiB cap or is refused.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, cleanEnv, fillTemplate, run, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  const template = run(['init', '-', '--subject', 'Acme B.V.'], { cwd: dir });
  write(join(dir, 'good.yaml'), fillTemplate(template.stdout));
  const report = run(['audit', '-a', 'good.yaml', '-f', 'json', '-o', 'good.json'], { cwd: dir });
  expect(report.code, report.stderr).toBe(0);
});
afterEach(() => cleanup());

/** A FIFO no one writes to, at `name` in the temp folder. */
function fifo(name: string): string {
  const path = join(dir, name);
  execOk('mkfifo', [path]);
  return path;
}

/** A symbolic link to /dev/zero, at `name`. */
function zero(name: string): string {
  const path = join(dir, name);
  symlinkSync('/dev/zero', path);
  return path;
}

function execOk(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

/** Whether process `pid` holds `path` open (Linux: /proc/PID/fd). */
function holdsOpen(pid: number, path: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === path;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

interface Outcome {
  code: number | null;
  stderr: string;
  /** Milliseconds from SIGTERM to the exit; undefined when it ended by itself. */
  afterSigterm?: number;
}

/**
 * Runs trustcheck with `args`, optionally in a pseudo-terminal (`script`); once it holds
 * `waitsOn` open (or after it has ended), sends SIGTERM if it still runs.
 */
async function runAndTerminate(
  args: string[],
  options: { waitsOn?: string; terminal?: boolean } = {},
): Promise<Outcome> {
  const command = options.terminal === true ? 'script' : process.execPath;
  const commandArgs =
    options.terminal === true
      ? ['-qec', [process.execPath, bin, ...args].map(shellQuote).join(' '), '/dev/null']
      : [bin, ...args];
  const child = spawn(command, commandArgs, {
    cwd: dir,
    env: cleanEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // in a terminal, `script` copies what the program writes on stderr to its stdout
  child.stdout.on('data', (d: Buffer) => {
    if (options.terminal === true) stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  let ended = false;
  void exited.then(() => (ended = true));
  // the program under test: the child itself, or the one process `script` started
  const target = (): number | undefined => {
    if (options.terminal !== true) return child.pid;
    const out = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' });
    const pid = Number(out.stdout.trim().split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  };
  const deadline = Date.now() + 15_000;
  while (!ended && Date.now() < deadline) {
    const pid = target();
    if (options.waitsOn !== undefined && pid !== undefined && holdsOpen(pid, options.waitsOn)) {
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  // a terminal wraps long lines: the words, joined again
  const text = () => (options.terminal === true ? stderr.replace(/\r?\n {0,2}/g, ' ') : stderr);
  if (ended) return { code: await exited, stderr: text() };
  const pid = target();
  const sent = Date.now();
  if (pid !== undefined) process.kill(pid, 'SIGTERM');
  const code = await exited;
  return { code, stderr: text(), afterSigterm: Date.now() - sent };
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Ended with exit 2 by itself, or with 130 within a second of SIGTERM; never a trace. */
function expectEnded(outcome: Outcome): void {
  expect(outcome.stderr).not.toMatch(/internal error|\n\s+at /);
  if (outcome.afterSigterm === undefined) {
    expect(outcome.code, outcome.stderr).toBe(2);
    expect(outcome.stderr).toMatch(/^error/m);
  } else {
    expect(outcome.code, outcome.stderr).toBe(130);
    expect(outcome.afterSigterm).toBeLessThan(1000);
  }
}

describe('a FIFO with no writer, where a pipe may be an input: waited for, and SIGTERM ends it', () => {
  const cases: [string, (f: string) => string[]][] = [
    ['the answers file', (f) => ['audit', '-a', f]],
    ['a -q questionnaire', (f) => ['audit', '-a', 'good.yaml', '-q', f]],
    ['the --baseline', (f) => ['audit', '-a', 'good.yaml', '--baseline', f]],
    ['the first diff input', (f) => ['diff', f, 'good.json']],
    ['the second diff input', (f) => ['diff', 'good.json', f]],
    ['a summary argument', (f) => ['summary', 'good.json', f]],
    ['questionnaires validate', (f) => ['questionnaires', 'validate', f]],
    ['questionnaires show', (f) => ['questionnaires', 'show', f]],
    ['schema answers -q', (f) => ['schema', 'answers', '-q', f]],
    ['init -q', (f) => ['init', '-', '-q', f]],
  ];
  it.each(cases)('%s', async (_, args) => {
    const path = fifo('input.yaml');
    const outcome = await runAndTerminate(args(path), { waitsOn: path });
    expectEnded(outcome);
    // waited for its writer, like `cat`, until the signal
    expect(outcome.afterSigterm).toBeDefined();
  });
});

describe('a link to /dev/zero named as an input: stopped at the 5 MiB cap, exit 2', () => {
  const cases: [string, (f: string) => string[], string][] = [
    ['the answers file', (f) => ['audit', '-a', f], 'answer file'],
    ['a -q questionnaire', (f) => ['audit', '-a', 'good.yaml', '-q', f], 'questionnaire'],
    ['the --baseline', (f) => ['audit', '-a', 'good.yaml', '--baseline', f], 'report'],
    ['a diff input', (f) => ['diff', f, 'good.json'], 'report'],
    ['a summary argument', (f) => ['summary', 'good.json', f], 'report'],
    ['questionnaires validate', (f) => ['questionnaires', 'validate', f], 'questionnaire'],
    ['schema answers -q', (f) => ['schema', 'answers', '-q', f], 'questionnaire'],
    ['init -q', (f) => ['init', '-', '-q', f], 'questionnaire'],
  ];
  it.each(cases)('%s', async (_, args, what) => {
    const outcome = await runAndTerminate(args(zero('zero.yaml')));
    expectEnded(outcome);
    expect(outcome.afterSigterm).toBeUndefined();
    expect(outcome.stderr).toContain(`the ${what} is larger than 5 MiB`);
  });
});

describe('where a regular file is expected, a FIFO or a device is refused at once (exit 2)', () => {
  it.each([
    ['fifo', (name: string) => fifo(name), 'a named pipe (FIFO)'],
    ['/dev/zero', (name: string) => zero(name), 'a device'],
  ])('a %s inside a summary folder', async (_, make, kind) => {
    mkdirSync(join(dir, 'reports'));
    copyFileSync(join(dir, 'good.json'), join(dir, 'reports', 'a.json'));
    make('reports/b.json');
    const outcome = await runAndTerminate(['summary', 'reports']);
    expectEnded(outcome);
    expect(outcome.afterSigterm).toBeUndefined();
    expect(outcome.stderr).toContain(`b.json: is ${kind}, not a report`);
  });

  it.each([
    ['fifo', (name: string) => fifo(name), 'a named pipe (FIFO)'],
    ['/dev/zero', (name: string) => zero(name), 'a device'],
  ])('a %s inside a folder of answer files', async (_, make, kind) => {
    mkdirSync(join(dir, 'answers'));
    copyFileSync(join(dir, 'good.yaml'), join(dir, 'answers', 'a.yaml'));
    make('answers/b.yaml');
    const outcome = await runAndTerminate(['audit', '-a', 'answers', '--out-dir', 'out']);
    expectEnded(outcome);
    expect(outcome.afterSigterm).toBeUndefined();
    expect(outcome.stderr).toContain(`b.yaml: is ${kind}, not an answer file`);
  });

  it.each([
    ['fifo', (name: string) => fifo(name)],
    ['/dev/zero', (name: string) => zero(name)],
  ])('a %s as the --schema-file init would replace', async (_, make) => {
    make('answers.schema.json');
    const outcome = await runAndTerminate(['init', 'a.yaml', '--schema-file']);
    expectEnded(outcome);
    expect(outcome.afterSigterm).toBeUndefined();
    expect(outcome.stderr).toContain('is not a trustcheck answers schema');
  });

  it.each([
    ['fifo', (name: string) => fifo(name)],
    ['/dev/zero', (name: string) => zero(name)],
  ])('a %s as the answers file init would replace (--force)', async (_, make) => {
    make('a.yaml');
    const outcome = await runAndTerminate(['init', 'a.yaml', '--force']);
    expectEnded(outcome);
    expect(outcome.afterSigterm).toBeUndefined();
  });
});

describe('an interactive session (in a pseudo-terminal)', () => {
  it.each([
    ['fifo', (name: string) => fifo(name)],
    ['/dev/zero', (name: string) => zero(name)],
  ])('a %s as the lock file is refused (exit 2)', async (_, make) => {
    make('good.yaml.lock');
    const outcome = await runAndTerminate(['audit', '-a', 'good.yaml', '--interactive'], {
      terminal: true,
    });
    expectEnded(outcome);
    expect(outcome.afterSigterm).toBeUndefined();
    expect(outcome.stderr).toContain('is not a lock trustcheck can read');
  });

  it.each([
    ['fifo', (name: string) => fifo(name), 'a named pipe (FIFO)'],
    ['/dev/zero', (name: string) => zero(name), 'a device'],
  ])('a %s as the answers file to resume is refused (exit 2)', async (_, make, kind) => {
    make('resume.yaml');
    const outcome = await runAndTerminate(['audit', '--resume', 'resume.yaml'], {
      terminal: true,
    });
    expectEnded(outcome);
    expect(outcome.afterSigterm).toBeUndefined();
    expect(outcome.stderr).toContain(`is ${kind}, not an answer file`);
  });
});
