// `summary` over many reports reads them one at a time, keeping only an outline of each: the
// summary must be that of all the reports held at once, and the warnings and the first error
// come in the order of the files.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';
import { summarize } from '../../src/core/summary.js';
import { renderSummaryJson } from '../../src/core/render/summary.js';
import { fillTemplate, list, run, tempDir, write } from '../support/helpers.js';
import { setStatementAnswer } from '../support/report-fixtures.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const COUNT = 600;
let base: Report;

/** Report `i`: 300 subjects, each with a report in May and one in November (some regressed). */
function reportFile(i: number): string {
  const subject = `Client ${String(i % 300).padStart(3, '0')}`;
  const november = i >= 300;
  const report: Report = structuredClone(base);
  report.subject = subject;
  report.date = november ? '2026-11-23' : '2026-05-01';
  report.language = i % 7 === 0 ? 'nl' : 'en';
  const statement = report.questionnaires[0]!.sections[0]!.statements[i % 3]!;
  // its verdicts follow from its answers, or summary would refuse it
  setStatementAnswer(report, statement.id, november && i % 5 === 0 ? 'no' : 'yes');
  return `${JSON.stringify(report, null, 2)}\n`;
}

beforeAll(() => {
  const answers = join(dir, 'answers.yaml');
  write(answers, fillTemplate(run(['init', '-', '--subject', 'Base']).stdout));
  expect(run(['audit', '-a', answers, '-f', 'json', '-o', join(dir, 'base.json')]).code).toBe(0);
  base = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as Report;
  mkdirSync(join(dir, 'reports'));
  for (let i = 0; i < COUNT; i++) {
    write(join(dir, 'reports', `r-${String(i).padStart(4, '0')}.json`), reportFile(i));
  }
}, 60_000);

describe('summary of many reports', () => {
  it('is the summary of all the reports held at once', () => {
    const result = run(['summary', join(dir, 'reports'), '-f', 'json']);
    expect(result.code).toBe(0);
    const reports = list(join(dir, 'reports')).map(
      (f) => JSON.parse(readFileSync(join(dir, 'reports', f), 'utf8')) as Report,
    );
    expect(result.stdout).toBe(renderSummaryJson(summarize(reports)));
    expect(
      (JSON.parse(result.stdout) as { regressions: unknown[] }).regressions.length,
    ).toBeGreaterThan(0);
  });

  it('warns about non-reports in file order, up to the first broken report, and stops there', () => {
    const mixed = join(dir, 'mixed');
    rmSync(mixed, { recursive: true, force: true });
    mkdirSync(mixed);
    for (let i = 0; i < COUNT; i++) {
      const name = join(mixed, `r-${String(i).padStart(4, '0')}.json`);
      if (i === 40 || i === 333) write(name, '{"name": "not a report"}\n');
      else if (i === 470)
        write(name, reportFile(i).replace('"passed": ', '"passed": "perhaps", "x": '));
      else if (i === 520) write(name, '{"format": "trustcheck-report/1"}\n');
      else write(name, reportFile(i));
    }
    const result = run(['summary', mixed, '-f', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines.filter((l) => l.includes('not a trustcheck report'))).toEqual([
      `warning: ${join(mixed, 'r-0040.json')}: not a trustcheck report; left out of the summary`,
      `warning: ${join(mixed, 'r-0333.json')}: not a trustcheck report; left out of the summary`,
    ]);
    // the first broken report is named, not the later one
    expect(result.stderr).toContain('r-0470.json');
    expect(result.stderr).not.toContain('r-0520.json');
  });
});
