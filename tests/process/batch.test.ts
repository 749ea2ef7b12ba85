// Consultant scale: batch audits with --out-dir, and the portfolio summary.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, list, read, run, setAnswer, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
let template: string;
// one template for every test: init's output is the same each time
beforeAll(() => {
  const init = run(['init', '-', '--subject', 'X']);
  expect(init.code, init.stderr).toBe(0);
  template = fillTemplate(init.stdout);
});
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'clients'));
  write(join(dir, 'clients', 'acme.yaml'), template.replace('subject: "X"', 'subject: "Acme"'));
  write(
    join(dir, 'clients', 'globex.yaml'),
    setAnswer(template.replace('subject: "X"', 'subject: "Globex"'), 'no-paid-reviews', 'no'),
  );
  write(
    join(dir, 'clients', 'initech.yaml'),
    template
      .replace('subject: "X"', 'subject: "Initech"')
      .replace('renewal-warning: yes', 'renewal-warning: maybe'),
  );
  write(join(dir, 'clients', 'notes.txt'), 'not an answer file');
});
afterEach(() => cleanup());

describe('audit --out-dir', () => {
  it('writes one report per answer file; a broken file does not stop the others; exit is the worst code', () => {
    const result = run(
      [
        'audit',
        '-a',
        'clients/acme.yaml',
        'clients/globex.yaml',
        'clients/initech.yaml',
        '--out-dir',
        'reports',
        '-f',
        'json',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(list(join(dir, 'reports'))).toEqual(['acme.json', 'globex.json']);
    expect(JSON.parse(read(join(dir, 'reports', 'globex.json')))).toMatchObject({
      subject: 'Globex',
      passed: false,
    });
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe(
      'passed clients/acme.yaml -> reports/acme.json (10/10 questions, 36/36 statements)',
    );
    expect(lines[1]).toBe(
      'failed clients/globex.yaml -> reports/globex.json (9/10 questions, 35/36 statements)',
    );
    expect(lines[2]).toMatch(
      /^error clients\/initech\.yaml:\d+:\d+: "renewal-warning" must be yes, no, na/,
    );
    expect(lines.at(-1)).toBe('3 answer files: 1 passed, 1 failed, 1 could not be audited');
  });

  it('takes a folder, and exits 1 when the worst is a failing audit', () => {
    write(
      join(dir, 'clients', 'initech.yaml'),
      template.replace('subject: "X"', 'subject: "Initech"'),
    );
    const result = run(['audit', '-a', 'clients', '--out-dir', 'reports'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(list(join(dir, 'reports'))).toEqual(['acme.md', 'globex.md', 'initech.md']);
    expect(
      run(['audit', '-a', 'clients', '--out-dir', 'reports', '--fail-on', 'never'], { cwd: dir })
        .code,
    ).toBe(0);
  });
});

describe('summary', () => {
  function reports(): string[] {
    write(
      join(dir, 'clients', 'initech.yaml'),
      template.replace('subject: "X"', 'subject: "Initech"'),
    );
    expect(
      run(['audit', '-a', 'clients', '--out-dir', 'reports', '-f', 'json', '--fail-on', 'never'], {
        cwd: dir,
      }).code,
    ).toBe(0);
    // a later report of Acme, with a regression and a common failure
    const later = setAnswer(
      template.replace('subject: "X"', 'subject: "Acme"'),
      'no-paid-reviews',
      'no',
    ).replace('language: en', 'language: en\ndate: 2026-12-01');
    write(join(dir, 'acme-later.yaml'), later);
    expect(
      run(
        ['audit', '-a', 'acme-later.yaml', '-o', 'reports/acme-2026-12.json', '--fail-on', 'never'],
        { cwd: dir },
      ).code,
    ).toBe(0);
    return ['reports'];
  }

  it('a portfolio table in JSON: rows per subject and date, common failures, regressions', () => {
    const result = run(['summary', ...reports(), '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      subjects: number;
      reports: number;
      rows: { subject: string; date: string; passed: boolean }[];
      columns: string[];
      mostCommonFailures: { statement: string; subjects: number }[];
      regressions: { subject: string; from: string; to: string; statement: string }[];
      improvements: unknown[];
    };
    expect(summary.subjects).toBe(3);
    expect(summary.reports).toBe(4);
    expect(summary.rows.map((r) => [r.subject, r.date, r.passed])).toEqual([
      ['Acme', '2026-11-23', true],
      ['Acme', '2026-12-01', false],
      ['Globex', '2026-11-23', false],
      ['Initech', '2026-11-23', true],
    ]);
    expect(summary.columns).toHaveLength(10);
    expect(summary.mostCommonFailures[0]).toEqual({
      statement: 'trustability.customer-reviews.no-paid-reviews',
      text: 'You never contract with third parties to generate reviews.',
      question:
        'Do you allow customers to post reviews of your products or services on your company’s website, to be seen by other customers and prospective customers?',
      subjects: 2,
    });
    expect(summary.regressions).toEqual([
      {
        subject: 'Acme',
        from: '2026-11-23',
        to: '2026-12-01',
        statement: 'trustability.customer-reviews.no-paid-reviews',
        text: 'You never contract with third parties to generate reviews.',
      },
    ]);
    expect(summary.improvements).toEqual([]);
  });

  it('as CSV and as Markdown', () => {
    reports();
    const csv = run(['summary', 'reports', '--format', 'csv'], { cwd: dir });
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^"subject","date","passed","statements_satisfied","statements","Do you proactively protect your customers’ economic interests in their dealings with you\? \(trustability\.economic-interests\)",/,
    );
    expect(lines[2]).toMatch(/^"Acme","2026-12-01","fail",35,36,/);
    const md = run(['summary', 'reports', '-o', 'portfolio.md'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(read(join(dir, 'portfolio.md'))).toContain('## Most common failing statements');
  });

  it('rejects a file that is not a report', () => {
    const result = run(['summary', 'clients/acme.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /clients\/acme\.yaml:\d+:\d+: "format" must be "trustcheck-report\/1", found "trustcheck-answers\/1"/,
    );
  });
});
