// `trustcheck audit`: scripted from answer files, or interactive on a terminal.
import { basename, extname, join } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode, TrustcheckError } from '../../errors.js';
import { runAudit, today, type AuditOutcome } from '../../audit.js';
import { hasRegressions } from '../../core/compare.js';
import { formatIssue, type LocatedIssue } from '../../core/issues.js';
import type { Comparison, Report } from '../../core/model.js';
import {
  extensionFor,
  formatForPath,
  loadRenderers,
  render,
  type ReportFormat,
} from '../../core/render/index.js';
import { loadAnswerFile, loadReportFile } from '../../load.js';
import { writeFileAtomic } from '../../io/write.js';
import { defaultLanguage } from '../language.js';
import { VERSION } from '../main.js';
import { expandInputs } from '../inputs.js';

export type FailOn = 'fail' | 'regression' | 'never';

export interface AuditCommandOptions {
  answers?: string[];
  questionnaire?: string[];
  format?: ReportFormat;
  output?: string[];
  outDir?: string;
  baseline?: string;
  failOn?: FailOn;
  allowIncomplete?: boolean;
  interactive?: boolean;
  resume?: string | true;
  saveAnswers: string;
  force?: boolean;
  strict?: boolean;
  subject?: string;
  lang?: 'en' | 'nl';
}

export async function auditCommand(ctx: Context, options: AuditCommandOptions): Promise<number> {
  const failOn: FailOn = options.failOn ?? (options.baseline !== undefined ? 'regression' : 'fail');
  if (failOn === 'regression' && options.baseline === undefined) {
    throw new TrustcheckError(
      '--fail-on regression needs --baseline FILE (a previous JSON report to compare against)',
    );
  }
  const interactive =
    options.interactive === true || options.resume !== undefined || options.answers === undefined;
  // the html renderer is loaded only when a report may be written as html
  await loadRenderers(
    interactive ? ['html'] : [options.format, ...(options.output ?? []).map(formatForPath)],
  );
  if (interactive) {
    if (options.interactive === true && (options.answers?.length ?? 0) !== 1) {
      throw new TrustcheckError(
        '--interactive goes with exactly one answer file: --answers FILE --interactive',
      );
    }
    if (ctx.stdin.isTTY !== true) {
      throw new TrustcheckError(
        options.answers === undefined && options.resume === undefined
          ? 'no terminal to ask questions on: give answers with --answers FILE (write a template with `trustcheck init`, fill it in), or run trustcheck audit in a terminal'
          : 'an interactive audit needs a terminal; without one, fill in the answer file and run `trustcheck audit --answers FILE`',
      );
    }
    const { interactiveAudit } = await import('../../interactive/audit.js');
    return interactiveAudit(ctx, options, failOn);
  }

  const files = expandInputs(options.answers ?? [], ['.yaml', '.yml', '.json'], 'answer file');
  if (files.length > 1 || options.outDir !== undefined) {
    const { batchAudit } = await import('./batch.js');
    return batchAudit(ctx, files, options, failOn);
  }
  const file = files[0]!;
  const answers = loadAnswerFile(file);
  const outcome = auditAnswers(ctx, file, answers, options);
  writeReports(ctx, outcome.report, options);
  printSummary(ctx, outcome);
  return exitCodeFor(outcome.report, failOn);
}

/** The baseline report, checked: a trustcheck-report/1 document, of the same subject. */
export function loadBaseline(file: string): Report {
  return loadReportFile(file).value;
}

/** Runs the audit of one parsed answer file; problems become a TrustcheckError (exit 2). */
export function auditAnswers(
  ctx: Context,
  file: string,
  answers: ReturnType<typeof loadAnswerFile>,
  options: AuditCommandOptions,
  baseline: Report | undefined = options.baseline === undefined
    ? undefined
    : loadBaseline(options.baseline),
): AuditOutcome {
  const result = runAudit(answers, {
    questionnaires: options.questionnaire,
    allowIncomplete: options.allowIncomplete,
    subject: options.subject,
    language: options.lang ?? defaultLanguage(ctx.env, answers.value.language),
    today: today(ctx.env),
    toolVersion: VERSION,
    baseline,
  });
  const warnings: LocatedIssue[] = [...result.warnings];
  if (result.ok) {
    const subject = result.outcome.report.subject;
    if (baseline !== undefined && baseline.subject !== subject) {
      warnings.push({
        file: options.baseline ?? 'baseline',
        message: `the baseline is a report of "${baseline.subject}", not of "${subject}"`,
      });
    }
    for (const w of result.outcome.comparison?.warnings ?? []) {
      warnings.push({ file: options.baseline ?? 'baseline', message: w });
    }
  }
  if (options.strict === true && warnings.length > 0) {
    throw TrustcheckError.fromIssues(
      [...warnings, ...(result.ok ? [] : result.issues)],
      `${file}: warnings are errors under --strict`,
    );
  }
  for (const w of warnings) ctx.warn(formatIssue(w));
  if (!result.ok) {
    throw TrustcheckError.fromIssues(result.issues);
  }
  return result.outcome;
}

/** The files a report goes to, each with its format; none means stdout. */
export function reportTargets(
  options: Pick<AuditCommandOptions, 'output' | 'format'>,
): { file: string; format: ReportFormat }[] {
  return (options.output ?? []).map((file) => ({
    file,
    format: options.format ?? formatForPath(file) ?? 'md',
  }));
}

export function writeReports(ctx: Context, report: Report, options: AuditCommandOptions): void {
  const targets = reportTargets(options);
  if (targets.length === 0) {
    ctx.stdout.write(render(report, options.format ?? 'md'));
    return;
  }
  for (const target of targets) {
    writeFileAtomic(target.file, render(report, target.format));
    ctx.info(`wrote ${target.file}`);
  }
}

export function exitCodeFor(report: Report, failOn: FailOn): number {
  if (failOn === 'fail' && !report.passed) return ExitCode.policyViolated;
  if (failOn === 'regression' && report.comparison !== null && hasRegressions(report.comparison)) {
    return ExitCode.policyViolated;
  }
  return ExitCode.ok;
}

/** Every section with its verdict and count, as a table on stderr (the interactive ending). */
export function printSectionTable(ctx: Context, report: Report): void {
  const rows = report.questionnaires.flatMap((q) =>
    q.sections.map((s) => ({
      name: `${q.id}.${s.id}`,
      passed: s.passed,
      count: `${s.satisfied}/${s.total}`,
    })),
  );
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const verdict = r.passed ? ctx.color.green('✓ yes') : ctx.color.red('✗ no ');
    ctx.info(`${verdict}  ${r.name.padEnd(width)}  ${r.count}`);
  }
}

/** Every regression, one line each on stderr (also under --quiet): what CI logs must show. */
export function printRegressions(ctx: Context, comparison: Comparison, current: string): void {
  const label = ctx.color.red('regression:');
  for (const r of comparison.regressions) {
    ctx.stderr.write(
      `${label} ${r.questionnaire}.${r.section}.${r.statement} was satisfied, now is not\n`,
    );
  }
  for (const id of comparison.missingQuestionnaires) {
    ctx.stderr.write(`${label} questionnaire ${id} is in the baseline but not in ${current}\n`);
  }
}

/** The verdict in a few lines on stderr: failing sections, regressions. */
export function printSummary(ctx: Context, outcome: AuditOutcome): void {
  const { report } = outcome;
  const c = ctx.color;
  for (const q of report.questionnaires) {
    for (const s of q.sections) {
      if (s.passed) continue;
      const broken = s.statements.filter((st) => !st.satisfied).map((st) => st.id);
      ctx.info(
        `${c.red('✗')} ${q.id}.${s.id} ${s.satisfied}/${s.total}: not satisfied: ${broken.join(', ')}`,
      );
    }
  }
  const comparison = report.comparison;
  if (comparison !== null) {
    printRegressions(ctx, comparison, 'this audit');
    for (const r of comparison.improvements) {
      ctx.info(`${c.green('improvement:')} ${r.questionnaire}.${r.section}.${r.statement}`);
    }
  }
  const t = report.totals;
  const verdict = report.passed ? c.green('passed') : c.red('failed');
  ctx.info(
    `${report.subject}: ${verdict} (${t.sectionsPassed}/${t.sections} sections passed, ${t.statementsSatisfied}/${t.statements} statements satisfied)`,
  );
}

/** The report file name for an answer file in --out-dir. */
export function reportNameFor(answerFile: string, format: ReportFormat): string {
  const base = basename(answerFile, extname(answerFile));
  return `${base}${extensionFor(format)}`;
}

export function outDirTarget(outDir: string, answerFile: string, format: ReportFormat): string {
  return join(outDir, reportNameFor(answerFile, format));
}
