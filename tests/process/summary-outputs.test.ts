// `summary -o` writes what each file's extension asks for, to every file given, as `audit -o`
// does; and a report given twice (the same file, or a copy: the same subject, date and content)
// is counted once, with a warning that names both files.
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/core/summary.js';
import { fillTemplate, read, run, setAnswer, tempDir, write } from '../support/helpers.js';

const REPORTS = ['acme.json', 'acme-q2.json', 'globex.json'];

// the reports are made once; each test gets copies in a folder of its own
const made = tempDir();
afterAll(made.cleanup);
beforeAll(() => {
  const at = made.dir;
  const template = fillTemplate(run(['init', '-', '--subject', 'Acme']).stdout);
  write(join(at, 'acme.yaml'), `${template}date: 2026-11-23\n`);
  write(
    join(at, 'acme-q2.yaml'),
    `${setAnswer(template, 'renewal-warning', 'no')}date: 2027-02-23\n`,
  );
  write(
    join(at, 'globex.yaml'),
    `${template.replace('subject: "Acme"', 'subject: "Globex"')}date: 2026-11-23\n`,
  );
  for (const name of ['acme', 'acme-q2', 'globex']) {
    const result = run(
      ['audit', '-a', `${name}.yaml`, '-o', `${name}.json`, '--fail-on', 'never'],
      {
        cwd: at,
      },
    );
    expect(result.code, result.stderr).toBe(0);
  }
});

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  for (const file of REPORTS) copyFileSync(join(made.dir, file), join(dir, file));
});
afterEach(() => cleanup());

const summary = (args: string[]) => run(['summary', ...args], { cwd: dir });

/** A rough check of each format, by what its consumer needs first. */
const looksLike: Record<string, (text: string) => void> = {
  md: (t) => expect(t).toMatch(/^# Trustability portfolio\n/),
  json: (t) => expect((JSON.parse(t) as Summary).format).toBe('trustcheck-summary/1'),
  csv: (t) => {
    const rows: string[][] = parseCsv(t);
    expect(rows[0]!.slice(0, 3)).toEqual(['subject', 'date', 'passed']);
    expect(rows).toHaveLength(4);
  },
  html: (t) => expect(t).toMatch(/^<!doctype html>/i),
};

describe('summary -o', () => {
  it.each([
    ['p.csv', 'csv'],
    ['p.json', 'json'],
    ['p.html', 'html'],
    ['p.htm', 'html'],
    ['p.md', 'md'],
    ['P.MARKDOWN', 'md'],
    ['p.txt', 'md'],
  ])('%s gets %s, as its extension asks', (file, format) => {
    const result = summary([...REPORTS, '-o', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    looksLike[format]!(read(join(dir, file)));
    expect(result.stderr).toContain(`wrote ${file}`);
  });

  it('is repeatable: every file is written, each in its own format, - on stdout', () => {
    const result = summary([...REPORTS, '-o', 'a.html', '-o', 'a.csv', '-o', '-', '-o', 'a.json']);
    expect(result.code, result.stderr).toBe(0);
    looksLike.html!(read(join(dir, 'a.html')));
    looksLike.csv!(read(join(dir, 'a.csv')));
    looksLike.json!(read(join(dir, 'a.json')));
    // stdout without a format of its own: the default, Markdown
    looksLike.md!(result.stdout);
    expect(result.stderr.match(/^wrote /gm)).toHaveLength(3);
  });

  it('takes one file per -o: a report after it stays a report', () => {
    const result = summary(['acme.json', '-o', 'a.csv', 'globex.json', 'acme-q2.json']);
    expect(result.code, result.stderr).toBe(0);
    expect(parseCsv(read(join(dir, 'a.csv')))).toHaveLength(4);
  });

  it('--format sets the format of every output, as in audit', () => {
    const result = summary([...REPORTS, '-f', 'json', '-o', 'a.html', '-o', '-']);
    expect(result.code, result.stderr).toBe(0);
    looksLike.json!(read(join(dir, 'a.html')));
    looksLike.json!(result.stdout);
  });

  it('writes every output alike: the same summary in each', () => {
    summary([...REPORTS, '-o', 'one.json', '-o', 'two.json']);
    expect(read(join(dir, 'one.json'))).toBe(read(join(dir, 'two.json')));
    expect(read(join(dir, 'one.json'))).toBe(summary([...REPORTS, '-f', 'json']).stdout);
  });

  it('never writes over one of its reports, whichever -o names it, and writes nothing then', () => {
    mkdirSync(join(dir, 'reports'));
    symlinkSync(join(dir, 'acme.json'), join(dir, 'reports', 'acme.json'));
    const before = read(join(dir, 'acme.json'));
    const result = summary([...REPORTS, '-o', 'a.csv', '-o', 'reports/acme.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('reports/acme.json is acme.json of this run');
    expect(read(join(dir, 'acme.json'))).toBe(before);
    expect(existsSync(join(dir, 'a.csv'))).toBe(false);
  });
});

describe('the same report twice', () => {
  const counted = (stdout: string) => JSON.parse(stdout) as Summary;

  it('a copy is counted once, with a warning naming both files', () => {
    write(join(dir, 'copy-of-acme.json'), read(join(dir, 'acme.json')));
    const result = summary(['acme.json', 'copy-of-acme.json', 'globex.json', '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'warning: copy-of-acme.json: the same report as acme.json (Acme, 2026-11-23); counted once',
    );
    const s = counted(result.stdout);
    expect(s.reports).toBe(2);
    expect(s.rows.map((r) => `${r.subject} ${r.date}`)).toEqual([
      'Acme 2026-11-23',
      'Globex 2026-11-23',
    ]);
    expect(result.stderr).toMatch(/^2 reports of 2 subjects/m);
  });

  it('a copy spelled otherwise (key order, white space, escapes) is the same report', () => {
    const report = JSON.parse(read(join(dir, 'acme.json'))) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(report).reverse());
    // one line, and every non-ASCII character as a \u escape
    const text = JSON.stringify(reordered).replace(
      /[\u0080-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    mkdirSync(join(dir, 'old'));
    write(join(dir, 'old', 'acme.json'), text);
    const result = summary(['acme.json', 'acme-q2.json', 'old', '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('old/acme.json: the same report as acme.json');
    const s = counted(result.stdout);
    expect(s.reports).toBe(2);
    // the trend has each date once: one regression between the two quarters, not two
    expect(s.regressions.map((r) => `${r.from} ${r.to}`)).toEqual(['2026-11-23 2027-02-23']);
  });

  it('the same file given twice is counted once', () => {
    const result = summary(['acme.json', './acme.json', 'globex.json', '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      './acme.json: the same file as acme.json, given twice; counted once',
    );
    expect(counted(result.stdout).reports).toBe(2);
  });

  it('reports of one subject and date that differ in content both count, without a warning', () => {
    const changed = JSON.parse(read(join(dir, 'acme.json'))) as { assessor: string | null };
    changed.assessor = 'Someone else';
    write(join(dir, 'other.json'), JSON.stringify(changed));
    const result = summary(['acme.json', 'other.json', '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('warning');
    expect(counted(result.stdout).reports).toBe(2);
  });

  it('the warning follows the summary’s language', () => {
    const template = fillTemplate(run(['init', '-', '--subject', 'Acme', '--lang', 'nl']).stdout);
    write(join(dir, 'nl.yaml'), `${template}date: 2026-11-23\n`);
    run(['audit', '-a', 'nl.yaml', '-o', 'nl.json', '--fail-on', 'never'], { cwd: dir });
    write(join(dir, 'nl-copy.json'), read(join(dir, 'nl.json')));
    const result = summary(['nl.json', 'nl-copy.json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'nl-copy.json: hetzelfde rapport als nl.json (Acme, 2026-11-23); één keer meegeteld',
    );
  });
});
