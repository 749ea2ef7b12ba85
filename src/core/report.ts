// Builds the report document (format trustcheck-report/1) from scored questionnaires. The
// report is the one input of every renderer and of the comparison with a baseline.
import { localize, pickLanguage } from './questionnaire.js';
import { auditPassed, type QuestionnaireResult } from './scoring.js';
import { reportActions } from './actions.js';
import { REPORT_FORMAT } from './formats.js';
import type { Report, ReportQuestionnaire } from './model.js';

export interface ReportMeta {
  toolVersion: string;
  subject: string;
  assessor?: string | undefined;
  date: string;
  language: string;
  /** sha256 of each questionnaire file's bytes, by questionnaire id. */
  digests: Record<string, string>;
}

export function buildReport(results: readonly QuestionnaireResult[], meta: ReportMeta): Report {
  const questionnaires = results.map((result): ReportQuestionnaire => {
    const q = result.questionnaire;
    const language = pickLanguage(q, meta.language);
    const text = (t: Parameters<typeof localize>[0]) =>
      localize(t, language, q.languages[0]) ?? null;
    return {
      id: q.id,
      version: q.version,
      digest: (Object.hasOwn(meta.digests, q.id) ? meta.digests[q.id] : undefined) ?? '',
      title: text(q.title) ?? q.id,
      passed: result.passed,
      sections: result.sections.map((s) => ({
        id: s.section.id,
        title: text(s.section.title) ?? s.section.id,
        passed: s.passed,
        satisfied: s.satisfied,
        total: s.total,
        statements: s.statements.map((st) => ({
          id: st.statement.id,
          text: text(st.statement.text) ?? st.statement.id,
          answer: st.answer.answer,
          satisfied: st.satisfied,
          note: st.answer.note ?? null,
          evidence: st.answer.evidence ?? null,
          until: st.answer.until ?? null,
          ...(st.answer.answer === 'na' ? { naExpired: st.naExpired } : {}),
          remedy: text(st.statement.remedy),
          actions: reportActions(
            [st.answer.action],
            text(st.statement.remedy),
            st.satisfied,
            meta.date,
          ),
        })),
      })),
    };
  });
  const sections = results.flatMap((r) => r.sections);
  return {
    format: REPORT_FORMAT,
    tool: { name: 'trustcheck', version: meta.toolVersion },
    subject: meta.subject,
    assessor: meta.assessor ?? null,
    date: meta.date,
    language: meta.language,
    passed: auditPassed(results),
    totals: {
      questionnaires: results.length,
      questionnairesPassed: results.filter((r) => r.passed).length,
      sections: sections.length,
      sectionsPassed: sections.filter((s) => s.passed).length,
      statements: sections.reduce((sum, s) => sum + s.total, 0),
      statementsSatisfied: sections.reduce((sum, s) => sum + s.satisfied, 0),
    },
    questionnaires,
    comparison: null,
  };
}
