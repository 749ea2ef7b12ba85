// The JSON report (format trustcheck-report/1): keys in a fixed order, whatever order the report
// object was built in, so the same inputs give byte-identical output.
import type { Comparison, Report, ReportAction, RespondentAnswer } from '../model.js';
import { prettyJson } from '../text/controls.js';

function orderedComparison(c: Comparison): Comparison {
  const change = (x: Comparison['regressions'][number]) => ({
    questionnaire: x.questionnaire,
    section: x.section,
    statement: x.statement,
    was: x.was,
    now: x.now,
  });
  const presence = (x: Comparison['added'][number]) => ({
    questionnaire: x.questionnaire,
    section: x.section,
    statement: x.statement,
  });
  return {
    baseline: { subject: c.baseline.subject, date: c.baseline.date },
    regressions: c.regressions.map(change),
    improvements: c.improvements.map(change),
    sectionRegressions: c.sectionRegressions.map((x) => ({
      questionnaire: x.questionnaire,
      section: x.section,
      was: x.was,
      now: x.now,
    })),
    added: c.added.map(presence),
    removed: c.removed.map(presence),
    missingQuestionnaires: [...c.missingQuestionnaires],
    // absent when no version changed: such a report reads as it did before the field existed
    ...(c.versionChanges === undefined || c.versionChanges.length === 0
      ? {}
      : {
          versionChanges: c.versionChanges.map((x) => ({
            questionnaire: x.questionnaire,
            from: x.from,
            to: x.to,
            removed: x.removed,
            added: x.added,
          })),
        }),
  };
}

/** An action's keys in a fixed order (what a team report adds to one comes after them). */
function orderedAction(a: ReportAction): ReportAction {
  const { what, owner, due, status, previousDue, ...rest } = a;
  return { what, owner, due, status, previousDue, ...rest };
}

/** One respondent's answer, its keys in order (an anonymous one has no note or evidence). */
function orderedAnswer(a: RespondentAnswer): RespondentAnswer {
  return {
    respondent: a.respondent,
    answer: a.answer,
    satisfied: a.satisfied,
    ...(a.note === undefined ? {} : { note: a.note }),
    ...(a.evidence === undefined ? {} : { evidence: a.evidence }),
    ...(a.until === undefined ? {} : { until: a.until }),
  };
}

export function renderJson(report: Report): string {
  const ordered: Report = {
    format: report.format,
    tool: { name: report.tool.name, version: report.tool.version },
    subject: report.subject,
    assessor: report.assessor,
    ...(report.respondents === undefined
      ? {}
      : {
          respondents: report.respondents.map((r) => ({
            name: r.name,
            role: r.role,
            answers: r.answers,
          })),
        }),
    ...(report.anonymous === undefined ? {} : { anonymous: report.anonymous }),
    date: report.date,
    language: report.language,
    passed: report.passed,
    totals: {
      questionnaires: report.totals.questionnaires,
      questionnairesPassed: report.totals.questionnairesPassed,
      sections: report.totals.sections,
      sectionsPassed: report.totals.sectionsPassed,
      statements: report.totals.statements,
      statementsSatisfied: report.totals.statementsSatisfied,
    },
    questionnaires: report.questionnaires.map((q) => ({
      id: q.id,
      version: q.version,
      digest: q.digest,
      title: q.title,
      passed: q.passed,
      sections: q.sections.map((s) => ({
        id: s.id,
        title: s.title,
        passed: s.passed,
        satisfied: s.satisfied,
        total: s.total,
        statements: s.statements.map((st) => ({
          id: st.id,
          text: st.text,
          answer: st.answer,
          satisfied: st.satisfied,
          note: st.note,
          evidence: st.evidence,
          until: st.until,
          ...(st.naExpired === undefined ? {} : { naExpired: st.naExpired }),
          remedy: st.remedy,
          ...(st.answers === undefined ? {} : { answers: st.answers.map(orderedAnswer) }),
          ...(st.unattributed === undefined
            ? {}
            : {
                unattributed: {
                  notes: [...st.unattributed.notes],
                  evidence: [...st.unattributed.evidence],
                },
              }),
          ...(st.actions === undefined ? {} : { actions: st.actions.map(orderedAction) }),
        })),
      })),
    })),
    comparison: report.comparison === null ? null : orderedComparison(report.comparison),
    ...(report.actionTotals === undefined
      ? {}
      : {
          actionTotals: {
            planned: report.actionTotals.planned,
            unplanned: report.actionTotals.unplanned,
            overdue: report.actionTotals.overdue,
            postponed: report.actionTotals.postponed,
            doneSinceBaseline: report.actionTotals.doneSinceBaseline,
          },
        }),
  };
  return prettyJson(ordered);
}
