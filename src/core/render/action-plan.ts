// The action plan as every report shows it: each statement that is not true with its actions
// (none: "no owner yet"), the earliest due date first; with a baseline, the actions done since.
// The Markdown, HTML, JUnit and terminal renderers read the plan through these, so they agree.
import { planOrder } from '../actions.js';
import type { Report, ReportAction } from '../model.js';
import type { Labels } from '../words.js';
import { notTrue, questions, type StatementView } from './view.js';

export interface PlanItem extends StatementView {
  actions: readonly ReportAction[];
  /** What to do when no action says: the statement's remedy, in words. */
  remedy: string;
}

/** The plan: every statement not true, with its open actions, the earliest due date first. */
export function actionPlan(report: Report, l: Labels): PlanItem[] {
  return planOrder(
    notTrue(report).map((v) => ({
      ...v,
      actions: (v.statement.actions ?? []).filter((a) => a.status !== 'done'),
      remedy: v.statement.remedy ?? l.noRemedy,
    })),
  );
}

/** With a baseline: the actions done on statements that are true now. */
export function doneActions(report: Report): (StatementView & { action: ReportAction })[] {
  if (report.comparison === null) return [];
  return questions(report).flatMap((q) =>
    q.section.statements.flatMap((statement) =>
      statement.satisfied
        ? (statement.actions ?? [])
            .filter((a) => a.status === 'done')
            .map((action) => ({ ...q, statement, action }))
        : [],
    ),
  );
}

/** An action's status in words: "overdue", "postponed from 2027-01-31 to 2027-03-31". */
export function statusWords(action: ReportAction, l: Labels): string {
  if (action.status === 'postponed' && action.previousDue !== null)
    return l.postponedFrom(action.previousDue, action.due);
  return l.actionStatus[action.status];
}

/** Every overdue action of a report, in plan order. */
export function overdueItems(
  report: Report,
  l: Labels,
): (StatementView & { action: ReportAction })[] {
  return actionPlan(report, l).flatMap((item) =>
    item.actions.filter((a) => a.status === 'overdue').map((action) => ({ ...item, action })),
  );
}
