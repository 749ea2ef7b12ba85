// What the Markdown and HTML reports show, in the order they show it: every question numbered,
// the statements not true, the exemptions and the title. Both renderers read the report through
// these, so they say the same things.
import type { Report, ReportQuestionnaire, ReportSection, ReportStatement } from '../model.js';
import { expiresWithin90, isExempt, joinWords, type Labels } from './labels.js';

export interface QuestionView {
  /** "3", or "2.3" when the report has more than one questionnaire. */
  number: string;
  questionnaire: ReportQuestionnaire;
  section: ReportSection;
}

export interface StatementView extends QuestionView {
  statement: ReportStatement;
}

export function questions(report: Report): QuestionView[] {
  const many = report.questionnaires.length > 1;
  return report.questionnaires.flatMap((questionnaire, qi) =>
    questionnaire.sections.map((section, si) => ({
      number: many ? `${qi + 1}.${si + 1}` : `${si + 1}`,
      questionnaire,
      section,
    })),
  );
}

function statements(report: Report, keep: (st: ReportStatement) => boolean): StatementView[] {
  return questions(report).flatMap((q) =>
    q.section.statements.filter(keep).map((statement) => ({ ...q, statement })),
  );
}

/** The statements that are not true, question by question. */
export function notTrue(report: Report): StatementView[] {
  return statements(report, (st) => !st.satisfied);
}

/** The `na` answers that count, with the days left when they end within 90 days. */
export function exemptions(report: Report): (StatementView & { expiresIn?: number })[] {
  return statements(report, isExempt).map((v) => {
    const days = expiresWithin90(v.statement, report.date);
    return days === undefined ? v : { ...v, expiresIn: days };
  });
}

/** What was audited: the questionnaire titles. */
export function auditedTitle(report: Report, l: Labels): string {
  const titles = [...new Set(report.questionnaires.map((q) => q.title))];
  return titles.length === 0 ? l.title : joinWords(titles, l);
}

/**
 * The text of a statement in the report, if it is there; else in the `baseline`, if given (a
 * statement the comparison names that is gone since).
 */
export function statementText(
  report: Report,
  q: string,
  s: string,
  st: string,
  baseline?: Report,
): string | undefined {
  const text = report.questionnaires
    .find((x) => x.id === q)
    ?.sections.find((x) => x.id === s)
    ?.statements.find((x) => x.id === st)?.text;
  return text ?? (baseline === undefined ? undefined : statementText(baseline, q, s, st));
}

/** The title of a questionnaire in a report (the baseline, for one missing now), if it is there. */
export function questionnaireTitle(report: Report | undefined, id: string): string | undefined {
  return report?.questionnaires.find((x) => x.id === id)?.title;
}

/** A statement gone since the baseline, for a sentence: its words from the baseline, else its ids. */
export function goneStatement(
  baseline: Report | undefined,
  q: string,
  s: string,
  st: string,
): string {
  const text = baseline === undefined ? undefined : statementText(baseline, q, s, st);
  return text === undefined ? `${q}.${s}.${st}` : `“${text}”`;
}

/** A questionnaire gone since the baseline, for a sentence: its title there, else its id. */
export function goneQuestionnaire(baseline: Report | undefined, id: string): string {
  const title = questionnaireTitle(baseline, id);
  return title === undefined ? id : `“${title}”`;
}

/** The title of a question in the report, if it is there; else in the `baseline`, if given. */
export function sectionTitle(
  report: Report,
  q: string,
  s: string,
  baseline?: Report,
): string | undefined {
  const title = report.questionnaires
    .find((x) => x.id === q)
    ?.sections.find((x) => x.id === s)?.title;
  return title ?? (baseline === undefined ? undefined : sectionTitle(baseline, q, s));
}
