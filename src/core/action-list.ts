// The open actions across many reports (`trustcheck actions`): for each subject its latest
// report, every action whose statement is not true there, overdue as of a given date first, then
// by due date. Pure: the reports are read (and their verdicts derived) by the caller.
import type { ActionStatus, ReportForSummary } from './model.js';

/** One open action, with where it stands, in words. */
export interface OpenAction {
  subject: string;
  /** The date of the report it is from. */
  reportDate: string;
  language: string;
  questionnaire: string;
  section: string;
  statement: string;
  /** The question, in the report's words. */
  question: string;
  /** The statement, in the report's words. */
  text: string;
  what: string;
  owner: string;
  due: string;
  /** Due before the as-of date. */
  overdue: boolean;
  /** Its status in the report (postponed shows its earlier date). */
  status: ActionStatus;
  previousDue: string | null;
  /** The key a calendar knows it by: subject, questionnaire, question, statement and owner. */
  key: string;
}

export interface ActionList {
  format: 'trustcheck-actions/1';
  asOf: string;
  /** The language of the latest report: the language the list is written in. */
  language: string;
  subjects: number;
  actions: OpenAction[];
}

/** What the list reads of a report: a portfolio's reading of it, with its actions. */
export type ReportWithActions = ReportForSummary;

/** The latest report of each subject (the later date; of one date, the one given last). */
export function latestBySubject<R extends { subject: string; date: string }>(
  reports: readonly R[],
): R[] {
  const latest = new Map<string, R>();
  for (const r of reports) {
    const known = latest.get(r.subject);
    if (known === undefined || r.date >= known.date) latest.set(r.subject, r);
  }
  return [...latest.values()];
}

/**
 * The open actions of the latest report of each subject, as of `asOf` (YYYY-MM-DD): overdue
 * first, then by due date, then subject and place.
 */
export function openActions(reports: readonly ReportWithActions[], asOf: string): ActionList {
  const latest = latestBySubject(reports);
  const actions: OpenAction[] = [];
  for (const report of latest) {
    for (const q of report.questionnaires)
      for (const s of q.sections)
        for (const st of s.statements) {
          if (st.satisfied) continue;
          for (const a of st.actions ?? []) {
            if (a.status === 'done') continue;
            actions.push({
              subject: report.subject,
              reportDate: report.date,
              language: report.language,
              questionnaire: q.id,
              section: s.id,
              statement: st.id,
              question: s.title,
              text: st.text,
              what: a.what,
              owner: a.owner,
              due: a.due,
              overdue: a.due < asOf,
              status: a.status,
              previousDue: a.previousDue,
              key: JSON.stringify([report.subject, q.id, s.id, st.id, a.owner]),
            });
          }
        }
  }
  const order = (a: OpenAction, b: OpenAction): number =>
    Number(b.overdue) - Number(a.overdue) ||
    cmp(a.due, b.due) ||
    cmp(a.subject, b.subject) ||
    cmp(a.key, b.key);
  actions.sort(order);
  let newest: ReportWithActions | undefined;
  for (const r of latest) if (newest === undefined || r.date > newest.date) newest = r;
  return {
    format: 'trustcheck-actions/1',
    asOf,
    language: newest?.language ?? 'en',
    subjects: latest.length,
    actions,
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
