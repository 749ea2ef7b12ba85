// The portfolio summary over many reports: one row per subject and date, one column per section,
// the most common failing statements, and regressions between reports of the same subject.
import { compare } from './compare.js';
import type { Report } from './model.js';
import { escapeMarkdown } from './render/markdown-escape.js';

export interface SummaryRow {
  subject: string;
  date: string;
  passed: boolean;
  statementsSatisfied: number;
  statements: number;
  sectionsPassed: number;
  sections: number;
  /** `questionnaire.section` -> passed; absent when the report has no such section. */
  verdicts: Record<string, boolean>;
}

export interface CommonFailure {
  statement: string;
  text: string;
  /** The question (section title) the statement belongs to. */
  question: string;
  /** How many subjects (by their latest report) fail it. */
  subjects: number;
}

export interface PortfolioRegression {
  subject: string;
  from: string;
  to: string;
  statement: string;
  /** The statement in words, as the later report words it. */
  text: string;
}

export interface Summary {
  format: 'trustcheck-summary/1';
  subjects: number;
  reports: number;
  /** The language of the latest report: the language the summary is written in. */
  language: string;
  columns: string[];
  /** The question (section title) of each column, as the reports word it. */
  columnTitles: string[];
  rows: SummaryRow[];
  mostCommonFailures: CommonFailure[];
  regressions: PortfolioRegression[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function summarize(reports: readonly Report[], top = 10): Summary {
  const sorted = [...reports].sort(
    (a, b) => byText(a.subject, b.subject) || byText(a.date, b.date),
  );
  const columnSet = new Set<string>();
  const titles = new Map<string, string>();
  for (const r of sorted) {
    for (const q of r.questionnaires) {
      for (const s of q.sections) {
        const key = `${q.id}.${s.id}`;
        columnSet.add(key);
        titles.set(key, s.title);
      }
    }
  }
  const columns = [...columnSet];
  const latestReport = [...sorted].sort((a, b) => byText(a.date, b.date)).at(-1);
  const rows = sorted.map((r): SummaryRow => ({
    subject: r.subject,
    date: r.date,
    passed: r.passed,
    statementsSatisfied: r.totals.statementsSatisfied,
    statements: r.totals.statements,
    sectionsPassed: r.totals.sectionsPassed,
    sections: r.totals.sections,
    verdicts: Object.fromEntries(
      r.questionnaires.flatMap((q) => q.sections.map((s) => [`${q.id}.${s.id}`, s.passed])),
    ),
  }));

  const bySubject = new Map<string, Report[]>();
  for (const r of sorted) {
    const history = bySubject.get(r.subject);
    if (history === undefined) bySubject.set(r.subject, [r]);
    else history.push(r);
  }

  const failures = new Map<string, CommonFailure>();
  const regressions: PortfolioRegression[] = [];
  for (const [subject, history] of bySubject) {
    const latest = history.at(-1)!;
    for (const q of latest.questionnaires) {
      for (const s of q.sections) {
        for (const st of s.statements) {
          if (st.satisfied) continue;
          const key = `${q.id}.${s.id}.${st.id}`;
          const entry = failures.get(key) ?? {
            statement: key,
            text: st.text,
            question: s.title,
            subjects: 0,
          };
          entry.subjects++;
          failures.set(key, entry);
        }
      }
    }
    for (let i = 1; i < history.length; i++) {
      const { comparison } = compare(history[i - 1]!, history[i]!);
      for (const r of comparison.regressions) {
        regressions.push({
          subject,
          from: history[i - 1]!.date,
          to: history[i]!.date,
          statement: `${r.questionnaire}.${r.section}.${r.statement}`,
          text:
            history[i]!.questionnaires.find((q) => q.id === r.questionnaire)
              ?.sections.find((x) => x.id === r.section)
              ?.statements.find((x) => x.id === r.statement)?.text ?? r.statement,
        });
      }
      for (const id of comparison.missingQuestionnaires) {
        regressions.push({
          subject,
          from: history[i - 1]!.date,
          to: history[i]!.date,
          statement: `${id} (questionnaire missing)`,
          text: `${id} (questionnaire missing)`,
        });
      }
    }
  }
  const mostCommonFailures = [...failures.values()]
    .sort((a, b) => b.subjects - a.subjects || byText(a.statement, b.statement))
    .slice(0, top);
  return {
    format: 'trustcheck-summary/1',
    subjects: bySubject.size,
    reports: reports.length,
    language: latestReport?.language ?? 'en',
    columns,
    columnTitles: columns.map((c) => titles.get(c) ?? c),
    rows,
    mostCommonFailures,
    regressions,
  };
}

export function renderSummaryJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

// Control characters have no place in a spreadsheet cell: line breaks and tabs become spaces,
// the others (NUL, ESC, DEL, C1) go.
// eslint-disable-next-line no-control-regex
const CSV_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * A text cell (SPEC section 7): always in double quotes, so that a `;` or `,` stays inside it
 * whatever separator the spreadsheet's locale expects; controls removed; and a leading `=`, `+`,
 * `-` or `@` (after any spaces), which a spreadsheet would run as a formula, neutralised with `'`.
 */
export function csvText(value: string): string {
  const clean = value.replace(/\r\n?|[\n\t]/g, ' ').replace(CSV_CONTROL, '');
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
    ...summary.columns,
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
  const out: string[] = ['# Trustability portfolio', ''];
  out.push(
    `${summary.subjects} subject${summary.subjects === 1 ? '' : 's'}, ${summary.reports} report${summary.reports === 1 ? '' : 's'}. A section passes only when all its statements are true.`,
    '',
  );
  out.push('## Verdicts', '');
  const columns = summary.columns.map((_, i) => `S${i + 1}`);
  out.push(`| Subject | Date | Verdict | Satisfied | ${columns.join(' | ')} |`);
  out.push(`| --- | --- | --- | --- | ${columns.map(() => '---').join(' | ')} |`);
  for (const row of summary.rows) {
    const cells = summary.columns.map((c) =>
      Object.hasOwn(row.verdicts, c) ? (row.verdicts[c] ? 'pass' : 'FAIL') : '-',
    );
    out.push(
      `| ${escapeMarkdown(row.subject)} | ${row.date} | ${row.passed ? 'passed' : 'failed'} | ${row.statementsSatisfied}/${row.statements} | ${cells.join(' | ')} |`,
    );
  }
  out.push('', 'Questions:', '');
  summary.columns.forEach((c, i) =>
    out.push(`- S${i + 1}: ${escapeMarkdown(summary.columnTitles[i] ?? c)} (\`${c}\`)`),
  );
  out.push('', '## Most common failing statements', '');
  if (summary.mostCommonFailures.length === 0) out.push('None: every statement is satisfied.');
  for (const f of summary.mostCommonFailures) {
    out.push(
      `- ${escapeMarkdown(f.text)} (${f.subjects} subject${f.subjects === 1 ? '' : 's'}; ${escapeMarkdown(f.question)}; \`${f.statement}\`)`,
    );
  }
  out.push('', '## Regressions', '');
  if (summary.regressions.length === 0) out.push('None between reports of the same subject.');
  for (const r of summary.regressions) {
    out.push(
      `- ${escapeMarkdown(r.subject)}: ${escapeMarkdown(r.text)} (\`${r.statement}\`, ${r.from} to ${r.to})`,
    );
  }
  return `${out.join('\n')}\n`;
}
