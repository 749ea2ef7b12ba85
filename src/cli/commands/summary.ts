// `trustcheck summary REPORT...`: the portfolio over many JSON reports.
import type { Context } from '../context.js';
import type { SummaryOptions } from '../declarations.js';
import { ExitCode, TrustcheckError, unwrap } from '../../errors.js';
import { REPORT_FORMAT } from '../../core/formats.js';
import { safeLine } from '../../core/text/terminal.js';
import { count } from '../../core/words.js';
import { readInputFile } from '../../io/read.js';
import { loadReportForSummary } from '../../app/load.js';
import { builtinMeanings } from '../../app/registry.js';
import { Portfolio } from '../../core/summary.js';
import { portfolioTally, wroteSummary } from '../../core/render/verdict.js';
import {
  renderSummaryCsv,
  renderSummaryJson,
  renderSummaryMarkdown,
} from '../../core/render/summary.js';
import { writeFileSafely } from '../../io/write.js';
import { assertNotAnInput } from '../output.js';
import { expandInputs } from '../inputs.js';

export async function summaryCommand(
  ctx: Context,
  args: string[],
  options: SummaryOptions,
): Promise<number> {
  const files = expandInputs(args, ['.json'], 'JSON report', { recursive: true });
  // one report at a time: each is reduced to what the summary needs, and then let go
  const portfolio = new Portfolio(builtinMeanings);
  for (const file of files) {
    const loaded = loadReportForSummary(file);
    if (loaded.ok) {
      portfolio.add(loaded.value);
      continue;
    }
    // another JSON file (a summary, a package.json): said once, and left out
    if (!looksLikeReport(file)) {
      ctx.warn(`${safeLine(file)}: not a trustcheck report; left out of the summary`);
      continue;
    }
    unwrap(loaded);
  }
  if (portfolio.size === 0) {
    throw new TrustcheckError(
      `no trustcheck report among ${count(files.length, 'JSON file', 'JSON files')}; give JSON reports written by \`trustcheck audit -f json\``,
    );
  }
  const summary = portfolio.summary();
  const text =
    options.format === 'html'
      ? (await import('../../core/render/summary-html.js')).renderSummaryHtml(summary)
      : options.format === 'json'
        ? renderSummaryJson(summary)
        : options.format === 'csv'
          ? renderSummaryCsv(summary)
          : renderSummaryMarkdown(summary);
  if (options.output !== undefined) assertNotAnInput(files, [options.output]);
  if (options.output === undefined) ctx.stdout.write(text);
  else {
    writeFileSafely(options.output, text);
    ctx.info(wroteSummary(summary, options.output));
  }
  ctx.info(portfolioTally(summary));
  return ExitCode.ok;
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
