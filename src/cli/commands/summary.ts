// `trustcheck summary REPORT...`: the portfolio over many JSON reports.
import type { Context } from '../context.js';
import { ExitCode, TrustcheckError, unwrap } from '../../errors.js';
import { safeLine } from '../../core/text/terminal.js';
import { count } from '../../core/render/labels.js';
import {
  renderSummaryCsv,
  renderSummaryJson,
  renderSummaryMarkdown,
} from '../../core/render/summary.js';
import { writeFileSafely } from '../../io/write.js';
import { assertNotAnInput } from '../output.js';
import { expandInputs } from '../inputs.js';
import { loadPortfolio } from '../portfolio-load.js';

export async function summaryCommand(
  ctx: Context,
  args: string[],
  options: { format: 'md' | 'json' | 'csv' | 'html'; output?: string },
): Promise<number> {
  const files = expandInputs(args, ['.json'], 'JSON report', { recursive: true });
  // one report at a time: each is reduced to what the summary needs, and then let go
  const { portfolio, skipped, failure, threads } = await loadPortfolio(files);
  if (ctx.env.TRUSTCHECK_DEBUG === '1') {
    ctx.stderr.write(`debug: reports loaded per thread: ${threads.join(', ')}\n`);
  }
  // another JSON file (a summary, a package.json): said once, and left out
  for (const file of skipped) {
    ctx.warn(`${safeLine(file)}: not a trustcheck report; left out of the summary`);
  }
  if (failure !== undefined) unwrap({ ok: false, issues: failure.issues, warnings: [] });
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
    ctx.info(`wrote ${options.output}`);
  }
  ctx.info(
    `${count(summary.reports, 'report', 'reports')} of ${count(summary.subjects, 'subject', 'subjects')}, ${count(summary.regressions.length, 'regression', 'regressions')}, ${count(summary.improvements.length, 'improvement', 'improvements')}`,
  );
  return ExitCode.ok;
}
