// `trustcheck diff BASELINE CURRENT`: the comparison of two JSON reports.
import type { Context } from '../context.js';
import { ExitCode, TrustcheckError } from '../../errors.js';
import { compare, hasRegressions } from '../../core/compare.js';
import { renderComparisonMarkdown } from '../../core/render/markdown.js';
import { loadReportFile } from '../../load.js';
import { printRegressions } from './audit.js';

export function diffCommand(
  ctx: Context,
  baselineFile: string,
  currentFile: string,
  options: { format: 'md' | 'json'; failOn: 'regression' | 'never'; strict?: boolean },
): number {
  const baseline = loadReportFile(baselineFile).value;
  const current = loadReportFile(currentFile).value;
  const result = compare(baseline, current);
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
    ctx.stdout.write(`${JSON.stringify(c, null, 2)}\n`);
  } else {
    ctx.stdout.write(renderComparisonMarkdown(c, current));
  }
  printRegressions(ctx, c, 'the current report');
  const regressed = hasRegressions(c);
  ctx.info(
    `${c.regressions.length} regression${c.regressions.length === 1 ? '' : 's'}, ${c.improvements.length} improvement${c.improvements.length === 1 ? '' : 's'}, ${c.added.length} added, ${c.removed.length} removed`,
  );
  return options.failOn === 'regression' && regressed ? ExitCode.policyViolated : ExitCode.ok;
}
