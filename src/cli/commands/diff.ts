// `trustcheck diff BASELINE CURRENT`: the comparison of two JSON reports.
import type { Context } from '../context.js';
import type { DiffOptions } from '../declarations.js';
import { ExitCode, TrustcheckError, unwrap } from '../../errors.js';
import { loadReportFile } from '../../app/load.js';
import { builtinMeanings } from '../../app/registry.js';
import { readStreams } from '../../io/read.js';
import { compare, hasRegressions } from '../../core/compare.js';
import { renderComparisonMarkdown } from '../../core/render/markdown.js';
import { diffLines } from '../../core/render/terminal.js';
import { comparisonTally } from '../../core/render/verdict.js';
import { printLines } from '../report-output.js';
import { prettyJson } from '../../core/text/controls.js';

export async function diffCommand(
  ctx: Context,
  baselineFile: string,
  currentFile: string,
  options: DiffOptions,
): Promise<number> {
  await readStreams([baselineFile, currentFile]);
  const baseline = unwrap(loadReportFile(baselineFile)).value;
  const current = unwrap(loadReportFile(currentFile)).value;
  const result = compare(baseline, current, builtinMeanings);
  const warnings = [...result.warnings];
  if (baseline.subject !== current.subject) {
    warnings.push(
      `${baselineFile} is a report of "${baseline.subject}", ${currentFile} of "${current.subject}"`,
    );
  }
  if (options.strict === true && warnings.length > 0) {
    throw new TrustcheckError(`${warnings.join('\n')}\n(warnings are errors under --strict)`);
  }
  for (const w of warnings) ctx.warn(w);
  const c = result.comparison;
  if (options.format === 'json') {
    ctx.stdout.write(prettyJson(c));
  } else {
    ctx.stdout.write(renderComparisonMarkdown(c, current, 1, baseline));
  }
  printLines(ctx, diffLines(c, baseline, current, ctx.color));
  ctx.info(comparisonTally(c, current.language));
  return options.failOn === 'regression' && hasRegressions(c)
    ? ExitCode.policyViolated
    : ExitCode.ok;
}
