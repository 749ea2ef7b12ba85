// Reports scored from the built-in questionnaires (1.0.0), for the renderers' tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { normalizeAnswer, type QuestionnaireAnswers } from '../../src/core/answers.js';
import { compare } from '../../src/core/compare.js';
import type { Questionnaire, Report } from '../../src/core/model.js';
import { buildReport } from '../../src/core/report.js';
import { score } from '../../src/core/scoring.js';

export const root = join(import.meta.dirname, '..', '..');
const builtin = (id: string) =>
  parse(readFileSync(join(root, 'questionnaires', id, '1.0.0.yaml'), 'utf8')) as Questionnaire;
export const questionnaires = [builtin('trustability'), builtin('transparantie-apk')];

/** A report of both built-ins with every statement yes, except those given. */
export function audit(
  overrides: Record<string, unknown>,
  options: { subject?: string; date?: string; language?: string; baseline?: Report } = {},
): Report {
  const date = options.date ?? '2026-11-23';
  const results = questionnaires.map((q) => {
    const answers: QuestionnaireAnswers = {};
    for (const s of q.sections) {
      answers[s.id] = {};
      for (const st of s.statements) {
        answers[s.id]![st.id] = normalizeAnswer((overrides[st.id] ?? 'yes') as never);
      }
    }
    return score(q, answers, { date });
  });
  const meta = {
    toolVersion: '0.1.0',
    subject: options.subject ?? 'Acme B.V.',
    date,
    language: options.language ?? 'en',
    digests: { trustability: 'sha256:1', 'transparantie-apk': 'sha256:2' },
  };
  const report = buildReport(results, meta);
  if (options.baseline === undefined) return report;
  return { ...report, comparison: compare(options.baseline, report).comparison };
}

/** The report without one questionnaire, or without one statement (by its id). */
export const without = (report: Report, id: string): Report => ({
  ...report,
  questionnaires: report.questionnaires
    .filter((q) => q.id !== id)
    .map((q) => ({
      ...q,
      sections: q.sections.map((s) => ({
        ...s,
        statements: s.statements.filter((st) => st.id !== id),
      })),
    })),
});

/** The current report with its comparison against `baseline`. */
export const against = (baseline: Report, current: Report): Report => ({
  ...current,
  comparison: compare(baseline, current).comparison,
});

/**
 * Sets a statement's answer in a report made for a test, and every verdict to follow from the
 * answers (readers refuse a report whose verdicts do not): all must be true, written out here
 * apart from the code under test.
 */
export function setStatementAnswer(
  report: Report,
  statementId: string,
  answer: 'yes' | 'no',
): void {
  for (const q of report.questionnaires)
    for (const s of q.sections)
      for (const st of s.statements) if (st.id === statementId) st.answer = answer;
  rederive(report);
}

/** Every verdict of `report` recomputed from its answers, as an audit would have written it. */
export function rederive(report: Report): void {
  let sections = 0;
  let sectionsPassed = 0;
  let statements = 0;
  let satisfied = 0;
  for (const q of report.questionnaires) {
    for (const s of q.sections) {
      for (const st of s.statements) {
        const expired = st.until !== null && report.date > st.until;
        st.satisfied =
          st.answer === 'yes' ||
          (st.answer === 'na' && st.note !== null && st.note.trim() !== '' && !expired);
        if (st.answer === 'na') st.naExpired = expired;
        else delete st.naExpired;
      }
      s.satisfied = s.statements.filter((st) => st.satisfied).length;
      s.total = s.statements.length;
      s.passed = s.satisfied === s.total;
      sections++;
      sectionsPassed += s.passed ? 1 : 0;
      statements += s.total;
      satisfied += s.satisfied;
    }
    q.passed = q.sections.every((s) => s.passed);
  }
  report.passed = report.questionnaires.length > 0 && report.questionnaires.every((q) => q.passed);
  report.totals = {
    questionnaires: report.questionnaires.length,
    questionnairesPassed: report.questionnaires.filter((q) => q.passed).length,
    sections,
    sectionsPassed,
    statements,
    statementsSatisfied: satisfied,
  };
}
