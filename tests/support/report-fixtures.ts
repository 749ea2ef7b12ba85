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
