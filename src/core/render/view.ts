// What the reports show, in the order they show it: every question numbered, the statements not
// true and why, the exemptions, the title and the outcome against a baseline. The Markdown, HTML
// and JUnit renderers read the report through these, so they say the same things.
import { hasRegressions, regressionCount, renewsBaseline } from '../compare.js';
import type {
  Comparison,
  StatementPresence,
  VersionChange,
  Report,
  ReportQuestionnaire,
  ReportSection,
  ReportStatement,
} from '../model.js';
import type { Labels } from '../words.js';

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

/**
 * The text of a statement the comparison says is removed, from the `baseline` (never from the
 * report: a statement re-meant under its id reads differently there); undefined without it.
 */
export function removedText(
  x: StatementPresence,
  baseline: Report | undefined,
): string | undefined {
  return baseline === undefined
    ? undefined
    : statementText(baseline, x.questionnaire, x.section, x.statement);
}

/** A questionnaire whose version changed since the baseline, as the reports say it. */
export interface VersionChangeView {
  change: VersionChange;
  /** The questionnaire's title (its id when no report holds it). */
  title: string;
  /** "Transparency check-up changed from 1.0.0 to 2.0.0: 3 statements removed, 3 added" */
  sentence: string;
  /** Whether the baseline must be renewed: it no longer compares every statement (`renewsBaseline`). */
  renew: boolean;
  /** The heading of its removed statements, and of its added ones. */
  removedHeading: string;
  addedHeading: string;
  /** Its removed statements by their words (ids when no report holds them), and the added ones. */
  removed: StatementWords[];
  added: StatementWords[];
}

export interface StatementWords {
  ref: StatementPresence;
  text: string | undefined;
}

/** Every questionnaire whose version changed since the baseline, in the comparison's order. */
export function versionChanges(
  c: Comparison,
  report: Report,
  l: Labels,
  baseline?: Report,
): VersionChangeView[] {
  return (c.versionChanges ?? []).map((change) => {
    const id = change.questionnaire;
    const title = questionnaireTitle(report, id) ?? questionnaireTitle(baseline, id) ?? id;
    const mine = (x: StatementPresence) => x.questionnaire === id;
    return {
      change,
      title,
      sentence: l.versionChanged(title, change.from, change.to, change.removed, change.added),
      renew: renewsBaseline(change),
      removedHeading: l.removedIn(title, change.from, change.to),
      addedHeading: l.addedIn(title, change.from, change.to),
      removed: c.removed.filter(mine).map((ref) => ({ ref, text: removedText(ref, baseline) })),
      added: c.added.filter(mine).map((ref) => ({
        ref,
        text: statementText(report, ref.questionnaire, ref.section, ref.statement),
      })),
    };
  });
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

/** The outcome against the baseline, in one sentence. */
export function baselineOutcome(
  c: Comparison,
  l: Labels,
): { ok: boolean; head: string; detail: string } {
  return hasRegressions(c)
    ? { ok: false, head: l.ciSome(regressionCount(c), c.baseline.date), detail: l.ciSomeDetail }
    : { ok: true, head: l.ciNone(c.baseline.date), detail: l.ciNoneDetail };
}

/** "A", "A and B", "A, B and C". */
export function joinWords(items: readonly string[], l: Labels): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${l.and} ${items.at(-1)!}`;
}

/** Days from `from` to `to` (both YYYY-MM-DD); negative when `to` lies before `from`. */
export function daysBetween(from: string, to: string): number {
  const ms = (d: string) =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** An answer in words. */
export function answerWord(st: ReportStatement, l: Labels): string {
  return st.answer === null ? l.answers.none : l.answers[st.answer];
}

/** A satisfied `na` answer: an exemption that counts. */
export function isExempt(st: ReportStatement): boolean {
  return st.answer === 'na' && st.satisfied;
}

/** Days until an exemption ends, when that is within 90 days of the report date. */
export function expiresWithin90(st: ReportStatement, date: string): number | undefined {
  if (st.until === null) return undefined;
  const days = daysBetween(date, st.until);
  return days >= 0 && days <= 90 ? days : undefined;
}

/**
 * Why a statement is not satisfied, in words. An `na` is expired as the scoring found it
 * (`naExpired`); a report written before that field existed falls back to the scoring rule
 * itself, given the report date.
 */
export function unsatisfiedReason(st: ReportStatement, l: Labels, date?: string): string {
  if (st.answer === null) return l.unanswered;
  if (st.answer === 'no') return l.answerNo;
  const expired = st.naExpired ?? (st.until !== null && (date === undefined || date > st.until));
  if (st.answer === 'na' && expired && st.until !== null) return l.naExpired(st.until);
  return l.naInvalid;
}
