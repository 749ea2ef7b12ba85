// Scoring under all-must-be-true (SPEC section 4): a statement is satisfied by "yes", or by an
// allowed "na" with a note that has not expired; a section passes only if every statement is
// satisfied; a questionnaire only if every section passes. Counts never soften a verdict.
import type { Choice, GivenAnswer, QuestionnaireAnswers } from './answers.js';
import type { Questionnaire, Section, Statement } from './model.js';

export interface StatementResult {
  statement: Statement;
  answer: GivenAnswer;
  satisfied: boolean;
  /** An "na" whose `until` date lies before the audit date. */
  naExpired: boolean;
}

export interface SectionResult {
  section: Section;
  passed: boolean;
  satisfied: number;
  total: number;
  statements: StatementResult[];
}

export interface QuestionnaireResult {
  questionnaire: Questionnaire;
  passed: boolean;
  satisfied: number;
  total: number;
  sectionsPassed: number;
  sections: SectionResult[];
}

export interface ScoreOptions {
  /** The audit date, YYYY-MM-DD: an "na" with an earlier `until` no longer counts. */
  date: string;
}

export function isSatisfied(
  statement: Statement,
  answer: GivenAnswer,
  date: string,
): { satisfied: boolean; naExpired: boolean } {
  return satisfaction(answer, date, statement.allowNotApplicable === true);
}

/**
 * The rule for one answer, wherever it is read (an answer file here, a report in derive.ts):
 * "yes" is satisfied; "na" is when it is allowed, has a note, and its `until` has not passed by
 * `date`; anything else is not. `naExpired` says that an "na" ended before `date`.
 */
export function satisfaction(
  answer: {
    answer: Choice | null;
    note?: string | null | undefined;
    until?: string | null | undefined;
  },
  date: string,
  allowed: boolean,
): { satisfied: boolean; naExpired: boolean } {
  if (answer.answer === 'yes') return { satisfied: true, naExpired: false };
  if (answer.answer !== 'na') return { satisfied: false, naExpired: false };
  const noted = answer.note !== undefined && answer.note !== null && answer.note.trim() !== '';
  const naExpired = answer.until !== undefined && answer.until !== null && date > answer.until;
  return { satisfied: allowed && noted && !naExpired, naExpired };
}

export function scoreSection(
  section: Section,
  answers: Record<string, GivenAnswer> | undefined,
  options: ScoreOptions,
): SectionResult {
  const statements = section.statements.map((statement): StatementResult => {
    const answer = (answers !== undefined && Object.hasOwn(answers, statement.id)
      ? answers[statement.id]
      : undefined) ?? { answer: null };
    return { statement, answer, ...isSatisfied(statement, answer, options.date) };
  });
  const satisfied = statements.filter((s) => s.satisfied).length;
  return {
    section,
    passed: satisfied === statements.length,
    satisfied,
    total: statements.length,
    statements,
  };
}

export function score(
  questionnaire: Questionnaire,
  answers: QuestionnaireAnswers,
  options: ScoreOptions,
): QuestionnaireResult {
  const sections = questionnaire.sections.map((section) =>
    scoreSection(
      section,
      Object.hasOwn(answers, section.id) ? answers[section.id] : undefined,
      options,
    ),
  );
  const sectionsPassed = sections.filter((s) => s.passed).length;
  return {
    questionnaire,
    passed: sectionsPassed === sections.length,
    satisfied: sections.reduce((sum, s) => sum + s.satisfied, 0),
    total: sections.reduce((sum, s) => sum + s.total, 0),
    sectionsPassed,
    sections,
  };
}

/** The audit passes only if every questionnaire in it passes (and it has at least one). */
export function auditPassed(results: readonly QuestionnaireResult[]): boolean {
  return results.length > 0 && results.every((r) => r.passed);
}
