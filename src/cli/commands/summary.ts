// `trustcheck summary REPORT...`: the portfolio over many JSON reports.
import type { Context } from '../context.js';
import { ExitCode, unwrap } from '../../errors.js';
import { loadReportFile } from '../../app/load.js';
import {
  renderSummaryCsv,
  renderSummaryJson,
  renderSummaryMarkdown,
  summarize,
} from '../../core/summary.js';
import { writeFileSafely } from '../../io/write.js';
import { assertNotAnInput } from '../output.js';
import { expandInputs } from '../inputs.js';

export async function summaryCommand(
  ctx: Context,
  args: string[],
  options: { format: 'md' | 'json' | 'csv' | 'html'; output?: string },
): Promise<number> {
  const files = expandInputs(args, ['.json'], 'JSON report');
  const reports = files.map((file) => unwrap(loadReportFile(file)).value);
  const summary = summarize(reports);
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
    ctx.info(`wrote ${options.output}`);
  }
  ctx.info(
    `${summary.reports} reports of ${summary.subjects} subjects, ${summary.regressions.length} regressions`,
  );
  return ExitCode.ok;
}
