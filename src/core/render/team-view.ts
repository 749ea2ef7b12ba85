// What a team report shows beside a one-person report, read once for every renderer: who
// answered (with their role), the counts, where they disagree (the disagreements that decide the
// verdict first), who did not answer what, and each respondent's answer to a statement. The
// Markdown, HTML, JUnit and terminal renderers all read a team report through this module, so
// they say the same things; under --anonymous the report itself holds no names (core/team.ts).
import type { Report, ReportStatement, RespondentAnswer } from '../model.js';
import { disagreements, teamCounts, unanswered, type TeamCounts } from '../team.js';
import { teamWordsFor, type Labels, type TeamWords } from '../words.js';
import { joinWords, questions, type StatementView } from './view.js';

/** A respondent as the report names them: a name, and a role when there is one. */
export interface Who {
  name: string;
  role: string | null;
}

/** "Anna de Vries (Sales)", each part passed through `escape` (for Markdown, say). */
export function whoText(who: Who, escape: (text: string) => string = (t) => t): string {
  return who.role === null ? escape(who.name) : `${escape(who.name)} (${escape(who.role)})`;
}

export interface AnswerView extends Who {
  /** The respondent with their role: "Anna de Vries (Sales)"; "Respondent 1" when anonymous. */
  who: string;
  answer: RespondentAnswer['answer'];
  word: string;
  satisfied: boolean;
  note: string | null;
  evidence: string | null;
}

export interface DisagreementView extends StatementView {
  changesVerdict: boolean;
  answers: AnswerView[];
  /** Notes and evidence not attributed (an anonymous report). */
  unattributed: { notes: string[]; evidence: string[] } | undefined;
}

export interface TeamView {
  words: TeamWords;
  anonymous: boolean;
  counts: TeamCounts;
  respondents: Who[];
  disagreements: DisagreementView[];
  open: (Who & { statements: ReportStatement[] })[];
}

/** Each respondent by name, with their role. */
function labels(report: Report): Map<string, Who> {
  return new Map((report.respondents ?? []).map((r) => [r.name, { name: r.name, role: r.role }]));
}

const nobody = (name: string): Who => ({ name, role: null });

/** An answer in words: yes, no, n/a, not answered. */
export function respondentAnswerWord(a: Pick<RespondentAnswer, 'answer'>, l: Labels): string {
  return a.answer === null ? l.answers.none : l.answers[a.answer];
}

/** Each respondent's answer to a statement, in the order of the respondents. */
export function answerViews(report: Report, st: ReportStatement, l: Labels): AnswerView[] {
  const who = labels(report);
  return (st.answers ?? []).map((a) => {
    const person = who.get(a.respondent) ?? nobody(a.respondent);
    return {
      ...person,
      who: whoText(person),
      answer: a.answer,
      word: respondentAnswerWord(a, l),
      satisfied: a.satisfied,
      note: a.note ?? null,
      evidence: a.evidence ?? null,
    };
  });
}

/** The team part of a report, or undefined for a one-person report. */
export function teamView(report: Report, l: Labels): TeamView | undefined {
  if (report.respondents === undefined) return undefined;
  const numbers = new Map(questions(report).map((q) => [q.section, q.number]));
  const who = labels(report);
  return {
    words: teamWordsFor(report.language),
    anonymous: report.anonymous === true,
    counts: teamCounts(report),
    respondents: report.respondents.map((r) => ({ name: r.name, role: r.role })),
    disagreements: disagreements(report).map((d) => ({
      number: numbers.get(d.section) ?? '',
      questionnaire: d.questionnaire,
      section: d.section,
      statement: d.statement,
      changesVerdict: d.changesVerdict,
      answers: answerViews(report, d.statement, l),
      unattributed: d.statement.unattributed,
    })),
    open: unanswered(report).map((o) => ({
      ...(who.get(o.respondent) ?? nobody(o.respondent)),
      statements: o.statements,
    })),
  };
}

/**
 * Who made a statement untrue, in words ("Not true according to Chris Smit (Support)"), and who
 * left it open; empty for a one-person report or a true statement. Names pass through `escape`.
 */
export function whoSaidNo(
  report: Report,
  st: ReportStatement,
  l: Labels,
  escape: (text: string) => string = (t) => t,
): string[] {
  if (st.answers === undefined || st.satisfied) return [];
  const w = teamWordsFor(report.language);
  const views = answerViews(report, st, l);
  const names = (list: AnswerView[]) =>
    joinWords(
      list.map((a) => whoText(a, escape)),
      l,
    );
  const no = views.filter((a) => !a.satisfied && a.answer !== null);
  const open = views.filter((a) => a.answer === null);
  return [
    ...(no.length === 0 ? [] : [w.saidNo(names(no))]),
    ...(open.length === 0 ? [] : [w.notAnsweredBy(names(open))]),
  ];
}

/**
 * The notes of a team statement in one line: each with whose it is, or (anonymous) without;
 * undefined for a one-person statement. Every part passes through `escape`.
 */
export function teamNotes(
  report: Report,
  st: ReportStatement,
  l: Labels,
  escape: (text: string) => string = (t) => t,
  field: 'note' | 'evidence' = 'note',
): string | undefined {
  if (st.answers === undefined) return undefined;
  if (st.unattributed !== undefined || report.anonymous === true) {
    const list = field === 'note' ? st.unattributed?.notes : st.unattributed?.evidence;
    return (list ?? []).map(escape).join('; ');
  }
  return answerViews(report, st, l)
    .filter((a) => a[field] !== null)
    .map((a) => `${whoText(a, escape)}: ${escape(a[field]!)}`)
    .join('; ');
}

/** How many open statements a respondent's line names; the rest are counted. */
const OPEN_SHOWN = 5;

/** The first open statements' texts, and how many more there are. */
export function someOpen(statements: readonly ReportStatement[]): {
  texts: string[];
  more: number;
} {
  return {
    texts: statements.slice(0, OPEN_SHOWN).map((st) => st.text),
    more: Math.max(0, statements.length - OPEN_SHOWN),
  };
}
