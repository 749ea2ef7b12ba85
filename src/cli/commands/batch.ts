// `trustcheck audit --answers a.yaml b.yaml … --out-dir DIR`: one report per answer file. One
// bad file does not stop the others; the exit code is the worst of all.
import { mkdirSync } from 'node:fs';
import type { Context } from '../context.js';
import { ExitCode, TrustcheckError } from '../../errors.js';
import { render, type ReportFormat } from '../../core/render/index.js';
import { loadAnswerFile } from '../../load.js';
import { writeFileAtomic } from '../../io/write.js';
import {
  auditAnswers,
  exitCodeFor,
  loadBaseline,
  outDirTarget,
  type AuditCommandOptions,
  type FailOn,
} from './audit.js';

export function batchAudit(
  ctx: Context,
  files: string[],
  options: AuditCommandOptions,
  failOn: FailOn,
): number {
  if (options.outDir === undefined) {
    throw new TrustcheckError(
      `${files.length} answer files need --out-dir DIR, where one report per answer file is written`,
    );
  }
  if (options.output !== undefined) {
    throw new TrustcheckError(
      '--output goes with one answer file; with --out-dir, reports are named after the answer files',
    );
  }
  const format: ReportFormat = options.format ?? 'md';
  const targets = files.map((file) => outDirTarget(options.outDir!, file, format));
  const seen = new Map<string, string>();
  targets.forEach((target, i) => {
    const other = seen.get(target);
    if (other !== undefined) {
      throw new TrustcheckError(
        `${files[i]} and ${other} would both be reported to ${target}; rename one of them`,
      );
    }
    seen.set(target, files[i]!);
  });
  try {
    mkdirSync(options.outDir, { recursive: true });
  } catch (error) {
    throw new TrustcheckError(
      `${options.outDir}: cannot create the output folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      { cause: error },
    );
  }
  const baseline = options.baseline === undefined ? undefined : loadBaseline(options.baseline);
  const progress = ctx.stderr.isTTY === true && !ctx.quiet && files.length > 20;
  const c = ctx.color;
  let worst: number = ExitCode.ok;
  const counts = { passed: 0, failed: 0, errors: 0 };
  files.forEach((file, i) => {
    if (progress) ctx.stderr.write(`\r\u001b[2K[${i + 1}/${files.length}] ${file}`);
    const clear = progress ? '\r\u001b[2K' : '';
    try {
      const outcome = auditAnswers(ctx, file, loadAnswerFile(file), options, baseline);
      writeFileAtomic(targets[i]!, render(outcome.report, format));
      const code = exitCodeFor(outcome.report, failOn);
      worst = Math.max(worst, code);
      const t = outcome.report.totals;
      const regressions = outcome.report.comparison?.regressions.length ?? 0;
      if (outcome.report.passed) counts.passed++;
      else counts.failed++;
      ctx.info(
        `${clear}${outcome.report.passed ? c.green('passed') : c.red('failed')} ${file} -> ${targets[i]!} (${t.sectionsPassed}/${t.sections} sections, ${t.statementsSatisfied}/${t.statements} statements${regressions > 0 ? `, ${regressions} regression${regressions === 1 ? '' : 's'}` : ''})`,
      );
    } catch (error) {
      if (!(error instanceof TrustcheckError)) throw error;
      counts.errors++;
      worst = Math.max(worst, error.exitCode);
      ctx.stderr.write(
        `${clear}${c.red('error')} ${file}: ${error.message.split('\n').join('\n  ')}\n`,
      );
    }
  });
  ctx.info(
    `${files.length} answer file${files.length === 1 ? '' : 's'}: ${counts.passed} passed, ${counts.failed} failed, ${counts.errors} could not be audited`,
  );
  return worst;
}
