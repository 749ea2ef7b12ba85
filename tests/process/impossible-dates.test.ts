// Dates are real calendar dates: `date: 2026-02-30` and `until: 2027-02-31` in an answer file,
// and any impossible date in a report read as a baseline, by diff or by summary, are refused
// (exit 2) at their line and column, with a message that names the date and says it does not
// exist. They never reach a report or a `{date}` folder name.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate, read, run, setAnswer, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
let answers: string;
let report: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  run(['init', 'template.yaml', '--subject', 'Acme B.V.'], { cwd: dir });
  answers = fillTemplate(read(join(dir, 'template.yaml'))).replace(
    /^date: .*$/m,
    'date: 2026-11-23',
  );
  if (!/^date: /m.test(answers))
    answers = answers.replace(/^(subject: .*)$/m, '$1\ndate: 2026-11-23');
  write(join(dir, 'answers.yaml'), answers);
  const audited = run(['audit', '-a', 'answers.yaml', '-o', 'report.json', '--fail-on', 'never'], {
    cwd: dir,
  });
  expect(audited.code, audited.stderr).toBe(0);
  report = read(join(dir, 'report.json'));
});
afterAll(() => cleanup());

/** The 1-based `line:col` where `needle` starts in `text`. */
function position(text: string, needle: string): string {
  const at = text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at);
  return `${before.split('\n').length}:${at - before.lastIndexOf('\n')}`;
}

const doesNotExist = (date: string, month: string, days: number, real: string) =>
  `the date ${date} does not exist: ${month} has ${days} days; write a real date, such as ${real}`;

describe('an answer file', () => {
  it('with date: 2026-02-30 is refused at its line and column', () => {
    const text = answers.replace('date: 2026-11-23', 'date: 2026-02-30');
    write(join(dir, 'feb30.yaml'), text);
    const result = run(['audit', '-a', 'feb30.yaml', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `error: feb30.yaml:${position(text, '2026-02-30')}: ${doesNotExist('2026-02-30', 'February 2026', 28, '2026-02-28')}\n`,
    );
  });

  it('with an n/a until: 2027-02-31 is refused at its line and column', () => {
    const text = setAnswer(
      answers,
      'unclaimed-entitlements',
      '{ answer: na, note: "We sell no gift cards.", until: 2027-02-31 }',
    );
    write(join(dir, 'until.yaml'), text);
    const result = run(['audit', '-a', 'until.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `error: until.yaml:${position(text, '2027-02-31')}: ${doesNotExist('2027-02-31', 'February 2027', 28, '2027-02-28')}\n`,
    );
  });

  it('in JSON, 2026-04-31 is refused the same way', () => {
    const text = `${JSON.stringify({ format: 'trustcheck-answers/1', subject: 'Acme', date: '2026-04-31', questionnaires: { trustability: {} } }, null, 2)}\n`;
    write(join(dir, 'april.json'), text);
    const result = run(['audit', '-a', 'april.json', '--allow-incomplete'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `april.json:${position(text, '"2026-04-31"')}: ${doesNotExist('2026-04-31', 'April 2026', 30, '2026-04-30')}`,
    );
  });

  it('never makes a {date} folder of an impossible date', () => {
    mkdirSync(join(dir, 'batch'));
    write(join(dir, 'batch', 'a.yaml'), answers.replace('date: 2026-11-23', 'date: 2026-02-30'));
    write(join(dir, 'batch', 'b.yaml'), answers.replace('Acme B.V.', 'Bakker'));
    const result = run(
      ['audit', '-a', 'batch', '--out-dir', 'out', '--name', '{date}/{subject}', '-f', 'json'],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the date 2026-02-30 does not exist');
    expect(existsSync(join(dir, 'out', '2026-02-30'))).toBe(false);
    // the other file's report is written, under its real date
    expect(readdirSync(join(dir, 'out'))).toEqual(['2026-11-23']);
  });
});

describe('a report with an impossible date', () => {
  const cases = [
    ['its date', '"date": "2026-11-23"', '"date": "2026-02-29"', '2026-02-29', 'February 2026', 28],
  ] as const;

  it.each(cases)(
    '(%s) is refused as a baseline, by diff and by summary',
    (_, find, replace, date, month, days) => {
      const text = report.replace(find, replace);
      write(join(dir, 'bad.json'), text);
      const where = `bad.json:${position(text, `"${date}"`)}`;
      const message = doesNotExist(date, month, days, `${date.slice(0, 8)}${days}`);
      for (const args of [
        ['audit', '-a', 'answers.yaml', '--baseline', 'bad.json'],
        ['diff', 'bad.json', 'report.json'],
        ['summary', 'bad.json'],
      ]) {
        const result = run(args, { cwd: dir });
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr, args.join(' ')).toContain(`error: ${where}: ${message}\n`);
      }
    },
  );

  it('(an n/a until) is refused by summary', () => {
    const reportNa = JSON.parse(report) as {
      questionnaires: { sections: { statements: { id: string; until: string | null }[] }[] }[];
    };
    const statement = reportNa.questionnaires[0]!.sections[0]!.statements[0]!;
    statement.until = '2027-02-31';
    const text = `${JSON.stringify(reportNa, null, 2)}\n`;
    write(join(dir, 'until.json'), text);
    const result = run(['summary', 'until.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `error: until.json:${position(text, '"2027-02-31"')}: ${doesNotExist('2027-02-31', 'February 2027', 28, '2027-02-28')}\n`,
    );
  });
});
