// What an audit says on the terminal (stderr) about its report, as lines in the audit's
// language: the questions with their verdicts, the statements that are not true (each once, in
// words), regressions, and the verdict. The shell wraps and prints them; `always` lines are
// printed under --quiet too (what CI logs must show).
import { pick } from '../language.js';
import type { Comparison, Report } from '../model.js';
import type { FailOn } from '../policy.js';
import { safeLine } from '../text/terminal.js';
import { shortenWords } from '../text/wrap.js';
import type { Styles } from './styles.js';
import { verdictLine } from './verdict.js';

export interface TerminalLine {
  text: string;
  /** Printed even under --quiet. */
  always?: boolean;
  /** The indent of its continuation lines when the line is wrapped. */
  hang?: number;
}

const WORDS = {
  en: {
    yes: 'yes',
    no: 'no',
    regression: 'regression:',
    improvement: 'improvement:',
    wasTrue: 'was satisfied, now is not',
    missing: (id: string, current: string) =>
      `questionnaire ${id} is in the baseline but not in ${current}`,
    thisAudit: 'this audit',
  },
  nl: {
    yes: 'ja',
    no: 'nee',
    regression: 'achteruitgang:',
    improvement: 'verbetering:',
    wasTrue: 'was waar, nu niet',
    missing: (id: string, current: string) =>
      `vragenlijst ${id} staat in de baseline maar niet in ${current}`,
    thisAudit: 'deze audit',
  },
};

/** Statement texts are shortened to this many characters in a summary; titles to the next. */
const STATEMENT_LENGTH = 140;
const TITLE_LENGTH = 160;

const words = (text: string, max: number) => shortenWords(safeLine(text), max);

/**
 * The questions of an audit with their verdicts in words, each statement that is not true
 * under its question: `all` lists every question (the interactive ending), else only those
 * that fail (a scripted audit).
 */
export function questionLines(report: Report, c: Styles, all: boolean): TerminalLine[] {
  const w = pick(WORDS, report.language);
  const width = Math.max(w.yes.length, w.no.length);
  const lines: TerminalLine[] = [];
  for (const q of report.questionnaires) {
    const sections = all ? q.sections : q.sections.filter((s) => !s.passed);
    if (sections.length === 0) continue;
    lines.push({ text: c.bold(words(q.title, TITLE_LENGTH)) });
    const countWidth = Math.max(...sections.map((s) => `${s.satisfied}/${s.total}`.length));
    for (const s of sections) {
      const mark = s.passed
        ? c.green(`✓ ${w.yes.padEnd(width)}`)
        : c.red(`✗ ${w.no.padEnd(width)}`);
      const count = `${s.satisfied}/${s.total}`.padStart(countWidth);
      const hang = 2 + width + 2 + countWidth + 2;
      lines.push({ text: `${mark}  ${count}  ${words(s.title, TITLE_LENGTH)}`, hang });
      for (const st of s.statements) {
        if (st.satisfied) continue;
        lines.push({
          text: `${' '.repeat(hang)}– ${words(st.text, STATEMENT_LENGTH)}`,
          hang: hang + 2,
        });
      }
    }
  }
  return lines;
}

/** The words of a statement in a report, by its ids (the ids when it is not there). */
function statementText(
  report: Report | undefined,
  questionnaire: string,
  section: string,
  statement: string,
): string {
  const text = report?.questionnaires
    .find((q) => q.id === questionnaire)
    ?.sections.find((s) => s.id === section)
    ?.statements.find((s) => s.id === statement)?.text;
  return text === undefined
    ? `${questionnaire}.${section}.${statement}`
    : `“${words(text, STATEMENT_LENGTH)}”`;
}

/**
 * Every regression, one line each; `current` names what is compared with the baseline. With
 * the current `report`, statements are named by their words, in its language.
 */
export function regressionLines(
  comparison: Comparison,
  current: string,
  c: Styles,
  report?: Report,
): TerminalLine[] {
  const w = pick(WORDS, report?.language ?? 'en');
  const label = c.red(w.regression);
  const hang = w.regression.length + 1;
  return [
    ...comparison.regressions.map((r) => ({
      text: `${label} ${statementText(report, r.questionnaire, r.section, r.statement)} ${w.wasTrue}`,
      always: true,
      hang,
    })),
    ...comparison.missingQuestionnaires.map((id) => ({
      text: `${label} ${w.missing(id, current)}`,
      always: true,
      hang,
    })),
  ];
}

/** Failing questions, regressions, improvements, and last the verdict: what CI decided. */
export function auditSummaryLines(
  report: Report,
  c: Styles,
  policy: { failOn: FailOn; baseline?: string | undefined; allQuestions?: boolean },
): TerminalLine[] {
  const w = pick(WORDS, report.language);
  const lines = questionLines(report, c, policy.allQuestions === true);
  const comparison = report.comparison;
  if (comparison !== null) {
    lines.push(...regressionLines(comparison, w.thisAudit, c, report));
    for (const r of comparison.improvements) {
      lines.push({
        text: `${c.green(w.improvement)} ${statementText(report, r.questionnaire, r.section, r.statement)}`,
        hang: w.improvement.length + 1,
      });
    }
  }
  const verdict = verdictLine(report, policy.failOn, policy.baseline);
  const text = safeLine(verdict.text);
  lines.push(verdict.ok ? { text, hang: 2 } : { text: c.red(text), always: true, hang: 2 });
  return lines;
}
