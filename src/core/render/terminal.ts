// What an audit says on the terminal (stderr) about its report, as lines: the section table of
// the interactive ending, the failing sections, regressions and the verdict. The shell prints
// them; `always` lines are printed under --quiet too (what CI logs must show).
import type { Comparison, Report } from '../model.js';
import type { FailOn } from '../policy.js';
import type { Styles } from './styles.js';
import { verdictLine } from './verdict.js';

export interface TerminalLine {
  text: string;
  /** Printed even under --quiet. */
  always?: boolean;
}

/** Every section with its verdict and count (the interactive ending). */
export function sectionTableLines(report: Report, c: Styles): TerminalLine[] {
  const rows = report.questionnaires.flatMap((q) =>
    q.sections.map((s) => ({
      name: `${q.id}.${s.id}`,
      passed: s.passed,
      count: `${s.satisfied}/${s.total}`,
    })),
  );
  const width = Math.max(0, ...rows.map((r) => r.name.length));
  return rows.map((r) => ({
    text: `${r.passed ? c.green('✓ yes') : c.red('✗ no ')}  ${r.name.padEnd(width)}  ${r.count}`,
  }));
}

/** Every regression, one line each; `current` names what is compared with the baseline. */
export function regressionLines(
  comparison: Comparison,
  current: string,
  c: Styles,
): TerminalLine[] {
  const label = c.red('regression:');
  return [
    ...comparison.regressions.map((r) => ({
      text: `${label} ${r.questionnaire}.${r.section}.${r.statement} was satisfied, now is not`,
      always: true,
    })),
    ...comparison.missingQuestionnaires.map((id) => ({
      text: `${label} questionnaire ${id} is in the baseline but not in ${current}`,
      always: true,
    })),
  ];
}

/** Failing sections, regressions, improvements, and last the verdict: what CI decided. */
export function auditSummaryLines(
  report: Report,
  c: Styles,
  policy: { failOn: FailOn; baseline?: string | undefined },
): TerminalLine[] {
  const lines: TerminalLine[] = [];
  for (const q of report.questionnaires) {
    for (const s of q.sections) {
      if (s.passed) continue;
      const broken = s.statements.filter((st) => !st.satisfied).map((st) => st.id);
      lines.push({
        text: `${c.red('✗')} ${q.id}.${s.id} ${s.satisfied}/${s.total}: not satisfied: ${broken.join(', ')}`,
      });
    }
  }
  const comparison = report.comparison;
  if (comparison !== null) {
    lines.push(...regressionLines(comparison, 'this audit', c));
    for (const r of comparison.improvements) {
      lines.push({
        text: `${c.green('improvement:')} ${r.questionnaire}.${r.section}.${r.statement}`,
      });
    }
  }
  const verdict = verdictLine(report, policy.failOn, policy.baseline);
  lines.push(verdict.ok ? { text: verdict.text } : { text: c.red(verdict.text), always: true });
  return lines;
}
