// The GitHub job summary (GITHUB_STEP_SUMMARY) goes through the one writer with the checks of
// every output: never onto an input of the run or onto its own report (compared by the file's
// identity, whatever the spelling), never into a pipe (which could hold the run forever), a
// device written in place; whatever stops it is a warning in the audit's language, and the exit
// code stays what the audit decided.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, cleanEnv, read, root, run, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  copyFileSync(join(root, 'examples', 'acme-answers.yaml'), join(dir, 'a.yaml'));
});
afterEach(() => cleanup());

/** An audit of a.yaml (which fails) with the job summary at `summary`. */
const audit = (summary: string, ...args: string[]) =>
  run(['audit', '-a', 'a.yaml', ...args], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });

const warnings = (stderr: string): string[] =>
  stderr.split('\n').filter((l) => l.startsWith('warning:'));

describe('the job summary', () => {
  it('is appended to a regular file, after what it holds', () => {
    write(join(dir, 'summary.md'), 'before\n');
    const result = audit('summary.md', '-o', 'r.json');
    expect(result.code).toBe(1);
    expect(warnings(result.stderr)).toEqual([]);
    expect(read(join(dir, 'summary.md'))).toMatch(/^before\n# Trustability test/);
  });

  it('is never the answers file, however it is spelled', () => {
    const before = read(join(dir, 'a.yaml'));
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'link.yaml'));
    for (const spelling of [join(dir, 'a.yaml'), './sub/../a.yaml', 'link.yaml']) {
      mkdirSync(join(dir, 'sub'), { recursive: true });
      const result = audit(spelling);
      expect(result.code).toBe(1);
      expect(read(join(dir, 'a.yaml'))).toBe(before);
      expect(warnings(result.stderr)).toEqual([
        `warning: the job summary (GITHUB_STEP_SUMMARY=${spelling}) is a.yaml, which this audit reads; trustcheck never writes over its own input, so the report was not appended to it`,
      ]);
      // the last line is still the verdict
      expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(/^Acme B\.V\.: failed/);
    }
  });

  it('is never the baseline: the baseline stays a report that diff reads', () => {
    expect(audit('none.md', '--no-step-summary', '-o', 'baseline.json').code).toBe(1);
    const before = read(join(dir, 'baseline.json'));
    const result = audit('./baseline.json', '--baseline', 'baseline.json', '-o', 'r.json');
    expect(result.code).toBe(0);
    expect(read(join(dir, 'baseline.json'))).toBe(before);
    expect(warnings(result.stderr)).toEqual([
      'warning: the job summary (GITHUB_STEP_SUMMARY=./baseline.json) is baseline.json, which this audit reads; trustcheck never writes over its own input, so the report was not appended to it',
    ]);
    const diff = run(['diff', 'baseline.json', 'r.json'], { cwd: dir });
    expect(diff.code).toBe(0);
    expect(existsSync(join(dir, 'none.md'))).toBe(false);
  });

  it('is never a report file of the same run: that file holds one report', () => {
    const result = audit(join(dir, 'r.md'), '-o', 'r.md', '-o', 'r.json');
    expect(result.code).toBe(1);
    expect(warnings(result.stderr)).toEqual([
      `warning: the job summary (GITHUB_STEP_SUMMARY=${join(dir, 'r.md')}) is r.md, where this audit writes its report; the report was not appended to it a second time`,
    ]);
    const once = run(['audit', '-a', 'a.yaml'], { cwd: dir }).stdout;
    expect(read(join(dir, 'r.md'))).toBe(once);
  });

  it('is refused at once when it is a FIFO with no reader: the run does not wait', () => {
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    const result = spawnSync(process.execPath, [bin, 'audit', '-a', 'a.yaml'], {
      cwd: dir,
      env: cleanEnv({ GITHUB_STEP_SUMMARY: 'fifo' }),
      encoding: 'utf8',
      input: '',
      // a run that waited on the pipe would be killed here, and fail the test
      timeout: 15_000,
      killSignal: 'SIGKILL',
    });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(warnings(result.stderr)).toEqual([
      'warning: cannot append the report to the job summary fifo: it is a pipe or a socket, which could keep the audit waiting; give a file; the audit goes on',
    ]);
  });

  it('is written to a device in place: /dev/null takes it', () => {
    const result = audit('/dev/null', '--fail-on', 'never');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('warning:');
    expect(existsSync('/dev/null')).toBe(true);
  });

  it.runIf(existsSync('/dev/full'))('is a warning when the device is full', () => {
    const result = audit('/dev/full', '--fail-on', 'never');
    expect(result.code).toBe(0);
    expect(warnings(result.stderr)).toEqual([
      'warning: cannot append the report to the job summary /dev/full: the disk is full; the audit goes on',
    ]);
  });

  it('is a warning when its folder is missing, and the exit code stays the audit’s', () => {
    const missing = join(dir, 'missing', 'summary.md');
    const failing = audit(missing);
    expect(failing.code).toBe(1);
    expect(warnings(failing.stderr)).toEqual([
      `warning: cannot append the report to the job summary ${missing}: its folder does not exist; the audit goes on`,
    ]);
    const passing = audit(missing, '--fail-on', 'never');
    expect(passing.code).toBe(0);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('is warned about in the audit’s language', () => {
    const result = audit(join(dir, 'missing', 'summary.md'), '--lang', 'nl', '--fail-on', 'never');
    expect(result.code).toBe(0);
    expect(warnings(result.stderr)).toEqual([
      `warning: kan het rapport niet toevoegen aan de samenvatting van de job ${join(dir, 'missing', 'summary.md')}: de map bestaat niet; de audit gaat door`,
    ]);
    const input = audit('a.yaml', '--lang', 'nl', '--fail-on', 'never');
    expect(warnings(input.stderr)).toEqual([
      'warning: de samenvatting van de job (GITHUB_STEP_SUMMARY=a.yaml) is a.yaml, dat deze audit leest; trustcheck schrijft nooit over zijn eigen invoer, dus het rapport is er niet aan toegevoegd',
    ]);
  });
});
