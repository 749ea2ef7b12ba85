// The open actions as an iCalendar file (RFC 5545): one all-day event per action on its due
// date, so that owners see their promises next to their other work. Each event's UID is derived
// from what the action is (subject, questionnaire, question, statement, owner: `uid`, given by
// the caller), so a calendar that imports the file again updates the events instead of
// duplicating them. Deterministic: no wall-clock time; DTSTAMP is the date of the report the
// action is from. Lines end in CRLF and are folded at 75 octets; text is escaped.
import type { ActionList } from '../action-list.js';
import { withoutControls } from '../text/controls.js';
import { labelsFor } from '../words.js';
import { statusOf, whatOf } from './action-list.js';

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function icsText(value: string): string {
  return withoutControls(value)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\t/g, ' ');
}

const encoder = new TextEncoder();

/**
 * A content line folded at 75 octets (RFC 5545 §3.1): each further part starts with a space, and
 * no UTF-8 character is split.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let part = '';
  let size = 0;
  // the first line holds 75 octets, each continuation 74 after its leading space
  let room = 75;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    if (size + octets > room) {
      parts.push(part);
      part = '';
      size = 0;
      room = 74;
    }
    part += char;
    size += octets;
  }
  parts.push(part);
  return parts.join('\r\n ');
}

/** YYYY-MM-DD as an iCalendar DATE, YYYYMMDD. */
const icsDate = (date: string): string => date.replace(/-/g, '');

/** The day after a date (YYYY-MM-DD): an all-day event ends there. */
function nextDay(date: string): string {
  const d = new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1),
  );
  return d.toISOString().slice(0, 10);
}

/** The calendar; `uid` gives each action's stable UID from its key. */
export function renderActionsIcs(
  list: ActionList,
  uid: (key: string) => string,
  toolVersion: string,
): string {
  const l = labelsFor(list.language);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//trustcheck//trustcheck ${icsText(toolVersion)}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(l.openActions(list.asOf))}`,
  ];
  for (const a of list.actions) {
    const description = [
      `${l.subject}: ${a.subject}`,
      `${l.section}: ${a.question}`,
      `${l.statement}: ${a.text}`,
      `${l.owner}: ${a.owner}`,
      `${l.due}: ${a.due}`,
      `${l.status}: ${statusOf(a, l)}`,
      `${l.reportDate}: ${a.reportDate}`,
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid(a.key)}`,
      `DTSTAMP:${icsDate(a.reportDate)}T000000Z`,
      `DTSTART;VALUE=DATE:${icsDate(a.due)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(a.due))}`,
      `SUMMARY:${icsText(`${a.owner}: ${whatOf(a)} (${a.subject})`)}`,
      `DESCRIPTION:${icsText(description)}`,
      'CATEGORIES:trustcheck',
      'TRANSP:TRANSPARENT',
      ...(a.overdue ? ['PRIORITY:1'] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
