// What an audit says on the terminal (stderr) about its report, as lines in the audit's
// language: the questions with their verdicts, the statements that are not true (each once, in
// words, whole), regressions, and the verdict. The shell wraps them on a terminal and prints
// each whole on one line in a log; `always` lines are printed under --quiet too (what CI logs
// must show).
import { pick } from '../language.js';
import type { Comparison, Report } from '../model.js';
import type { FailOn } from '../policy.js';
import { safeLine } from '../text/terminal.js';
import type { Styles } from './styles.js';
import { verdictLine, withConfig } from './verdict.js';
import { labelsFor } from '../words.js';
import { questionnaireTitle, statementText, versionChanges, type StatementWords } from './view.js';

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
    missing: (title: string, current: string) =>
      `questionnaire ${title} is in the baseline but not in ${current}`,
    thisAudit: 'this audit',
    currentReport: 'the current report',
    removed: 'removed:',
    added: 'added:',
  },
  nl: {
    yes: 'ja',
    no: 'nee',
    regression: 'achteruitgang:',
    improvement: 'verbetering:',
    wasTrue: 'was waar, nu niet',
    missing: (title: string, current: string) =>
      `vragenlijst ${title} staat in de baseline maar niet in ${current}`,
    thisAudit: 'deze audit',
    currentReport: 'het huidige rapport',
    removed: 'verwijderd:',
    added: 'toegevoegd:',
  },
};

/** A text of a report, whole and safe to print: never cut short, wrapped by the shell. */
const words = (text: string) => safeLine(text);

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
    lines.push({ text: c.bold(words(q.title)) });
    const countWidth = Math.max(...sections.map((s) => `${s.satisfied}/${s.total}`.length));
    for (const s of sections) {
      const mark = s.passed
        ? c.green(`✓ ${w.yes.padEnd(width)}`)
        : c.red(`✗ ${w.no.padEnd(width)}`);
      const count = `${s.satisfied}/${s.total}`.padStart(countWidth);
      const hang = 2 + width + 2 + countWidth + 2;
      lines.push({ text: `${mark}  ${count}  ${words(s.title)}`, hang });
      for (const st of s.statements) {
        if (st.satisfied) continue;
        lines.push({
          text: `${' '.repeat(hang)}– ${words(st.text)}`,
          hang: hang + 2,
        });
      }
    }
  }
  return lines;
}

/**
 * The words of a statement, from the report or else the baseline (where a statement gone since
 * is still found); the ids when neither holds it.
 */
function statementWords(
  report: Report,
  baseline: Report | undefined,
  x: { questionnaire: string; section: string; statement: string },
): string {
  const text = statementText(report, x.questionnaire, x.section, x.statement, baseline);
  return text === undefined ? `${x.questionnaire}.${x.section}.${x.statement}` : `“${words(text)}”`;
}

/**
 * Every regression, one line each, in the current `report`'s language; `current` names what is
 * compared with the baseline. Statements are named by their words, from the report or else from
 * the `baseline` report; a missing questionnaire by its title in the baseline.
 */
function regressionLines(
  comparison: Comparison,
  current: string,
  c: Styles,
  report: Report,
  baseline?: Report,
): TerminalLine[] {
  const w = pick(WORDS, report.language);
  const label = c.red(w.regression);
  const hang = w.regression.length + 1;
  return [
    ...comparison.regressions.map((r) => ({
      text: `${label} ${statementWords(report, baseline, r)} ${w.wasTrue}`,
      always: true,
      hang,
    })),
    ...comparison.missingQuestionnaires.map((id) => {
      const title = questionnaireTitle(baseline, id);
      const name = title === undefined ? id : `“${words(title)}”`;
      return { text: `${label} ${w.missing(name, current)}`, always: true, hang };
    }),
  ];
}

/**
 * Each questionnaire whose version changed since the baseline, in words, with the statements it
 * no longer has and those it has new (never regressions), and whether the baseline must be
 * renewed: the first lines of an audit against a baseline and of `trustcheck diff`.
 */
function versionLines(
  comparison: Comparison,
  report: Report,
  c: Styles,
  baseline: Report | undefined,
  /** Whether to say here that the baseline must be renewed (else the verdict line says it). */
  renew: boolean,
): TerminalLine[] {
  const w = pick(WORDS, report.language);
  const l = labelsFor(report.language);
  const lines: TerminalLine[] = [];
  const item = (label: string, x: StatementWords) => ({
    text: `  ${label} ${x.text === undefined ? `${x.ref.section}.${x.ref.statement}` : `“${words(x.text)}”`}`,
    hang: 4 + label.length,
  });
  for (const v of versionChanges(comparison, report, l, baseline)) {
    lines.push({ text: c.bold(words(v.sentence)), hang: 2 });
    for (const x of v.removed) lines.push(item(w.removed, x));
    for (const x of v.added) lines.push(item(w.added, x));
    if (renew && v.renew)
      lines.push({ text: `  ${words(l.renewBaseline(v.title, v.change.to))}`, hang: 2 });
  }
  return lines;
}

/** What `trustcheck diff` says: the version changes, and the regressions of `current` against `baseline`. */
export function diffLines(
  comparison: Comparison,
  baseline: Report,
  current: Report,
  c: Styles,
): TerminalLine[] {
  return [
    ...versionLines(comparison, current, c, baseline, true),
    ...regressionLines(
      comparison,
      pick(WORDS, current.language).currentReport,
      c,
      current,
      baseline,
    ),
  ];
}

/** Failing questions, regressions, improvements, and last the verdict: what CI decided. */
export function auditSummaryLines(
  report: Report,
  c: Styles,
  policy: {
    failOn: FailOn;
    /** The baseline's file name, and the report it holds. */
    baseline?: string | undefined;
    baselineReport?: Report | undefined;
    allQuestions?: boolean;
    /** The config file the audit's options came from, named at the end of the verdict. */
    config?: string | undefined;
  },
): TerminalLine[] {
  const w = pick(WORDS, report.language);
  const comparison = report.comparison;
  const lines = [
    ...(comparison === null
      ? []
      : versionLines(comparison, report, c, policy.baselineReport, policy.failOn !== 'regression')),
    ...questionLines(report, c, policy.allQuestions === true),
  ];
  if (comparison !== null) {
    lines.push(...regressionLines(comparison, w.thisAudit, c, report, policy.baselineReport));
    for (const r of comparison.improvements) {
      lines.push({
        text: `${c.green(w.improvement)} ${statementWords(report, undefined, r)}`,
        hang: w.improvement.length + 1,
      });
    }
  }
  const verdict = verdictLine(report, policy.failOn, policy.baseline);
  const text = safeLine(withConfig(verdict.text, report.language, policy.config));
  lines.push(verdict.ok ? { text, hang: 2 } : { text: c.red(text), always: true, hang: 2 });
  return lines;
}
