// CI-native output: the GitHub workflow of docs/ci.md run step by step, GitHub annotations on the
// answers' lines, the job summary, --name templates for quarterly history, several formats with
// --out-dir, and a summary that descends into folders and leaves out what is not a report.
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bin,
  cleanEnv,
  list,
  read,
  root,
  run,
  setAnswer,
  tempDir,
  write,
} from '../support/helpers.js';
import { TIMEOUT } from '../support/timeouts.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const acme = join(root, 'examples', 'acme-answers.yaml');

/** The line of a statement's key in an answers file (1-based). */
const lineOf = (text: string, statement: string): number =>
  text.split('\n').findIndex((l) => new RegExp(`^\\s+${statement}:`).test(l)) + 1;

describe('the GitHub workflow of docs/ci.md', () => {
  interface Step {
    id?: string;
    name?: string;
    run?: string;
  }
  const doc = read(join(root, 'docs', 'ci.md'));
  const workflowText = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .find((t) => t.includes('jobs:'))!;
  const workflow = parse(workflowText) as { jobs: { trustcheck: { steps: Step[] } } };
  const steps = workflow.jobs.trustcheck.steps;
  // the job's options: the config file the page shows, at the repository's root
  const config = /<!-- file: trustcheck\.config\.yaml -->\n```yaml\n([\s\S]*?)```/.exec(doc)![1]!;

  /** A workspace as the checkout gives it, with trustcheck installed where npx finds it. */
  function workspace(): void {
    mkdirSync(join(dir, 'trust'));
    copyFileSync(acme, join(dir, 'trust', 'answers.yaml'));
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    const shim = join(dir, 'node_modules', '.bin', 'trustcheck');
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
    chmodSync(shim, 0o755);
    writeFileSync(join(dir, 'package.json'), '{"private": true}\n');
    writeFileSync(join(dir, 'trustcheck.config.yaml'), config);
  }

  /** Runs the workflow's shell steps as GitHub does (bash -e), but the install. */
  function runSteps(): { code: number; stdout: string; summary: string } {
    const summaryFile = join(dir, 'step-summary.md');
    writeFileSync(summaryFile, '');
    let stdout = '';
    for (const step of steps) {
      if (step.run === undefined || step.id === 'install') continue;
      const result = spawnSync('bash', ['-e', '-c', step.run], {
        cwd: dir,
        encoding: 'utf8',
        env: cleanEnv({
          PATH: `${join(dir, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
          GITHUB_ACTIONS: 'true',
          CI: 'true',
          GITHUB_WORKSPACE: dir,
          GITHUB_STEP_SUMMARY: summaryFile,
          npm_config_update_notifier: 'false',
        }),
        timeout: 60_000,
      });
      stdout += result.stdout;
      if (result.status !== 0)
        return { code: result.status ?? -1, stdout, summary: read(summaryFile) };
    }
    return { code: 0, stdout, summary: read(summaryFile) };
  }

  it('has the steps it documents: install, annotate, audit', () => {
    expect(steps.find((s) => s.id === 'install')?.run).toContain('npm install --no-save');
    expect(steps.filter((s) => s.run?.includes('trustcheck audit'))).toHaveLength(2);
  });

  it('keeps the job’s options in the config file, which the verdict names', () => {
    expect(parse(config)).toMatchObject({
      audit: { answers: 'trust/answers.yaml', baseline: 'trust/baseline.json' },
    });
    for (const step of steps) expect(step.run ?? '').not.toContain('--baseline');
  });

  it(
    'passes on a baseline made as documented, with the report in the job summary',
    () => {
      workspace();
      const first = doc.match(
        /^npx --no-install trustcheck audit .*-o trust\/baseline\.json$/m,
      )![0];
      const made = spawnSync('bash', ['-e', '-c', first], {
        cwd: dir,
        encoding: 'utf8',
        env: cleanEnv({ PATH: `${join(dir, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` }),
      });
      expect(made.status, made.stderr).toBe(0);
      const result = runSteps();
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^::notice title=trustcheck::Acme B\.V\.: no regressions/m);
      expect(result.stdout).not.toContain('::error');
      expect(result.summary).toMatch(/^# Trustability test and Transparency check-up: Acme B\.V\./);
      expect(result.summary.match(/^# /gm)).toHaveLength(1);
      for (const f of ['report.md', 'report.json', 'report.xml'])
        expect(existsSync(join(dir, f))).toBe(true);
      expect(read(join(dir, 'report.xml'))).not.toContain('<failure');
    },
    TIMEOUT.shell,
  );

  it(
    'fails on a regression and annotates the line of the answer',
    () => {
      workspace();
      run(['audit', '--no-baseline', '--fail-on', 'never', '-o', 'trust/baseline.json'], {
        cwd: dir,
      });
      const answers = join(dir, 'trust', 'answers.yaml');
      write(answers, setAnswer(read(answers), 'balanced-incentives', 'no'));
      const result = runSteps();
      expect(result.code).toBe(1);
      const line = lineOf(read(answers), 'balanced-incentives');
      expect(result.stdout).toContain(
        `::error file=trust/answers.yaml,line=${line},title=Are employee compensation%2C incentives%2C and accountabilities aligned with encouraging customers to trust your business?::Incentives for salespeople`,
      );
      expect(result.stdout).toMatch(
        /^::notice title=trustcheck::Acme B\.V\.: 1 regression against trust\/baseline\.json \(exit 1\)/m,
      );
      expect(read(join(dir, 'report.xml')).match(/<failure /g)).toHaveLength(1);
    },
    TIMEOUT.shell,
  );
});

describe('-f github', () => {
  it('annotates every statement that is not true, at its line, without a baseline', () => {
    copyFileSync(acme, join(dir, 'a.yaml'));
    const result = run(['audit', '-a', 'a.yaml', '-f', 'github', '--fail-on', 'never'], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(5);
    const text = read(join(dir, 'a.yaml'));
    // outside GitHub Actions (no GITHUB_WORKSPACE): the absolute path, which a runner converts
    expect(errors[0]).toContain(
      `file=${join(realpathSync(dir), 'a.yaml')},line=${lineOf(text, 'renewal-warning')},`,
    );
    expect(result.stdout).toContain('::group::');
    expect(result.stdout).toMatch(/::notice title=trustcheck::Acme B\.V\.: failed/);
  });

  it('keeps within GitHub’s 10 error annotations a step, summing up the rest', () => {
    const answers = read(acme).replace(/: yes$/gm, ': no');
    write(join(dir, 'a.yaml'), answers);
    const result = run(['audit', '-a', 'a.yaml', '-f', 'github'], { cwd: dir });
    expect(result.code).toBe(1);
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(10);
    expect(errors[9]).toMatch(/title=\d+ more::/);
  });
});

describe('the job summary', () => {
  it('is appended when GITHUB_STEP_SUMMARY is set, not with --no-step-summary', () => {
    copyFileSync(acme, join(dir, 'a.yaml'));
    const summary = join(dir, 'summary.md');
    write(summary, 'before\n');
    const env = { GITHUB_STEP_SUMMARY: summary };
    expect(
      run(['audit', '-a', 'a.yaml', '--fail-on', 'never', '-o', 'r.json'], { cwd: dir, env }).code,
    ).toBe(0);
    expect(read(summary)).toMatch(/^before\n# Trustability test/);
    const length = read(summary).length;
    run(['audit', '-a', 'a.yaml', '--fail-on', 'never', '--no-step-summary'], { cwd: dir, env });
    expect(read(summary)).toHaveLength(length);
  });
});

describe('quarterly history', () => {
  it('--name {subject}/{date} keeps every quarter, several formats at once; summary finds them and the regression', () => {
    mkdirSync(join(dir, 'clients'));
    const q1 = read(acme);
    write(join(dir, 'clients', 'acme.yaml'), q1);
    const audit = () =>
      run(
        [
          'audit',
          '-a',
          'clients',
          '--out-dir',
          'reports',
          '--name',
          '{subject}/{date}',
          '-f',
          'json',
          '-f',
          'md',
          '--fail-on',
          'never',
        ],
        { cwd: dir },
      );
    expect(audit().code).toBe(0);
    write(
      join(dir, 'clients', 'acme.yaml'),
      setAnswer(q1, 'balanced-incentives', 'no').replace(
        'date: "2026-11-23"',
        'date: "2027-02-23"',
      ),
    );
    expect(audit().code).toBe(0);
    expect(list(join(dir, 'reports'))).toEqual(['Acme B.V']);
    expect(list(join(dir, 'reports', 'Acme B.V'))).toEqual([
      '2026-11-23.json',
      '2026-11-23.md',
      '2027-02-23.json',
      '2027-02-23.md',
    ]);
    // a summary of its own, and another JSON file, are left out with a warning
    write(join(dir, 'reports', 'package.json'), '{"name": "x"}\n');
    const summary = run(['summary', 'reports', '-f', 'json'], { cwd: dir });
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stderr).toContain(
      'reports/package.json: not a trustcheck report; left out of the summary',
    );
    write(join(dir, 'reports', 'summary.json'), summary.stdout);
    const again = run(['summary', 'reports', '-f', 'json'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('reports/summary.json: not a trustcheck report');
    const parsed = JSON.parse(again.stdout) as {
      reports: number;
      regressions: { statement: string }[];
    };
    expect(parsed.reports).toBe(2);
    expect(parsed.regressions.map((r) => r.statement)).toEqual([
      'trustability.aligned-incentives.balanced-incentives',
    ]);
  });

  it('a name that two answer files share is refused before anything is written', () => {
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    copyFileSync(acme, join(dir, 'a', 'acme.yaml'));
    copyFileSync(acme, join(dir, 'b', 'Acme.yaml'));
    const result = run(['audit', '-a', 'a/acme.yaml', 'b/Acme.yaml', '--out-dir', 'out'], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('would both be reported to');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('diff', () => {
  it('counts a dropped questionnaire among the regressions it reports', () => {
    copyFileSync(acme, join(dir, 'a.yaml'));
    run(['audit', '-a', 'a.yaml', '--fail-on', 'never', '-o', 'both.json'], { cwd: dir });
    run(['audit', '-a', 'a.yaml', '-q', 'trustability', '--fail-on', 'never', '-o', 'one.json'], {
      cwd: dir,
    });
    const result = run(['diff', 'both.json', 'one.json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^1 regression, 0 improvements/m);
  });
});
