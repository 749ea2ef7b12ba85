// Dates are real calendar dates: `2026-02-30` is written like a date and is none. The one check,
// used by the model's zod schema (a refinement, for the library) and, because the run-time
// validators are generated from JSON Schemas that cannot say it, by the loaders for every date
// field of an answer file and a report (`dateIssues`). Free of zod, so run-time code can use it.
import type { Issue } from './issues.js';
import { DATE_PATTERN } from './formats.js';

const DATE = new RegExp(DATE_PATTERN);
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** How many days a month (1-12) of a year has, in the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `text` is written YYYY-MM-DD and names a day that exists. */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  return Number(text.slice(8, 10)) <= daysInMonth(year, month);
}

/** Whether `text` is written YYYY-MM-DD and yet names no day (`2026-02-30`). */
export function isImpossibleDate(text: string): boolean {
  return DATE.test(text) && !isCalendarDate(text);
}

/**
 * Why a date written YYYY-MM-DD does not exist, and how to fix it: "2026-02-30 does not exist:
 * February 2026 has 28 days". Only for a text of the date pattern that is not a calendar date.
 */
export function impossibleDateMessage(text: string): string {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const days = daysInMonth(year, month);
  const last = `${text.slice(0, 8)}${String(days).padStart(2, '0')}`;
  return `the date ${text} does not exist: ${MONTHS[month - 1]!} ${text.slice(0, 4)} has ${days} days; write a real date, such as ${last}`;
}

/** A path to date fields: `*` stands for any key of a map or any item of a list. */
type PathPattern = readonly string[];

/**
 * Every place of a date in each kind of file, as the model (model.ts, `IsoDate`) has them; a test
 * checks this list against the published schemas, so a new date field cannot be missed here.
 */
export const DATE_FIELDS: Readonly<Record<'answers' | 'report', readonly PathPattern[]>> = {
  answers: [
    ['date'],
    ['questionnaires', '*', 'answers', '*', '*', 'until'],
    ['questionnaires', '*', 'answers', '*', '*', 'action', 'due'],
  ],
  report: [
    ['date'],
    ['questionnaires', '*', 'sections', '*', 'statements', '*', 'until'],
    ['questionnaires', '*', 'sections', '*', 'statements', '*', 'actions', '*', 'due'],
    ['questionnaires', '*', 'sections', '*', 'statements', '*', 'actions', '*', 'previousDue'],
    ['questionnaires', '*', 'sections', '*', 'statements', '*', 'answers', '*', 'until'],
    ['comparison', 'baseline', 'date'],
  ],
};

/**
 * The dates of a parsed file that are written as dates but do not exist, each at its place. Any
 * value is walked safely (a file that fails its schema too is still checked, so that every
 * problem is said at once); only own properties are read.
 */
export function dateIssues(kind: keyof typeof DATE_FIELDS, value: unknown): Issue[] {
  const issues: Issue[] = [];
  // the path so far, copied only for an issue: a valid file costs no allocation per date
  const path: (string | number)[] = [];
  const visit = (node: unknown, pattern: PathPattern, at: number): void => {
    if (at === pattern.length) {
      if (typeof node === 'string' && isImpossibleDate(node)) {
        issues.push({ path: [...path], message: impossibleDateMessage(node) });
      }
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const part = pattern[at]!;
    const step = (key: string | number, child: unknown) => {
      path.push(key);
      visit(child, pattern, at + 1);
      path.pop();
    };
    if (Array.isArray(node)) {
      if (part === '*') node.forEach((item, i) => step(i, item));
      return;
    }
    const map = node as Record<string, unknown>;
    if (part === '*') {
      for (const key of Object.keys(map)) step(key, map[key]);
    } else if (Object.hasOwn(map, part)) {
      step(part, map[part]);
    }
  };
  for (const pattern of DATE_FIELDS[kind]) visit(value, pattern, 0);
  return issues;
}
