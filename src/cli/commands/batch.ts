// `trustcheck audit --answers a.yaml b.yaml … --out-dir DIR`: one report per answer file. One
// bad file does not stop the others; the exit code is the worst of all. Reports are flushed to
// disk on the thread pool while the next files are audited; the lines on stderr keep the order
// of the files.
import { mkdirSync } from 'node:fs';
import type { Context } from '../context.js';
import { ExitCode, TrustcheckError } from '../../errors.js';
import { violatesPolicy, type FailOn } from '../../core/policy.js';
import { render, type ReportFormat } from '../../core/render/index.js';
import { writeFileAtomicAsync } from '../../io/write.js';
import { outDirTarget } from '../report-output.js';
import {
  auditFile,
  loadBaseline,
  type AuditCommandOptions,
  type Baseline,
} from '../scripted-audit.js';

/** How many reports may be in flight (written and flushed) while the next files are audited. */
const WRITES_IN_FLIGHT = 16;

type FileStatus = 'passed' | 'failed' | 'error';

/** What auditing one answer file of a batch gave: its exit code and what to print. */
interface FileResult {
  index: number;
  status: FileStatus;
  code: number;
  /** Everything printed for this file (warnings, then its line), in order. */
  output: string;
}

interface BatchJob {
  files: string[];
  targets: string[];
  options: AuditCommandOptions;
  failOn: FailOn;
  format: ReportFormat;
  baseline: Baseline | undefined;
}

/**
 * Audits every file of the job, reporting each result through `report` when its report is on
 * disk (so not always in order). What a file prints is collected and travels with its result.
 */
async function auditFiles(
  job: BatchJob,
  parent: Context,
  report: (result: FileResult) => void,
): Promise<void> {
  const pending = new Set<Promise<void>>();
  for (const [index, file] of job.files.entries()) {
    const target = job.targets[index]!;
    const { ctx, take } = captureContext(parent);
    const c = ctx.color;
    try {
      const audited = auditFile(ctx, file, job.options, job.baseline);
      const text = render(audited, job.format);
      const t = audited.totals;
      const regressions = audited.comparison?.regressions.length ?? 0;
      const line = `${audited.passed ? c.green('passed') : c.red('failed')} ${file} -> ${target} (${t.sectionsPassed}/${t.sections} sections, ${t.statementsSatisfied}/${t.statements} statements${regressions > 0 ? `, ${regressions} regression${regressions === 1 ? '' : 's'}` : ''})`;
      ctx.info(line);
      const output = take();
      const status: FileStatus = audited.passed ? 'passed' : 'failed';
      const code = violatesPolicy(audited, job.failOn) ? ExitCode.policyViolated : ExitCode.ok;
      // the report is flushed on the thread pool while the next file is audited
      const write = writeFileAtomicAsync(target, text).then(
        () => report({ index, status, code, output }),
        (error: unknown) => report(failure(index, file, error, output, c.red('error'))),
      );
      pending.add(write);
      void write.finally(() => pending.delete(write));
      if (pending.size >= WRITES_IN_FLIGHT) await Promise.race(pending);
    } catch (error) {
      report(failure(index, file, error, take(), c.red('error')));
    }
  }
  await Promise.all(pending);
}

function failure(
  index: number,
  file: string,
  error: unknown,
  before: string,
  label: string,
): FileResult {
  if (!(error instanceof TrustcheckError)) throw error;
  return {
    index,
    status: 'error',
    code: error.exitCode,
    output: `${before}${label} ${file}: ${error.message.split('\n').join('\n  ')}\n`,
  };
}

export async function batchAudit(
  ctx: Context,
  files: string[],
  options: AuditCommandOptions,
  failOn: FailOn,
): Promise<number> {
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
  const job: BatchJob = {
    files,
    targets,
    options,
    failOn,
    format,
    baseline: loadBaseline(options.baseline),
  };

  // results arrive in any order; they are printed in the order of the files
  const progress = ctx.stderr.isTTY === true && !ctx.quiet && files.length > 20;
  const results: (FileResult | undefined)[] = new Array<FileResult | undefined>(files.length);
  let next = 0;
  let worst: number = ExitCode.ok;
  const counts = { passed: 0, failed: 0, error: 0 };
  const onResult = (result: FileResult) => {
    results[result.index] = result;
    while (next < files.length && results[next] !== undefined) {
      const r = results[next]!;
      if (progress) ctx.stderr.write('\r\u001b[2K');
      ctx.stderr.write(r.output);
      if (progress && next + 1 < files.length)
        ctx.stderr.write(`[${next + 1}/${files.length}] ${files[next + 1]!}`);
      worst = Math.max(worst, r.code);
      counts[r.status]++;
      results[next] = undefined;
      next++;
    }
  };

  await auditFiles(job, ctx, onResult);
  ctx.info(
    `${files.length} answer file${files.length === 1 ? '' : 's'}: ${counts.passed} passed, ${counts.failed} failed, ${counts.error} could not be audited`,
  );
  return worst;
}

/** A context like `ctx` whose stderr is collected, to be printed in the order of the files. */
function captureContext(ctx: Context): { ctx: Context; take: () => string } {
  let buffer = '';
  const stderr = { write: (s: string) => ((buffer += s), true), isTTY: false };
  const captured: Context = {
    ...ctx,
    stderr,
    info: (message) => {
      if (!ctx.quiet) buffer += `${message}\n`;
    },
    warn: (message) => {
      buffer += `${ctx.color.yellow('warning:')} ${message}\n`;
    },
  };
  return {
    ctx: captured,
    take: () => {
      const out = buffer;
      buffer = '';
      return out;
    },
  };
}
