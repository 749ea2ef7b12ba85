// `trustcheck summary REPORT...`: the portfolio over many JSON reports, written to each output
// in the format its extension asks for (or --format), like `audit -o`.
import type { Context } from '../context.js';
import type { SummaryOptions } from '../declarations.js';
import { ExitCode, TrustcheckError, unwrap } from '../../errors.js';
import { REPORT_FORMAT } from '../../core/formats.js';
import type { ReportForSummary } from '../../core/model.js';
import { safeLine } from '../../core/text/terminal.js';
import { count } from '../../core/words.js';
import { readInputFile, readStreams } from '../../io/read.js';
import { loadReportForSummary } from '../../app/load.js';
import { builtinMeanings } from '../../app/registry.js';
import { CountedReports, type Copy } from '../../app/report-digest.js';
import { Portfolio } from '../../core/summary.js';
import { duplicateReport, portfolioTally, wroteSummary } from '../../core/render/verdict.js';
import { summaryFormatFor, summaryRendererFor } from '../../core/render/summary-formats.js';
import { writeFileSafely } from '../../io/write.js';
import { assertNotAnInput } from '../output.js';
import { expandInputs } from '../inputs.js';

export async function summaryCommand(
  ctx: Context,
  args: string[],
  options: SummaryOptions,
): Promise<number> {
  await readStreams(args);
  const files = expandInputs(args, ['.json'], 'report', { recursive: true });
  const outputs = options.output.length === 0 ? ['-'] : options.output;
  // before anything is read: a summary never replaces one of its reports
  assertNotAnInput(files, outputs);
  // one report at a time: each is reduced to what the summary needs, and then let go
  const portfolio = new Portfolio(builtinMeanings);
  const counted = new CountedReports();
  const copies: (Copy & { file: string; subject: string; date: string })[] = [];
  forEachReport(ctx, files, 'summary', (report, file) => {
    const { subject, date } = report;
    const copy = counted.copyOf(file, subject, date);
    if (copy === undefined) portfolio.add(report);
    else copies.push({ ...copy, file, subject, date });
  });
  const summary = portfolio.summary();
  // in the summary's language, known once every report is in
  for (const copy of copies) {
    ctx.warn(
      duplicateReport(summary.language, {
        file: safeLine(copy.file),
        first: safeLine(copy.first),
        sameFile: copy.sameFile,
        subject: safeLine(copy.subject),
        date: safeLine(copy.date),
      }),
    );
  }
  const targets = outputs.map((file) => ({ file, format: summaryFormatFor(file, options.format) }));
  // each format rendered once, whatever the number of its outputs
  const texts = new Map<string, string>();
  for (const { format } of targets) {
    if (!texts.has(format)) texts.set(format, (await summaryRendererFor(format))(summary));
  }
  for (const { file, format } of targets) {
    const text = texts.get(format)!;
    if (file === '-') {
      ctx.stdout.write(text);
      continue;
    }
    writeFileSafely(file, text);
    ctx.info(wroteSummary(summary, file));
  }
  ctx.info(portfolioTally(summary));
  return ExitCode.ok;
}

/**
 * Gives `take` each report among `files` (JSON files found in the folders given), one at a time,
 * in their order. Another JSON file (a summary, a package.json) is said once and left out of
 * `what`; a file that says it is a report and is not one is an error; no report at all is one too.
 */
export function forEachReport(
  ctx: Context,
  files: readonly string[],
  what: 'summary' | 'actions',
  take: (report: ReportForSummary, file: string) => void,
): void {
  let reports = 0;
  for (const file of files) {
    const loaded = loadReportForSummary(file);
    if (loaded.ok) {
      reports++;
      take(loaded.value, file);
      continue;
    }
    if (!looksLikeReport(file)) {
      ctx.warn(`${safeLine(file)}: not a trustcheck report; left out of the ${what}`);
      continue;
    }
    unwrap(loaded);
  }
  if (reports === 0) {
    throw new TrustcheckError(
      `no trustcheck report among ${count(files.length, 'JSON file', 'JSON files')}; give JSON reports written by \`trustcheck audit -f json\``,
    );
  }
}

/** Whether a JSON file says it is a trustcheck report (then its problems are errors). */
function looksLikeReport(file: string): boolean {
  const read = readInputFile(file, 'JSON report');
  if (!read.ok) return true;
  try {
    const value = JSON.parse(read.text) as { format?: unknown } | null;
    return value !== null && typeof value === 'object' && value.format === REPORT_FORMAT;
  } catch {
    return true;
  }
}
