// Verdicts are derived, never trusted. A report carries every statement's answer; its verdicts
// (each statement's `satisfied` and `naExpired`, each question's `passed`, `satisfied` and
// `total`, each questionnaire's `passed`, the report's `passed` and `totals`) are a cache of
// those answers under all-must-be-true. This is the one place that derives them from a report,
// and lists every claim of the report that does not follow. Every reader of reports (`summary`,
// `diff`, `audit --baseline`) refuses a report with such a claim, and `verify` lists them.
//
// What a statement's verdict derives from is `deriveStatement`: today its answer, note and
// `until`. A statement that carries more (each respondent's answers in a team report, from which
// its combined answer follows; actions, whose statuses follow from the answer and the date) is
// derived there, and its claims are compared in the same walk.
import { actionTotals, derivedStatus, statusFollows, type DerivableAction } from './actions.js';
import type { Choice } from './answers.js';
import type { Path } from './issues.js';
import type { ActionStatus, ActionTotals, ReportTotals } from './model.js';
import { satisfaction } from './scoring.js';

/** What a derivation reads of a statement: a whole report's, or a portfolio's reading of one. */
export interface DerivableStatement {
  id: string;
  answer: Choice | null;
  note: string | null;
  until: string | null;
  satisfied: boolean;
  naExpired?: boolean | undefined;
  actions?: readonly DerivableAction[] | undefined;
  /** A team report's answers, one per respondent, from which the combined answer follows. */
  answers?: readonly DerivableAnswer[] | undefined;
}

/** One respondent's answer to a statement of a team report (team.ts). */
export interface DerivableAnswer {
  answer: Choice | null;
  satisfied: boolean;
  /** Absent in an anonymous report, whose notes are not attributed. */
  note?: string | null | undefined;
  until?: string | null | undefined;
}

export interface DerivableSection {
  id: string;
  passed: boolean;
  satisfied: number;
  total: number;
  statements: readonly DerivableStatement[];
}

export interface DerivableQuestionnaire {
  id: string;
  passed: boolean;
  sections: readonly DerivableSection[];
}

export interface DerivableReport {
  date: string;
  passed: boolean;
  totals: ReportTotals;
  questionnaires: readonly DerivableQuestionnaire[];
  /** The plan in numbers (absent in reports of older versions). */
  actionTotals?: ActionTotals | undefined;
  comparison?: {
    improvements: readonly { questionnaire: string; section: string; statement: string }[];
  } | null;
}

/** A statement's verdict, as its answer gives it at the report's date. */
export interface DerivedStatement {
  satisfied: boolean;
  /** An "na" whose `until` lies before the report's date. */
  naExpired: boolean;
}

/**
 * The verdict of one statement of a report. A report does not record whether a statement allows
 * "na" (the questionnaire does, and an audit refuses a disallowed one): an "na" here counts when
 * it has a note and has not expired; `verify` checks it against the questionnaire.
 */
export function deriveStatement(statement: DerivableStatement, date: string): DerivedStatement {
  if (statement.answers !== undefined) {
    return { satisfied: combinedAnswer(statement.answers, date) !== 'no', naExpired: false };
  }
  return satisfaction(statement, date, true);
}

/**
 * Whether one respondent's answer satisfies its statement. An anonymous report does not carry
 * the note an "na" needs: there, an "na" counts as it claims unless its `until` has passed.
 */
export function deriveAnswer(answer: DerivableAnswer, date: string): boolean {
  if (answer.note !== undefined) return satisfaction(answer, date, true).satisfied;
  if (answer.answer !== 'na') return answer.answer === 'yes';
  return answer.satisfied && !satisfaction({ ...answer, note: 'x' }, date, true).naExpired;
}

/**
 * The combined answer of a team's answers to one statement (all must be true, across people):
 * no when any respondent's answer is not satisfied (or there is none), na when all are satisfied
 * and one is na, yes when all said yes.
 */
export function combinedAnswer(answers: readonly DerivableAnswer[], date: string): Choice {
  let na = false;
  if (answers.length === 0) return 'no';
  for (const a of answers) {
    if (!deriveAnswer(a, date)) return 'no';
    if (a.answer === 'na') na = true;
  }
  return na ? 'na' : 'yes';
}

/** Whose claim it is. */
export type ClaimOwner =
  | { kind: 'statement'; questionnaire: string; section: string; statement: string }
  | { kind: 'section'; questionnaire: string; section: string }
  | { kind: 'questionnaire'; questionnaire: string }
  | { kind: 'report' };

/** What the derived value follows from, for a message that says why. */
export type Reason =
  /** a statement's answer, at the report's date */
  | {
      kind: 'answer';
      answer: Choice | null;
      noted: boolean;
      until: string | null;
      date: string;
      expired: boolean;
    }
  /** `count` of `of` things are true (statements) or pass (questions, questionnaires) */
  | { kind: 'count'; count: number; of: number; unit: CountUnit }
  /** there are `of` things */
  | { kind: 'size'; of: number; unit: CountUnit }
  /** an action's status, from its statement's verdict, its due dates and the report's date */
  | {
      kind: 'action';
      satisfied: boolean;
      due: string;
      previousDue: string | null;
      date: string;
      derived: ActionStatus;
    }
  /** the plan's statements and actions give `of` */
  | { kind: 'plan'; of: number }
  /** a team statement: `notSatisfied` of its `of` respondents' answers do not satisfy it */
  | { kind: 'respondents'; notSatisfied: number; na: number; of: number };

export type CountUnit = 'statement' | 'question' | 'questionnaire';

/** A verdict the report claims that does not follow from its answers. */
export interface ForgedClaim {
  /** Where the claim is: the path of its field in the report. */
  path: Path;
  owner: ClaimOwner;
  /** The field, as the report names it (`passed`, `totals.sectionsPassed`). */
  field: string;
  claimed: boolean | number | string | null;
  derived: boolean | number | string | null;
  because: Reason;
}

/**
 * Every claim of `report` that does not follow from its statements, in the report's order. One
 * walk, no copies: a valid report costs a comparison per verdict. The derived values are those of
 * the claims for a report without forged claims, so its readers use them as they are.
 */
export function forgedClaims(report: DerivableReport): ForgedClaim[] {
  const claims: ForgedClaim[] = [];
  const { date } = report;
  let questionnairesPassed = 0;
  let sections = 0;
  let sectionsPassed = 0;
  let statements = 0;
  let statementsSatisfied = 0;
  report.questionnaires.forEach((q, qi) => {
    let passedHere = 0;
    q.sections.forEach((s, si) => {
      let satisfied = 0;
      s.statements.forEach((st, sti) => {
        const derived = deriveStatement(st, date);
        if (derived.satisfied) satisfied++;
        if (st.answers !== undefined) {
          teamClaims(claims, st, date, q.id, s.id, [
            'questionnaires',
            qi,
            'sections',
            si,
            'statements',
            sti,
          ]);
          return;
        }
        const claimedExpired = st.naExpired;
        (st.actions ?? []).forEach((action, ai) => {
          if (statusFollows(action, derived.satisfied, date)) return;
          const previousDue = action.previousDue ?? null;
          const status = derivedStatus(
            derived.satisfied,
            { due: action.due, previousDue },
            date,
            false,
          );
          claims.push({
            path: [
              'questionnaires',
              qi,
              'sections',
              si,
              'statements',
              sti,
              'actions',
              ai,
              'status',
            ],
            owner: { kind: 'statement', questionnaire: q.id, section: s.id, statement: st.id },
            field: `actions[${ai}].status`,
            claimed: action.status,
            derived: status,
            because: {
              kind: 'action',
              satisfied: derived.satisfied,
              due: action.due,
              previousDue,
              date,
              derived: status,
            },
          });
        });
        if (st.satisfied === derived.satisfied && (claimedExpired ?? false) === derived.naExpired)
          return;
        // an older report has no `naExpired`: only a value it gives is a claim
        const owner: ClaimOwner = {
          kind: 'statement',
          questionnaire: q.id,
          section: s.id,
          statement: st.id,
        };
        const because: Reason = {
          kind: 'answer',
          answer: st.answer,
          noted: st.note !== null && st.note.trim() !== '',
          until: st.until,
          date,
          expired: derived.naExpired,
        };
        const at = ['questionnaires', qi, 'sections', si, 'statements', sti];
        claim(claims, owner, at, 'satisfied', st.satisfied, derived.satisfied, because);
        if (claimedExpired !== undefined)
          claim(claims, owner, at, 'naExpired', claimedExpired, derived.naExpired, because);
      });
      const total = s.statements.length;
      const passed = satisfied === total;
      if (passed) passedHere++;
      sections++;
      statements += total;
      statementsSatisfied += satisfied;
      if (s.passed === passed && s.satisfied === satisfied && s.total === total) return;
      const owner: ClaimOwner = { kind: 'section', questionnaire: q.id, section: s.id };
      const at = ['questionnaires', qi, 'sections', si];
      const count: Reason = { kind: 'count', count: satisfied, of: total, unit: 'statement' };
      claim(claims, owner, at, 'passed', s.passed, passed, count);
      claim(claims, owner, at, 'satisfied', s.satisfied, satisfied, count);
      claim(claims, owner, at, 'total', s.total, total, {
        kind: 'size',
        of: total,
        unit: 'statement',
      });
    });
    const passed = passedHere === q.sections.length;
    if (passed) questionnairesPassed++;
    sectionsPassed += passedHere;
    claim(
      claims,
      { kind: 'questionnaire', questionnaire: q.id },
      ['questionnaires', qi],
      'passed',
      q.passed,
      passed,
      { kind: 'count', count: passedHere, of: q.sections.length, unit: 'question' },
    );
  });
  const questionnaires = report.questionnaires.length;
  // an audit of nothing passes nothing
  const passed = questionnaires > 0 && questionnairesPassed === questionnaires;
  const owner: ClaimOwner = { kind: 'report' };
  claim(claims, owner, [], 'passed', report.passed, passed, {
    kind: 'count',
    count: questionnairesPassed,
    of: questionnaires,
    unit: 'questionnaire',
  });
  const totals: [keyof ReportTotals, number, Reason][] = [
    ['questionnaires', questionnaires, { kind: 'size', of: questionnaires, unit: 'questionnaire' }],
    [
      'questionnairesPassed',
      questionnairesPassed,
      { kind: 'count', count: questionnairesPassed, of: questionnaires, unit: 'questionnaire' },
    ],
    ['sections', sections, { kind: 'size', of: sections, unit: 'question' }],
    [
      'sectionsPassed',
      sectionsPassed,
      { kind: 'count', count: sectionsPassed, of: sections, unit: 'question' },
    ],
    ['statements', statements, { kind: 'size', of: statements, unit: 'statement' }],
    [
      'statementsSatisfied',
      statementsSatisfied,
      { kind: 'count', count: statementsSatisfied, of: statements, unit: 'statement' },
    ],
  ];
  const claimedPlan = report.actionTotals;
  if (claimedPlan !== undefined) {
    const improvements = report.comparison?.improvements;
    // counted from the derived verdicts and statuses, not from the claimed ones
    const plan = actionTotals({
      questionnaires: report.questionnaires.map((q) => ({
        id: q.id,
        sections: q.sections.map((s) => ({
          id: s.id,
          statements: s.statements.map((st) => {
            const { satisfied } = deriveStatement(st, date);
            return {
              id: st.id,
              satisfied,
              actions: (st.actions ?? []).map((a) => ({
                ...a,
                status: derivedStatus(
                  satisfied,
                  { due: a.due, previousDue: a.previousDue ?? null },
                  date,
                  false,
                ),
              })),
            };
          }),
        })),
      })),
      comparison: Array.isArray(improvements) ? { improvements } : null,
    });
    for (const field of Object.keys(plan) as (keyof ActionTotals)[]) {
      const derived = plan[field];
      claim(claims, owner, [], `actionTotals.${field}`, claimedPlan[field], derived, {
        kind: 'plan',
        of: derived,
      });
    }
  }
  for (const [field, derived, because] of totals)
    claim(claims, owner, [], `totals.${field}`, report.totals[field], derived, because);
  return claims;
}

/**
 * Adds to `claims` the claim of `field` (dotted, as the report names it: `totals.sections`) of the
 * object at `at` when it is not the derived value.
 */
function claim(
  claims: ForgedClaim[],
  owner: ClaimOwner,
  at: Path,
  field: string,
  claimed: ForgedClaim['claimed'],
  derived: ForgedClaim['derived'],
  because: Reason,
): void {
  if (claimed === derived) return;
  claims.push({ path: [...at, ...field.split('.')], owner, field, claimed, derived, because });
}

/** The claims of a team statement: each respondent's verdict, the combined answer and verdict. */
function teamClaims(
  claims: ForgedClaim[],
  st: DerivableStatement,
  date: string,
  questionnaire: string,
  section: string,
  at: Path,
): void {
  const answers = st.answers!;
  const owner: ClaimOwner = { kind: 'statement', questionnaire, section, statement: st.id };
  let notSatisfied = 0;
  let na = 0;
  answers.forEach((a, i) => {
    const satisfied = deriveAnswer(a, date);
    if (!satisfied) notSatisfied++;
    if (a.answer === 'na') na++;
    if (a.satisfied === satisfied) return;
    claims.push({
      path: [...at, 'answers', i, 'satisfied'],
      owner,
      field: `answers[${i}].satisfied`,
      claimed: a.satisfied,
      derived: satisfied,
      because: {
        kind: 'answer',
        answer: a.answer,
        noted: a.note === undefined || (a.note !== null && a.note.trim() !== ''),
        until: a.until ?? null,
        date,
        expired: satisfaction({ ...a, note: 'x' }, date, true).naExpired,
      },
    });
  });
  const answer = combinedAnswer(answers, date);
  const because: Reason = { kind: 'respondents', notSatisfied, na, of: answers.length };
  claim(claims, owner, at, 'answer', st.answer, answer, because);
  claim(claims, owner, at, 'satisfied', st.satisfied, answer !== 'no', because);
  if (st.naExpired === true) claim(claims, owner, at, 'naExpired', true, false, because);
}
