// The open actions across reports (`trustcheck actions`) in Markdown, CSV and JSON; the calendar
// is ics.ts. Words in the list's language; user text escaped for each format.
import type { ActionList, OpenAction } from '../action-list.js';
import { labelsFor, type Labels } from '../words.js';
import { prettyJson } from '../text/controls.js';
import { escapeMarkdown } from './markdown-escape.js';
import { csvText } from './summary.js';

const e = escapeMarkdown;

/** What is to be done: the action's words, else the statement's. */
export const whatOf = (a: OpenAction): string => (a.what === '' ? a.text : a.what);

/** The status as of the list's date: overdue, else the report's (postponed with both dates). */
export function statusOf(a: OpenAction, l: Labels): string {
  if (a.overdue) return l.actionStatus.overdue;
  if (a.status === 'postponed' && a.previousDue !== null)
    return l.postponedFrom(a.previousDue, a.due);
  return l.actionStatus[a.status === 'overdue' ? 'open' : a.status];
}

export function renderActionsJson(list: ActionList): string {
  return prettyJson({
    format: list.format,
    asOf: list.asOf,
    language: list.language,
    subjects: list.subjects,
    actions: list.actions.map((a) => ({
      subject: a.subject,
      reportDate: a.reportDate,
      questionnaire: a.questionnaire,
      section: a.section,
      statement: a.statement,
      question: a.question,
      text: a.text,
      what: whatOf(a),
      owner: a.owner,
      due: a.due,
      overdue: a.overdue,
      status: a.status,
      previousDue: a.previousDue,
    })),
  });
}

export function renderActionsCsv(list: ActionList): string {
  const l = labelsFor(list.language);
  const header = [
    l.status,
    l.due,
    l.owner,
    l.subject,
    l.section,
    l.statement,
    l.action,
    l.reportDate,
  ];
  const lines = [header.map(csvText).join(',')];
  for (const a of list.actions) {
    lines.push(
      [statusOf(a, l), a.due, a.owner, a.subject, a.question, a.text, whatOf(a), a.reportDate]
        .map(csvText)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function renderActionsMarkdown(list: ActionList): string {
  const l = labelsFor(list.language);
  const out = [`# ${l.openActions(list.asOf)}`, ''];
  if (list.actions.length === 0) {
    out.push(l.noOpenActions);
    return `${out.join('\n')}\n`;
  }
  const overdue = list.actions.filter((a) => a.overdue).length;
  out.push(l.openActionsIntro(list.actions.length, overdue, list.subjects), '');
  out.push(
    `| ${l.status} | ${l.due} | ${l.owner} | ${l.subject} | ${l.section} | ${l.statement} | ${l.action} |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const a of list.actions) {
    const status = a.overdue ? `**${statusOf(a, l)}**` : statusOf(a, l);
    out.push(
      `| ${status} | ${a.due} | ${e(a.owner)} | ${e(a.subject)} | ${e(a.question)} | ${e(a.text)} | ${e(whatOf(a))} |`,
    );
  }
  return `${out.join('\n')}\n`;
}
