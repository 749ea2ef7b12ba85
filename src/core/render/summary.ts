// The portfolio in its formats: JSON, CSV for spreadsheets, Markdown (HTML is summary-html.ts,
// loaded only when asked for). The portfolio itself is summarised in core/summary.ts.
import { columnNumbers, type PortfolioChange, type Summary } from '../summary.js';
import { labelsFor, type Labels } from '../words.js';
import { escapeMarkdown } from './markdown-escape.js';
import { markdownTable } from './markdown-table.js';
import { prettyJson, withoutControls } from '../text/controls.js';

export function renderSummaryJson(summary: Summary): string {
  return prettyJson(summary);
}

/**
 * A text cell (SPEC section 7): always in double quotes, so that a `;` or `,` stays inside it
 * whatever separator the spreadsheet's locale expects; controls removed; and a leading `=`, `+`,
 * `-` or `@` (after any spaces), which a spreadsheet would run as a formula, neutralised with `'`.
 */
export function csvText(value: string): string {
  // control characters have no place in a spreadsheet cell: line breaks and tabs become spaces,
  // the others (NUL, ESC, DEL, C1, bidi overrides) go
  const clean = withoutControls(value.replace(/\r\n?|[\n\t]/g, ' '));
  const safe = /^\s*[=+\-@]/.test(clean) ? `'${clean}` : clean;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A count: a whole number we made ourselves, written bare so that it stays a number. */
function csvNumber(value: number): string {
  return String(Math.trunc(value));
}

export function renderSummaryCsv(summary: Summary): string {
  const header = [
    'subject',
    'date',
    'passed',
    'statements_satisfied',
    'statements',
    // each question in words, with its id: a spreadsheet's header needs no lookup
    ...summary.columns.map((c, i) => `${summary.columnTitles[i] ?? c} (${c})`),
  ];
  const lines = [header.map(csvText).join(',')];
  for (const row of summary.rows) {
    lines.push(
      [
        csvText(row.subject),
        csvText(row.date),
        csvText(row.passed ? 'pass' : 'fail'),
        csvNumber(row.statementsSatisfied),
        csvNumber(row.statements),
        ...summary.columns.map((c) =>
          csvText(Object.hasOwn(row.verdicts, c) ? (row.verdicts[c] ? 'pass' : 'fail') : ''),
        ),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function renderSummaryMarkdown(summary: Summary): string {
  const l = labelsFor(summary.language);
  const e = escapeMarkdown;
  const numbers = columnNumbers(summary.columns);
  const out: string[] = [`# ${l.portfolio}`, ''];
  out.push(l.portfolioIntro(summary.subjects, summary.reports), '');
  out.push(`## ${l.portfolioVerdicts}`, '');
  const rows = summary.rows.map((row) => [
    e(row.subject),
    row.date,
    row.passed ? l.passed : l.failed,
    `${row.statementsSatisfied}/${row.statements}`,
    ...summary.columns.map((c) =>
      Object.hasOwn(row.verdicts, c) ? (row.verdicts[c] ? l.pass : l.fail) : '-',
    ),
  ]);
  out.push(...markdownTable([l.subject, l.date, l.verdict, l.satisfied, ...numbers], rows));
  // the legend right under the table: each column's number, the question in words, its id
  out.push('', `${l.questionsKey}:`, '');
  summary.columns.forEach((c, i) =>
    out.push(`- ${numbers[i]!}: ${e(summary.columnTitles[i] ?? c)} (\`${c}\`)`),
  );
  out.push('', `## ${l.commonFailures}`, '');
  if (summary.mostCommonFailures.length === 0) out.push(l.noCommonFailures);
  for (const f of summary.mostCommonFailures) {
    out.push(
      `- ${e(f.text)} (${l.subjectsFailing(f.subjects)}; ${e(f.question)}; \`${f.statement}\`)`,
    );
  }
  changes(out, summary.regressions, l.portfolioRegressions, l.noPortfolioRegressions, l);
  changes(out, summary.improvements, l.portfolioImprovements, l.noPortfolioImprovements, l);
  return `${out.join('\n')}\n`;
}

/** A section listing changes between reports (regressions or improvements). */
function changes(
  out: string[],
  list: readonly PortfolioChange[],
  heading: string,
  none: string,
  l: Labels,
): void {
  out.push('', `## ${heading}`, '');
  if (list.length === 0) out.push(none);
  for (const c of list) {
    out.push(
      `- ${escapeMarkdown(c.subject)}: ${escapeMarkdown(c.text)} (\`${c.statement}\`, ${l.between(c.from, c.to)})`,
    );
  }
}
