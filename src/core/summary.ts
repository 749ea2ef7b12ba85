// The portfolio summary over many reports: one row per subject and date, one column per section,
// the most common failing statements, and the regressions and improvements between reports of the
// same subject. It is written in one language, the latest report's, and takes every text (question
// titles, statements) from that report, or from the latest report that has it in that language:
// never a mix of languages when the reports hold one.
import { compare } from './compare.js';
import type { Report } from './model.js';
import { labelsFor, type Labels } from './render/labels.js';
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

/** A statement that changed between two consecutive reports of one subject. */
export interface PortfolioChange {
  subject: string;
  from: string;
  to: string;
  statement: string;
  /** The statement in words, in the summary's language. */
  text: string;
}

export type PortfolioRegression = PortfolioChange;
export type PortfolioImprovement = PortfolioChange;

export interface Summary {
  format: 'trustcheck-summary/1';
  subjects: number;
  reports: number;
  /** The language of the latest report: the language the summary is written in. */
  language: string;
  columns: string[];
  /** The question (section title) of each column, in the summary's language. */
  columnTitles: string[];
  rows: SummaryRow[];
  mostCommonFailures: CommonFailure[];
  regressions: PortfolioRegression[];
  /** Statements that became true between consecutive reports of the same subject. */
  improvements: PortfolioImprovement[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The words of every question and statement: from the latest report in `language` that has it,
 * else from the latest report that has it at all (a questionnaire that only some reports hold).
 */
function wordsOf(reports: readonly Report[], language: string): Map<string, string> {
  const words = new Map<string, string>();
  const inLanguage = new Set<string>();
  // oldest first, so that a later report's words replace an earlier one's
  const byDate = [...reports].sort((a, b) => byText(a.date, b.date));
  for (const r of byDate) {
    const matches = r.language === language;
    const put = (key: string, text: string) => {
      if (!matches && inLanguage.has(key)) return;
      words.set(key, text);
      if (matches) inLanguage.add(key);
    };
    for (const q of r.questionnaires) {
      for (const s of q.sections) {
        put(`${q.id}.${s.id}`, s.title);
        for (const st of s.statements) put(`${q.id}.${s.id}.${st.id}`, st.text);
      }
    }
  }
  return words;
}

export function summarize(reports: readonly Report[], top = 10): Summary {
  const sorted = [...reports].sort(
    (a, b) => byText(a.subject, b.subject) || byText(a.date, b.date),
  );
  const columnSet = new Set<string>();
  for (const r of sorted) {
    for (const q of r.questionnaires) {
      for (const s of q.sections) columnSet.add(`${q.id}.${s.id}`);
    }
  }
  const columns = [...columnSet];
  const latestReport = [...sorted].sort((a, b) => byText(a.date, b.date)).at(-1);
  const language = latestReport?.language ?? 'en';
  const l = labelsFor(language);
  const words = wordsOf(sorted, language);
  const wordsFor = (key: string) => words.get(key) ?? key;
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
  const improvements: PortfolioImprovement[] = [];
  for (const [subject, history] of bySubject) {
    const latest = history.at(-1)!;
    for (const q of latest.questionnaires) {
      for (const s of q.sections) {
        for (const st of s.statements) {
          if (st.satisfied) continue;
          const key = `${q.id}.${s.id}.${st.id}`;
          const entry = failures.get(key) ?? {
            statement: key,
            text: wordsFor(key),
            question: wordsFor(`${q.id}.${s.id}`),
            subjects: 0,
          };
          entry.subjects++;
          failures.set(key, entry);
        }
      }
    }
    for (let i = 1; i < history.length; i++) {
      const { comparison } = compare(history[i - 1]!, history[i]!);
      const between = { subject, from: history[i - 1]!.date, to: history[i]!.date };
      for (const r of comparison.regressions) {
        const key = `${r.questionnaire}.${r.section}.${r.statement}`;
        regressions.push({ ...between, statement: key, text: wordsFor(key) });
      }
      for (const id of comparison.missingQuestionnaires) {
        regressions.push({
          ...between,
          statement: `${id} (questionnaire missing)`,
          text: l.questionnaireMissing(id),
        });
      }
      for (const r of comparison.improvements) {
        const key = `${r.questionnaire}.${r.section}.${r.statement}`;
        improvements.push({ ...between, statement: key, text: wordsFor(key) });
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
    language,
    columns,
    columnTitles: columns.map(wordsFor),
    rows,
    mostCommonFailures,
    regressions,
    improvements,
  };
}

/**
 * The number of each column as the reports number their questions: `questionnaire.question`
 * (1.1, 2.3) when the summary holds several questionnaires, else the question alone.
 */
export function columnNumbers(columns: readonly string[]): string[] {
  const questionnaires = [...new Set(columns.map((c) => c.split('.')[0]!))];
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const q = c.split('.')[0]!;
    const n = (seen.get(q) ?? 0) + 1;
    seen.set(q, n);
    return questionnaires.length > 1 ? `${questionnaires.indexOf(q) + 1}.${n}` : `${n}`;
  });
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
  out.push(`| ${l.subject} | ${l.date} | ${l.verdict} | ${l.satisfied} | ${numbers.join(' | ')} |`);
  out.push(`| --- | --- | --- | --- | ${numbers.map(() => '---').join(' | ')} |`);
  for (const row of summary.rows) {
    const cells = summary.columns.map((c) =>
      Object.hasOwn(row.verdicts, c) ? (row.verdicts[c] ? l.pass : l.fail) : '-',
    );
    out.push(
      `| ${e(row.subject)} | ${row.date} | ${row.passed ? l.passed : l.failed} | ${row.statementsSatisfied}/${row.statements} | ${cells.join(' | ')} |`,
    );
  }
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
