// init -> fill in -> audit, in every format, on the built binary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  bin,
  cleanEnv,
  fillTemplate,
  list,
  read,
  root,
  run,
  setAnswer,
  tempDir,
  write,
} from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** What `init answers.yaml` writes in a temp folder, made once: every temp folder is alike. */
let template: string;
beforeAll(() => {
  const made = tempDir();
  try {
    const init = run(['init', 'answers.yaml', '--subject', 'Acme B.V.'], { cwd: made.dir });
    expect(init.code, init.stderr).toBe(0);
    template = read(join(made.dir, 'answers.yaml'));
  } finally {
    made.cleanup();
  }
});

/** answers.yaml in the test's folder, as init wrote it, every statement answered `value`. */
function initFilled(value: 'yes' | 'no' = 'yes'): string {
  const file = join(dir, 'answers.yaml');
  write(file, fillTemplate(template, value));
  return file;
}

describe('trustcheck init', () => {
  it('writes a template with every statement of both built-ins, commented', () => {
    const result = run(['init', '--subject', 'Acme B.V.'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    // no trustcheck in this folder's project: the schema for editors is written beside it
    expect(result.stderr).toMatch(
      /wrote \.\/trustcheck-answers\.yaml and answers\.schema\.json: \d+ statements to answer/,
    );
    const text = read(join(dir, 'trustcheck-answers.yaml'));
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./answers.schema.json');
    expect(text).toContain('subject: "Acme B.V."');
    // a new template pins the newest shipped versions
    expect(text).toContain('  trustability:\n    version: 1.1.1');
    expect(text).toContain('  transparantie-apk:\n    version: 2.0.0');
    expect(text).toContain(
      '        # You remind customers when their warranty or guarantee period is about to expire.\n        warranty-expiry: ~',
    );
    expect(text.match(/: ~ #/g)?.length).toBeGreaterThanOrEqual(18 + 10);
  });

  it('refuses to overwrite without --force, and writes to stdout with -', () => {
    initFilled();
    const again = run(['init', 'answers.yaml'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('answers.yaml already exists; use --force');
    expect(read(join(dir, 'answers.yaml'))).not.toContain(': ~ #');
    expect(run(['init', 'answers.yaml', '--force'], { cwd: dir }).code).toBe(0);
    const stdout = run(['init', '-', '-q', 'trustability', '--lang', 'nl'], { cwd: dir });
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toContain('language: nl');
    expect(stdout.stdout).not.toContain('transparantie-apk');
    expect(list(dir)).toEqual(['answers.schema.json', 'answers.yaml']);
  });

  it('speaks the template’s language: --lang nl, or a Dutch locale', () => {
    const nl = run(['init', 'antwoorden.yaml', '--lang', 'nl', '--schema-file'], { cwd: dir });
    expect(nl.code).toBe(0);
    expect(nl.stderr).toBe(
      'antwoorden.yaml en answers.schema.json geschreven: 36 uitspraken te beantwoorden, en de organisatie; daarna: trustcheck audit --answers antwoorden.yaml\n',
    );
    const locale = run(['init', '-q', 'trustability', '--subject', 'Acme'], {
      cwd: dir,
      env: { LANG: 'nl_NL.UTF-8' },
    });
    expect(locale.stderr).toBe(
      [
        'de $schema-regel wijst naar answers.schema.json, naast ./trustcheck-answers.yaml geschreven: trustcheck is niet in dit project geïnstalleerd (node_modules/trustcheck), en een pad naar een globale installatie of de cache van npx blijft niet geldig',
        './trustcheck-answers.yaml en answers.schema.json geschreven: 18 uitspraken te beantwoorden; daarna: trustcheck audit --answers ./trustcheck-answers.yaml',
        '',
      ].join('\n'),
    );
    expect(read(join(dir, 'trustcheck-answers.yaml'))).toContain('language: nl');
  });
});

describe('trustcheck audit --answers', () => {
  it('an all-yes file passes with exit 0, in Markdown on stdout by default', () => {
    initFilled();
    const result = run(['audit', '--answers', 'answers.yaml'], { cwd: dir });
    expect(result.stderr).toContain('Acme B.V.: passed');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# .*Acme B\.V\./);
  });

  it('ends quietly, with its exit code, when what reads its stdout has gone (| true)', () => {
    initFilled();
    // bash, for pipefail: the exit code is trustcheck's, not that of `true`
    const result = spawnSync(
      'bash',
      [
        '-c',
        'set -o pipefail; "$0" "$1" audit -a answers.yaml -f md | true',
        process.execPath,
        bin,
      ],
      { cwd: dir, env: cleanEnv(), encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/error|EPIPE/i);
  });

  it('writes output larger than a pipe holds whole to a reader that is slow to start', () => {
    const expected = run(['schema', 'answers'], { cwd: dir });
    expect(expected.code, expected.stderr).toBe(0);
    // larger than a pipe's buffer (64 KiB on Linux): part of it waits in Node's stream
    expect(Buffer.byteLength(expected.stdout)).toBeGreaterThan(64 * 1024);
    const piped = spawnSync(
      'bash',
      [
        '-c',
        'set -o pipefail; "$0" "$1" schema answers | { sleep 1; cat; }',
        process.execPath,
        bin,
      ],
      { cwd: dir, env: cleanEnv(), encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stdout).toBe(expected.stdout);
  });

  it('a single no fails exactly its section and exits 1 (0 with --fail-on never)', () => {
    const file = initFilled();
    write(file, setAnswer(read(file), 'renewal-warning', 'no'));
    const result = run(['audit', '-a', 'answers.yaml', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      passed: boolean;
      questionnaires: {
        id: string;
        passed: boolean;
        sections: { id: string; passed: boolean }[];
      }[];
    };
    expect(report.passed).toBe(false);
    const failing = report.questionnaires.flatMap((q) =>
      q.sections.filter((s) => !s.passed).map((s) => `${q.id}.${s.id}`),
    );
    expect(failing).toEqual(['trustability.economic-interests']);
    // the failing question and its statement, in words, once
    expect(result.stderr).toContain(
      '✗ no   5/6  Do you proactively protect your customers’ economic interests in their dealings with you?\n' +
        '            – You warn customers before automatically renewing their subscription or other paid service agreement.\n',
    );
    expect(result.stderr.match(/You warn customers/g)).toHaveLength(1);
    const never = run(['audit', '-a', 'answers.yaml', '-f', 'json', '--fail-on', 'never'], {
      cwd: dir,
    });
    expect(never.code).toBe(0);
    expect(never.stdout).toBe(result.stdout);
  });

  it('writes each --output in the format of its extension, atomically, and nothing to stdout', () => {
    initFilled();
    const result = run(
      ['audit', '-a', 'answers.yaml', '-o', 'r.md', '-o', 'r.json', '-o', 'r.xml'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(list(dir)).toEqual(['answers.yaml', 'r.json', 'r.md', 'r.xml']);
    expect(read(join(dir, 'r.md'))).toMatch(/^# /);
    expect(JSON.parse(read(join(dir, 'r.json')))).toMatchObject({
      format: 'trustcheck-report/1',
      passed: true,
    });
    expect(read(join(dir, 'r.xml'))).toMatch(/^<\?xml/);
  });

  it('--format junit on stdout', () => {
    initFilled('no');
    const result = run(['audit', '-a', 'answers.yaml', '-f', 'junit'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/<testsuite name="trustability@1\.1\.1 \(/);
    expect(result.stdout).toContain('classname="trustability.economic-interests"');
  });

  it('-q limits the audit, --subject overrides, --lang nl localizes', () => {
    initFilled();
    const result = run(
      [
        'audit',
        '-a',
        'answers.yaml',
        '-q',
        'trustability',
        '--subject',
        'Other',
        '--lang',
        'nl',
        '-f',
        'json',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      subject: string;
      language: string;
      questionnaires: { id: string; title: string }[];
    };
    expect(report.subject).toBe('Other');
    expect(report.language).toBe('nl');
    expect(report.questionnaires.map((q) => q.id)).toEqual(['trustability']);
    expect(report.questionnaires[0]!.title).toBe('Betrouwbaarheidstest');
    expect(result.stderr).toContain('answers to "transparantie-apk" are ignored');
  });

  it('unanswered statements are an error, unless --allow-incomplete', () => {
    run(['init', 'answers.yaml', '--subject', 'Acme'], { cwd: dir });
    const result = run(['audit', '-a', 'answers.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /answers\.yaml:\d+:\d+: 6 statements are not answered in section "economic-interests"/,
    );
    expect(result.stderr).toContain('--allow-incomplete');
    const incomplete = run(['audit', '-a', 'answers.yaml', '--allow-incomplete', '-f', 'json'], {
      cwd: dir,
    });
    expect(incomplete.code).toBe(1);
    expect(JSON.parse(incomplete.stdout)).toMatchObject({
      passed: false,
      totals: { statementsSatisfied: 0 },
    });
  });

  it('the report date comes from SOURCE_DATE_EPOCH when the file has none', () => {
    initFilled();
    const result = run(['audit', '-a', 'answers.yaml', '-f', 'json'], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: '1796000000' },
    });
    expect(JSON.parse(result.stdout)).toMatchObject({ date: '2026-11-30' });
  });

  it('without a terminal and without --answers, exits 2 at once naming --answers and init', () => {
    const started = Date.now();
    const result = run(['audit'], { cwd: dir, input: '\n' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--answers');
    expect(result.stderr).toContain('trustcheck init');
    expect(existsSync(join(dir, 'trustcheck-answers.yaml'))).toBe(false);
  });
});

describe('a Dutch answer file', () => {
  /** English words of the terminal lines of an audit; a Dutch audit shows none of them. */
  const ENGLISH =
    /\b(passed|failed|questions?|statements?|pass|true|wrote|regressions?|improvements?|satisfied|answer files?|sections?|not gating|exit \d)\b/;

  it('gets every stderr line of a scripted audit in Dutch: summary, wrote, regressions, batch', () => {
    const text = read(join(root, 'examples', 'acme-answers.yaml')).replace(
      /^language: \w+$/m,
      'language: nl',
    );
    const file = join(dir, 'acme.yaml');
    write(
      file,
      /^language:/m.test(text) ? text : text.replace(/^subject:/m, 'language: nl\nsubject:'),
    );
    const first = run(['audit', '-a', 'acme.yaml', '-o', 'r.md', '-o', 'base.json'], { cwd: dir });
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('rapport geschreven: r.md');
    expect(first.stderr).toContain('Acme B.V.: niet voldaan, 7 van 10 vragen voldaan');
    write(file, setAnswer(read(file), 'say-sorry', 'no'));
    const again = run(['audit', '-a', 'acme.yaml', '--baseline', 'base.json', '-f', 'json'], {
      cwd: dir,
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('achteruitgang: “');
    write(join(dir, 'b.yaml'), read(file));
    const batch = run(['audit', '-a', 'acme.yaml', 'b.yaml', '--out-dir', 'out', '--lang', 'nl'], {
      cwd: dir,
    });
    expect(batch.stderr).toContain('2 antwoordbestanden: 0 voldaan, 2 niet voldaan');
    for (const line of [first, again, batch].flatMap((r) => r.stderr.split('\n'))) {
      expect(line).not.toMatch(ENGLISH);
    }
  });
});
