// Action plans (SPEC §3, §5): who makes an untrue statement true, and by when. An action's status
// follows from its statement's verdict, its due date and the report's date (and, with a
// baseline, the baseline's action of the same statement): it is derived, never trusted, like a
// verdict. This is the one place that gives statuses and totals; the audit writes them into the
// report, and derive.ts compares a report's claims with what they derive to.
import type {
  ActionStatus,
  ActionTotals,
  Report,
  ReportAction,
  ReportQuestionnaire,
  ReportSection,
  ReportStatement,
} from './model.js';

/** An action as an answer file gives it (one source: one answer file, one respondent). */
export interface ActionSource {
  what?: string | undefined;
  owner: string;
  due: string;
}

/** What a status derivation reads of a report action. */
export interface DerivableAction {
  owner: string;
  due: string;
  status: ActionStatus;
  previousDue?: string | null | undefined;
}

/** The report's actions of one statement, from each source that gives one, in source order. */
export function reportActions(
  sources: readonly (ActionSource | undefined)[],
  remedy: string | null,
  satisfied: boolean,
  date: string,
): ReportAction[] {
  const actions: ReportAction[] = [];
  for (const source of sources) {
    if (source === undefined) continue;
    const what = source.what !== undefined && source.what.trim() !== '' ? source.what : remedy;
    actions.push({
      what: what ?? '',
      owner: source.owner,
      due: source.due,
      status: derivedStatus(satisfied, { due: source.due, previousDue: null }, date, false),
      previousDue: null,
    });
  }
  return actions;
}

/**
 * The status of an action: done when its statement is satisfied; overdue when it is not and the
 * due date lies before `date`; postponed when its due date lies after the baseline's
 * (`previousDue`); new when a baseline is compared and had no action here; else open.
 */
export function derivedStatus(
  satisfied: boolean,
  action: { due: string; previousDue?: string | null | undefined },
  date: string,
  isNew: boolean,
): ActionStatus {
  if (satisfied) return 'done';
  if (action.due < date) return 'overdue';
  const previous = action.previousDue;
  if (previous !== undefined && previous !== null && previous < action.due) return 'postponed';
  return isNew ? 'new' : 'open';
}

/**
 * Whether a claimed status follows from the statement's verdict, the due dates and the date.
 * `new` and `open` are told apart by the baseline, which a report does not hold: either is
 * accepted where the other is derived.
 */
export function statusFollows(action: DerivableAction, satisfied: boolean, date: string): boolean {
  const derived = derivedStatus(satisfied, action, date, false);
  if (derived === 'open') return action.status === 'open' || action.status === 'new';
  return action.status === derived;
}

/** The key of a statement across reports: questionnaire, section, statement. */
export function statementKey(q: string, s: string, st: string): string {
  return `${q}\u0000${s}\u0000${st}`;
}

/** `report` with each statement replaced by what `change` makes of it; the rest is kept. */
export function mapStatements<R extends { questionnaires: ReportQuestionnaire[] }>(
  report: R,
  change: (st: ReportStatement, q: ReportQuestionnaire, s: ReportSection) => ReportStatement,
): R {
  return {
    ...report,
    questionnaires: report.questionnaires.map((q) => ({
      ...q,
      sections: q.sections.map((s) => ({
        ...s,
        statements: s.statements.map((st) => change(st, q, s)),
      })),
    })),
  };
}

/**
 * The report's actions against a baseline: a due date later than the baseline's action of the same
 * statement (and owner) is postponed, with both dates; an action the baseline did not have is new;
 * a baseline action whose statement is now satisfied and that this report no longer carries is
 * listed as done. Two actions are never merged: each is matched with at most one of the baseline.
 */
export function actionsAgainstBaseline(report: Report, baseline: Report): Report {
  const before = new Map<string, readonly ReportAction[]>();
  const wasSatisfied = new Map<string, boolean>();
  for (const q of baseline.questionnaires)
    for (const s of q.sections)
      for (const st of s.statements) {
        const key = statementKey(q.id, s.id, st.id);
        wasSatisfied.set(key, st.satisfied);
        if (st.actions !== undefined && st.actions.length > 0) before.set(key, st.actions);
      }
  return mapStatements(report, (st, q, s) => {
    const key = statementKey(q.id, s.id, st.id);
    const was = before.get(key) ?? [];
    const own = st.actions ?? [];
    const matched = matchActions(own, was);
    const actions = own.map((a, i): ReportAction => {
      const previous = matched[i];
      const previousDue = previous !== undefined && previous.due < a.due ? previous.due : null;
      return {
        ...a,
        previousDue,
        status: derivedStatus(
          st.satisfied,
          { due: a.due, previousDue },
          report.date,
          previous === undefined,
        ),
      };
    });
    // a promise kept: the baseline's action, its statement now true, gone from the file
    if (st.satisfied && own.length === 0 && wasSatisfied.get(key) === false) {
      for (const a of was) actions.push({ ...a, status: 'done', previousDue: null });
    }
    return { ...st, actions };
  });
}

/** For each action, the baseline action it continues: the same owner, else the only one. */
function matchActions(
  own: readonly ReportAction[],
  was: readonly ReportAction[],
): (ReportAction | undefined)[] {
  const taken = new Set<number>();
  const byOwner = own.map((a) => {
    const i = was.findIndex((b, j) => !taken.has(j) && b.owner === a.owner);
    if (i < 0) return undefined;
    taken.add(i);
    return was[i];
  });
  if (own.length === 1 && was.length === 1 && byOwner[0] === undefined) return [was[0]];
  return byOwner;
}

/** What `actionTotals` counts of a report. */
export interface TotalsInput {
  questionnaires: readonly {
    id: string;
    sections: readonly {
      id: string;
      statements: readonly {
        id: string;
        satisfied: boolean;
        actions?: readonly DerivableAction[] | undefined;
      }[];
    }[];
  }[];
  comparison: {
    improvements: readonly { questionnaire: string; section: string; statement: string }[];
  } | null;
}

/**
 * The plan in numbers: untrue statements with an action (planned) and without (unplanned);
 * overdue and postponed actions; actions done on a statement that was not true in the baseline.
 */
export function actionTotals(report: TotalsInput): ActionTotals {
  const improved = new Set(
    (report.comparison?.improvements ?? []).map((x) =>
      statementKey(x.questionnaire, x.section, x.statement),
    ),
  );
  const totals: ActionTotals = {
    planned: 0,
    unplanned: 0,
    overdue: 0,
    postponed: 0,
    doneSinceBaseline: 0,
  };
  for (const q of report.questionnaires)
    for (const s of q.sections)
      for (const st of s.statements) {
        const actions = st.actions ?? [];
        if (!st.satisfied) {
          if (actions.length > 0) totals.planned++;
          else totals.unplanned++;
        }
        for (const a of actions) {
          if (a.status === 'overdue') totals.overdue++;
          else if (a.status === 'postponed') totals.postponed++;
          else if (a.status === 'done' && improved.has(statementKey(q.id, s.id, st.id)))
            totals.doneSinceBaseline++;
        }
      }
  return totals;
}

/** The report with its action totals. */
export function withActionTotals(report: Report): Report {
  return { ...report, actionTotals: actionTotals(report) };
}

/** An item of the action plan: an untrue statement and its actions (none: no owner yet). */
export interface PlanItem<S> {
  statement: S;
  actions: readonly ReportAction[];
}

/**
 * The plan's order: the earliest due date first (overdue first of all, since theirs are the
 * earliest), then statements without an owner, in report order. Stable.
 */
export function planOrder<T extends { actions: readonly ReportAction[] }>(
  items: readonly T[],
): T[] {
  const first = (x: T): string =>
    x.actions
      .filter((a) => a.status !== 'done')
      .map((a) => a.due)
      .sort()[0] ?? '\uffff';
  return items
    .map((item, i) => ({ item, i, due: first(item) }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.i - b.i))
    .map((x) => x.item);
}

/** The overdue actions of a report, each with its statement's place. */
export function overdueActions(report: Report): {
  questionnaire: string;
  section: string;
  statement: string;
  text: string;
  action: ReportAction;
}[] {
  const out: ReturnType<typeof overdueActions> = [];
  for (const q of report.questionnaires)
    for (const s of q.sections)
      for (const st of s.statements)
        for (const action of st.actions ?? [])
          if (action.status === 'overdue')
            out.push({
              questionnaire: q.id,
              section: s.id,
              statement: st.id,
              text: st.text,
              action,
            });
  return out;
}
