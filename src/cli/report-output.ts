// Where an audit's report goes and what the audit prints about it: the shell's half of the
// scripted path (load -> audit -> render -> write -> exit code) that audit, batch and the
// interactive ending share.
import type { LocatedIssue } from '../core/issues.js';
import { formatIssue } from '../core/issues.js';
import type { Report } from '../core/model.js';
import {
  DEFAULT_REPORT_FORMAT,
  type ReportFormat,
  extensionsInWords,
  formatFor,
  rendererFor,
  renderMarkdown,
} from '../core/render/index.js';
import type { RenderOptions } from '../core/render/options.js';
import type { TerminalLine } from '../core/render/terminal.js';
import { pick } from '../core/language.js';
import { STEP_SUMMARY_WORDS } from '../core/words.js';
import { terminalWidth, wrap } from '../core/text/wrap.js';
import { TrustcheckError } from '../errors.js';
import { inputIndex } from '../io/identity.js';
import { appendToFile, writeFileSafely } from '../io/write.js';
import type { Context } from './context.js';

export interface ReportTarget {
  /** A file, or "-" for stdout. */
  file: string;
  format: ReportFormat;
}

/** The one format -f asks for; several are for --out-dir only. */
export function singleFormat(
  formats: readonly ReportFormat[] | undefined,
): ReportFormat | undefined {
  if (formats === undefined || formats.length === 0) return undefined;
  const distinct = [...new Set(formats)];
  if (distinct.length > 1) {
    throw new TrustcheckError(
      `several formats (${distinct.join(', ')}) need --out-dir DIR; for one answer file, give one -o FILE per format instead (the extension chooses the format: ${extensionsInWords()})`,
    );
  }
  return distinct[0];
}

/** The outputs a report goes to, each with its format; none means stdout. */
export function reportTargets(
  outputs: readonly string[] | undefined,
  format: ReportFormat | undefined,
): ReportTarget[] {
  const targets = (outputs ?? []).map((file) => ({ file, format: formatFor(file, format) }));
  if (targets.length === 0) return [{ file: '-', format: format ?? DEFAULT_REPORT_FORMAT }];
  return targets;
}

const WROTE = {
  en: (file: string) => `wrote ${file}`,
  nl: (file: string) => `rapport geschreven: ${file}`,
};

/** Writes the report to every target: "-" is stdout. */
export async function writeReport(
  ctx: Context,
  report: Report,
  targets: readonly ReportTarget[],
  options: RenderOptions,
): Promise<void> {
  // a renderer that is loaded on demand (html) is loaded only when a target asks for it
  const renderers = await Promise.all(targets.map((t) => rendererFor(t.format)));
  for (const [i, target] of targets.entries()) {
    const text = renderers[i]!(report, options);
    if (target.file === '-') {
      ctx.stdout.write(text);
      continue;
    }
    writeFileSafely(target.file, text);
    ctx.info(pick(WROTE, report.language)(target.file));
  }
}

/**
 * In GitHub Actions (GITHUB_STEP_SUMMARY set), appends the Markdown report to the job summary,
 * unless --no-step-summary. Through the one writer, with the checks of every output: never onto
 * an input of the run (`inputs`: answers, baseline, questionnaires) nor onto a file the run
 * writes its report to (`outputs`), compared by the file's identity; never into a pipe. Whatever
 * stops it is a warning in the audit's language: the job summary never changes the exit code.
 */
export function appendStepSummary(
  ctx: Context,
  report: Report,
  options: RenderOptions & {
    stepSummary: boolean;
    inputs: readonly string[];
    outputs: readonly string[];
  },
): void {
  const file = ctx.env.GITHUB_STEP_SUMMARY;
  if (!options.stepSummary || file === undefined || file === '') return;
  const w = pick(STEP_SUMMARY_WORDS, report.language);
  try {
    // which input, or which of the run's reports (written by now), the job summary is
    const input = inputIndex(options.inputs)(file);
    const output = inputIndex(options.outputs.filter((o) => o !== '-'))(file);
    if (input !== undefined) {
      ctx.warn(w.isInput(file, input));
    } else if (output !== undefined) {
      ctx.warn(w.isOutput(file, output));
    } else {
      const appended = appendToFile(file, `${renderMarkdown(report, options)}\n`);
      if (!appended.ok) {
        const reason =
          appended.problem === 'error'
            ? w.reasons.error(appended.code ?? 'no code')
            : w.reasons[appended.problem];
        ctx.warn(w.cannot(file, reason));
      }
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    ctx.warn(w.cannot(file, w.reasons.error(detail)));
  }
}

/**
 * Prints lines on stderr, `always` ones under --quiet too. On a terminal each is wrapped at
 * word boundaries to its width with a hanging indent; a log (a pipe, a file) gets whole lines.
 */
export function printLines(ctx: Context, lines: readonly TerminalLine[]): void {
  const width = ctx.stderr.isTTY === true ? terminalWidth(ctx.stderr.columns) : Infinity;
  for (const line of lines) {
    const hang = line.hang === undefined ? {} : { hang: ' '.repeat(line.hang) };
    const text = wrap(line.text, width, hang).join('\n');
    if (line.always === true) ctx.stderr.write(`${text}\n`);
    else ctx.info(text);
  }
}

export function printWarnings(ctx: Context, warnings: readonly LocatedIssue[]): void {
  for (const w of warnings) ctx.warn(formatIssue(w));
}
