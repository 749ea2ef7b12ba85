// What diff and an audit with a baseline say on the terminal about regressions: statements in
// words (from the baseline when the current report no longer holds them), a missing
// questionnaire by its title, all in the current report's language.
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/core/compare.js';
import { auditSummaryLines, diffLines } from '../../src/core/render/terminal.js';
import { PLAIN } from '../../src/core/render/styles.js';
import { audit, without } from '../support/report-fixtures.js';

const texts = (lines: { text: string }[]) => lines.map((l) => l.text);

describe('diff on the terminal', () => {
  it('names a regression by the statement’s words, not its ids', () => {
    const baseline = audit({});
    const current = audit({ 'renewal-warning': 'no' });
    const { comparison } = compare(baseline, current);
    expect(texts(diffLines(comparison, baseline, current, PLAIN))).toEqual([
      'regression: “You warn customers before automatically renewing their subscription or other paid service agreement.” was satisfied, now is not',
    ]);
  });

  it('finds the words of a statement gone since the baseline in the baseline', () => {
    const baseline = audit({});
    const current = without(audit({}), 'renewal-warning');
    const { comparison } = compare(baseline, current);
    expect(comparison.regressions).toHaveLength(1);
    expect(texts(diffLines(comparison, baseline, current, PLAIN))[0]).toContain(
      '“You warn customers before automatically renewing',
    );
  });

  it('names a missing questionnaire by its title in the baseline', () => {
    const baseline = audit({});
    const current = without(audit({}), 'transparantie-apk');
    const { comparison } = compare(baseline, current);
    const title = baseline.questionnaires.find((q) => q.id === 'transparantie-apk')!.title;
    expect(texts(diffLines(comparison, baseline, current, PLAIN))).toEqual([
      `regression: questionnaire “${title}” is in the baseline but not in the current report`,
    ]);
  });

  it('speaks the current report’s language', () => {
    const baseline = audit({}, { language: 'nl' });
    const current = without(
      audit({ 'renewal-warning': 'no' }, { language: 'nl' }),
      'transparantie-apk',
    );
    const { comparison } = compare(baseline, current);
    const lines = texts(diffLines(comparison, baseline, current, PLAIN));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^achteruitgang: “.+” was waar, nu niet$/);
    expect(lines[1]).toMatch(
      /^achteruitgang: vragenlijst “.+” staat in de baseline maar niet in het huidige rapport$/,
    );
  });
});

describe('an audit with a baseline on the terminal', () => {
  it('names a missing questionnaire by its title when the baseline report is given', () => {
    const baseline = audit({});
    const report = without(audit({}), 'trustability');
    const withComparison = { ...report, comparison: compare(baseline, report).comparison };
    const title = baseline.questionnaires.find((q) => q.id === 'trustability')!.title;
    const lines = texts(
      auditSummaryLines(withComparison, PLAIN, {
        failOn: 'regression',
        baseline: 'last.json',
        baselineReport: baseline,
      }),
    );
    expect(lines).toContain(
      `regression: questionnaire “${title}” is in the baseline but not in this audit`,
    );
  });
});
