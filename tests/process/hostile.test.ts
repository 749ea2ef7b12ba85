// Input written to hurt, run through the built binary: ids named like Object's own members,
// thousands of unknown keys, a 200 KB subject, deep nesting, formulas for spreadsheets and
// escape sequences for the terminal. Each ends with its documented exit code and a clear,
// short, safe message, in seconds.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, read, run, tempDir, write } from '../support/helpers.js';

const allYes = readFileSync(join(fixtures, 'answers', 'valid', 'all-yes.yaml'), 'utf8');
const minimal = readFileSync(join(fixtures, 'questionnaires', 'valid', 'minimal.yaml'), 'utf8');
const withExtraKeys = (keys: string) =>
  allYes.replace('        warranty-expiry: yes\n', `        warranty-expiry: yes\n${keys}`);

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u001b\u009b\u0007\u202a-\u202e\u2066-\u2069]/;

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

function timed(args: string[], timeout = 30_000) {
  const start = Date.now();
  const result = run(args, { cwd: dir, timeout });
  return { ...result, seconds: (Date.now() - start) / 1000 };
}

function expectCleanFailure(result: { code: number | null; stderr: string; stdout: string }) {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/Maximum call stack|internal error|\n\s+at .+:\d+:\d+/);
}

describe('ids named like Object members', () => {
  it('questionnaires validate refuses a questionnaire id "constructor"', () => {
    write(join(dir, 'ctor-q.yaml'), minimal.replace('id: supplier-check', 'id: constructor'));
    const result = run(['questionnaires', 'validate', 'ctor-q.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'ctor-q.yaml:2:5: the questionnaire id "constructor" is a name every JavaScript object already has',
    );
  });

  it('questionnaires validate refuses a section id "constructor" and a statement id "prototype"', () => {
    write(
      join(dir, 'ctor-s.yaml'),
      minimal
        .replace('  - id: contracts', '  - id: constructor')
        .replace('      - id: plain-terms', '      - id: prototype'),
    );
    const result = run(['questionnaires', 'validate', 'ctor-s.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'ctor-s.yaml:8:9: the section id "constructor" is a name every JavaScript object already has',
    );
    expect(result.stderr).toContain(
      'ctor-s.yaml:11:13: the statement id "prototype" is a name every JavaScript object already has',
    );
  });

  it('an answer key "constructor" is an unknown statement, never Object', () => {
    write(join(dir, 'ctor-a.yaml'), withExtraKeys('        constructor: yes\n'));
    const result = run(['audit', '-a', 'ctor-a.yaml', '-o', 'ctor.json'], { cwd: dir });
    expectCleanFailure(result);
    expect(result.stderr).toBe(
      'error: ctor-a.yaml:12:9: unknown statement "constructor" in section "economic-interests"; expected one of: warranty-expiry, renewal-warning, upgrade-eligibility, unclaimed-entitlements, overbuying-advice, competitor-referral\n',
    );
    expect(result.stderr).not.toContain('Object');
  });
});

describe('cost grows linearly', () => {
  it('20,000 unknown keys: 20 messages, then how many more, in seconds', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `        unknown-key-${i}: yes\n`);
    write(join(dir, 'many.yaml'), withExtraKeys(keys.join('')));
    const result = timed(['audit', '-a', 'many.yaml', '-o', 'many.md']);
    expectCleanFailure(result);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(
      'error: many.yaml:12:9: unknown statement "unknown-key-0" in section "economic-interests"; expected one of: warranty-expiry, renewal-warning, upgrade-eligibility, unclaimed-entitlements, overbuying-advice, competitor-referral',
    );
    expect(lines[20]).toBe('error: and 19,980 more');
    expect(result.seconds).toBeLessThan(10);
  });

  it('a 1 MB unknown key is shortened in the message', () => {
    const key = `overbuying-adv${'x'.repeat(1_048_576 - 14)}`;
    write(
      join(dir, 'big-key.json'),
      JSON.stringify({
        format: 'trustcheck-answers/1',
        subject: 'Acme',
        questionnaires: {
          trustability: { version: '1.0.0', answers: { 'economic-interests': { [key]: 'yes' } } },
        },
      }),
    );
    const result = timed(['audit', '-a', 'big-key.json', '--allow-incomplete', '-o', 'k.md']);
    expectCleanFailure(result);
    expect(result.stderr).toContain(`"${key.slice(0, 80)}…(1,048,576 characters)"`);
    expect(result.stderr.length).toBeLessThan(1000);
  });

  it('a 200 KB subject renders quickly, its heading shortened', () => {
    const subject = 'Acme '.repeat(40_000).trim();
    write(join(dir, 'subject.yaml'), allYes.replace('subject: Acme B.V.', `subject: ${subject}`));
    const result = timed(['audit', '-a', 'subject.yaml', '-o', 'subject.md']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.seconds).toBeLessThan(10);
    const heading = read(join(dir, 'subject.md')).split('\n')[0]!;
    expect(heading).toMatch(/^# Trustability test: Acme Acme .*…, 2026-11-23$/);
    expect(heading.length).toBeLessThanOrEqual(80);
  });
});

describe('nesting', () => {
  it('3,000 levels of block indentation: a clear error, not a stack overflow', () => {
    const text = `${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`;
    write(join(dir, 'deep.yaml'), text);
    const result = run(['audit', '-a', 'deep.yaml'], { cwd: dir });
    expectCleanFailure(result);
    expect(result.stderr).toBe(
      'error: deep.yaml:102:102: the data is nested more than 100 levels deep\n',
    );
  });

  it('"- " 100,000 times: a clear error', () => {
    write(join(dir, 'dashes.yaml'), `${'- '.repeat(100_000)}x\n`);
    const result = run(['audit', '-a', 'dashes.yaml'], { cwd: dir });
    expectCleanFailure(result);
    expect(result.stderr).toBe(
      'error: dashes.yaml:1:203: the data is nested more than 100 levels deep\n',
    );
  });

  it('a note holding 101 "[" in a block scalar is accepted', () => {
    write(
      join(dir, 'brackets.yaml'),
      allYes.replace(
        '        warranty-expiry: yes\n',
        `        warranty-expiry:\n          answer: no\n          note: |\n            ${'['.repeat(101)}\n`,
      ),
    );
    const result = run(['audit', '-a', 'brackets.yaml', '-o', 'brackets.json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(read(join(dir, 'brackets.json'))) as {
      questionnaires: { sections: { statements: { note: string | null }[] }[] }[];
    };
    expect(report.questionnaires[0]!.sections[0]!.statements[0]!.note).toBe(`${'['.repeat(101)}\n`);
  });
});

describe('spreadsheets and terminals', () => {
  it('summary CSV quotes every text cell and neutralises formulas', () => {
    const reports = join(dir, 'csv-reports');
    mkdirSync(reports);
    const subjects = ["Acme;=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example")', '@SUM(1)'];
    subjects.forEach((subject, i) => {
      write(
        join(dir, `csv-${i}.yaml`),
        allYes.replace('subject: Acme B.V.', `subject: ${JSON.stringify(subject)}`),
      );
      const audit = run(['audit', '-a', `csv-${i}.yaml`, '-o', `csv-reports/r${i}.json`], {
        cwd: dir,
      });
      expect(audit.code, audit.stderr).toBe(0);
    });
    const result = run(['summary', 'csv-reports', '--format', 'csv'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(
      /^"'=HYPERLINK\(""http:\/\/evil\.example""\)","2026-11-23","pass",18,18,/,
    );
    expect(lines[2]).toMatch(/^"'@SUM\(1\)",/);
    expect(lines[3]).toMatch(/^"Acme;=cmd\|' \/C calc'!A0",/);
    const rows: string[][] = parse(result.stdout);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '\'=HYPERLINK("http://evil.example")',
      "'@SUM(1)",
      "Acme;=cmd|' /C calc'!A0",
    ]);
    for (const line of lines) expect(line.replace(/"(?:[^"]|"")*"/g, '')).not.toContain(';');
  });

  it('an error quoting an escape-laden key shows no raw ESC, CSI, BEL or bidi override', () => {
    write(
      join(dir, 'esc.yaml'),
      withExtraKeys('        "x\\e]0;PWNED-TITLE\\a\\e[2J\\u009b31m\\u202eevil": yes\n'),
    );
    const result = run(['audit', '-a', 'esc.yaml'], { cwd: dir });
    expectCleanFailure(result);
    expect(result.stderr).not.toMatch(UNSAFE);
    expect(result.stderr).toContain(
      'unknown statement "x\\u{1b}]0;PWNED-TITLE\\u{7}\\u{1b}[2J\\u{9b}31m\\u{202e}evil"',
    );
  });

  it('a baseline report whose ids hold escape sequences is refused, safely', () => {
    write(join(dir, 'base-answers.yaml'), allYes);
    const audit = run(['audit', '-a', 'base-answers.yaml', '-o', 'base.json'], { cwd: dir });
    expect(audit.code, audit.stderr).toBe(0);
    const report = JSON.parse(read(join(dir, 'base.json'))) as {
      questionnaires: { id: string }[];
    };
    report.questionnaires[0]!.id = 'evil\u001b]0;PWNED-TITLE\u0007';
    write(join(dir, 'evil-base.json'), JSON.stringify(report, null, 2));
    for (const args of [
      ['audit', '-a', 'base-answers.yaml', '--baseline', 'evil-base.json', '-o', 'evil.md'],
      ['diff', 'evil-base.json', 'base.json'],
    ]) {
      const result = run(args, { cwd: dir });
      expectCleanFailure(result);
      expect(result.stderr).not.toMatch(UNSAFE);
      expect(result.stderr).toMatch(
        /evil-base\.json:\d+:\d+: "id" must be a valid id: .*found the text "evil\\u\{1b\}\]0;PWNED-TITLE\\u\{7\}"/,
      );
    }
  });

  it('a questionnaire whose words hold escapes and forged workflow commands reaches no output raw', () => {
    const evil = '\\e]0;PWNED\\a\\e[2J\\u009b31m\\u202eevil\\n::error::forged';
    write(
      join(dir, 'evil-q.yaml'),
      minimal.replace('en: Your terms are written in plain language.', `en: "Terms ${evil}"`),
    );
    expect(
      run(['init', 'evil-a.yaml', '-q', './evil-q.yaml', '--subject', 'Acme'], { cwd: dir }).code,
    ).toBe(0);
    // the template's comment holds the words on one line, without the controls
    const template = read(join(dir, 'evil-a.yaml'));
    expect(template).toContain('# Terms ]0;PWNED [2J 31m evil ::error::forged');
    expect(template).not.toMatch(UNSAFE);
    write(join(dir, 'evil-a.yaml'), template.replace(/: ~ #.*/g, ': no'));
    for (const format of ['github', 'json', 'junit', 'md', 'html']) {
      const result = run(['audit', '-a', 'evil-a.yaml', '-q', './evil-q.yaml', '-f', format], {
        cwd: dir,
      });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toContain('PWNED');
      expect(result.stdout, format).not.toMatch(UNSAFE);
      expect(result.stderr).not.toMatch(UNSAFE);
      // no line the text wrote is a workflow command, should the output be printed in a CI log
      for (const line of result.stdout.split('\n')) {
        if (format === 'github')
          expect(line).toMatch(/^(?!::)|^::(error|notice) |^::(end)?group::/);
        else expect(line).not.toMatch(/^\s*::/);
      }
    }
  });

  it('a subject that is a CI runner command is shown, not obeyed, on stderr and in every report', () => {
    write(
      join(dir, 'ci-subject.yaml'),
      allYes.replace(/^subject: .*$/m, 'subject: "::warning::forged ##[error]forged"'),
    );
    for (const format of ['md', 'json', 'junit', 'html', 'github']) {
      const result = run(['audit', '-a', 'ci-subject.yaml', '-f', format], {
        cwd: dir,
        env: { GITHUB_ACTIONS: 'true', CI: 'true' },
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('\\u{3a}:warning::forged #\\u{23}[error]forged: passed');
      for (const line of [...result.stderr.split('\n'), ...result.stdout.split('\n')]) {
        if (format === 'github' && /^::(error|notice) /.test(line)) continue;
        expect(line, format).not.toMatch(/^\s*::|##\[/);
      }
    }
  });

  it('a file name with an escape sequence is shown safely', () => {
    const name = 'bad\u001b[2Jname.yaml';
    write(join(dir, name), 'format: trustcheck-answers/1\n');
    const result = run(['audit', '-a', name], { cwd: dir });
    expectCleanFailure(result);
    expect(result.stderr).not.toMatch(UNSAFE);
    expect(result.stderr).toContain('bad\\u{1b}[2Jname.yaml');
  });
});
