// Where an audit's report goes and what the audit prints about it: the shell's half of the
// scripted path (load -> audit -> render -> write -> exit code) that audit, batch and the
// interactive ending share.
import { basename, extname, join } from 'node:path';
import type { Report } from '../core/model.js';
import { extensionFor, formatFor, render, type ReportFormat } from '../core/render/index.js';
import type { TerminalLine } from '../core/render/terminal.js';
import type { LocatedIssue } from '../core/issues.js';
import { formatIssue } from '../core/issues.js';
import { writeFileAtomic } from '../io/write.js';
import type { Context } from './context.js';

export interface ReportTarget {
  /** A file, or "-" for stdout. */
  file: string;
  format: ReportFormat;
}

/** The files a report goes to, each with its format; none means stdout. */
export function reportTargets(
  outputs: readonly string[] | undefined,
  format: ReportFormat | undefined,
): ReportTarget[] {
  return (outputs ?? []).map((file) => ({ file, format: formatFor(file, format) }));
}

/** Writes the report to every target (stdout when there is none). */
export function writeReport(
  ctx: Context,
  report: Report,
  targets: readonly ReportTarget[],
  format: ReportFormat | undefined,
): void {
  if (targets.length === 0) {
    ctx.stdout.write(render(report, formatFor(undefined, format)));
    return;
  }
  for (const target of targets) {
    writeFileAtomic(target.file, render(report, target.format));
    ctx.info(`wrote ${target.file}`);
  }
}

/** Prints lines on stderr: `always` ones under --quiet too. */
export function printLines(ctx: Context, lines: readonly TerminalLine[]): void {
  for (const line of lines) {
    if (line.always === true) ctx.stderr.write(`${line.text}\n`);
    else ctx.info(line.text);
  }
}

export function printWarnings(ctx: Context, warnings: readonly LocatedIssue[]): void {
  for (const w of warnings) ctx.warn(formatIssue(w));
}

/** The report file for an answer file in --out-dir. */
export function outDirTarget(outDir: string, answerFile: string, format: ReportFormat): string {
  return join(outDir, `${basename(answerFile, extname(answerFile))}${extensionFor(format)}`);
}
