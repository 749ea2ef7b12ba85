// `trustcheck audit --answers a.yaml b.yaml … --out-dir DIR`: one report per answer file and
// format, named by --name (default {file}). One bad file does not stop the others; the exit
// code is the worst of all. Each file's reports are written before the next file is audited
// (written synchronously: no report waits in memory, and the thread pool is not needed); the
// lines on stderr keep the order of the files.
import { dirname, join } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode, TrustcheckError } from '../../errors.js';
import { defaultLanguage } from '../../core/language.js';
import { violatesPolicy, type FailOn } from '../../core/policy.js';
import {
  DEFAULT_REPORT_FORMAT,
  REPORT_FORMATS,
  extensionFor,
  formatName,
  isPerAnswerFile,
  rendererFor,
  type RenderOptions,
  type Renderer,
  type ReportFormat,
} from '../../core/render/index.js';
import type { Report } from '../../core/model.js';
import { reportName, utf8Length, validateNameTemplate } from '../../core/report-name.js';
import { batchLine, batchTotal } from '../../core/render/verdict.js';
import { createFolder, writeFileSafely } from '../../io/write.js';
import { collisionKey, inputIndex } from '../../io/identity.js';
import { inputClash } from '../output.js';
import {
  auditFile,
  baselineFile,
  loadBaseline,
  otherInputs,
  type Baseline,
} from '../scripted-audit.js';
import type { AuditOptions } from '../declarations.js';

/**
 * The room a report's name leaves for its extension: the longest that --out-dir gives a file, so
 * that a report is named alike whichever formats are asked for.
 */
const EXTENSION_BYTES = Math.max(
  ...REPORT_FORMATS.filter((f) => f.perAnswerFile).map((f) => utf8Length(f.extensions[0])),
);

/** How many files are audited between two turns of the event loop (which runs signal handlers). */
const FILES_PER_TURN = 16;

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
  outDir: string;
  template: string;
  options: AuditOptions;
  failOn: FailOn;
  /** Each format asked for, with its renderer (loaded once for the batch). */
  formats: { format: ReportFormat; render: Renderer }[];
  baseline: Baseline | undefined;
}

/**
 * Audits every file of the job, reporting each result through `done` when its reports are on
 * disk (so not always in order). What a file prints is collected and travels with its result.
 */
async function auditFiles(
  job: BatchJob,
  parent: Context,
  done: (result: FileResult) => void,
): Promise<void> {
  /**
   * report path (as a collision key) -> the answer file it belongs to; by the name written, and by
   * the name before shortening (two names that differ only in case stay one name when shortened)
   */
  const claimed = new Map<string, string>();
  const claimedFull = new Map<string, string>();
  const folders = new Set<string>();
  const isInput = inputIndex([...job.files, ...otherInputs(job.options)]);
  for (const [index, file] of job.files.entries()) {
    const { ctx, take } = captureContext(parent);
    const c = ctx.color;
    try {
      const { report, source } = auditFile(ctx, file, job.options, job.baseline);
      const base = reportName(
        job.template,
        { file, subject: report.subject, date: report.date },
        EXTENSION_BYTES,
      );
      const targets = job.formats.map(({ format, render }) => ({
        render,
        path: join(job.outDir, `${base.name}${extensionFor(format)}`),
        full: collisionKey(join(job.outDir, `${base.full}${extensionFor(format)}`)),
      }));
      for (const target of targets) {
        const other = claimed.get(collisionKey(target.path)) ?? claimedFull.get(target.full);
        if (other !== undefined) {
          throw new TrustcheckError(
            `its report ${target.path} would replace the report of ${other}; use {file} in --name, or rename one of them`,
          );
        }
      }
      for (const target of targets) {
        const input = isInput(target.path);
        if (input !== undefined) throw inputClash(target.path, input);
      }
      for (const target of targets) {
        claimed.set(collisionKey(target.path), file);
        claimedFull.set(target.full, file);
      }
      for (const target of targets) {
        const folder = dirname(target.path);
        if (!folders.has(folder)) {
          createFolder(folder);
          folders.add(folder);
        }
      }
      const line = batchLine(report);
      ctx.info(
        `${report.passed ? c.green(line.verdict) : c.red(line.verdict)} ${file} -> ${targets.map((x) => x.path).join(', ')} (${line.counts})`,
      );
      const output = take();
      const status: FileStatus = report.passed ? 'passed' : 'failed';
      const code = violatesPolicy(report, job.failOn) ? ExitCode.policyViolated : ExitCode.ok;
      const options = {
        failOn: job.failOn,
        source,
        baselineFile: job.baseline?.file,
        baseline: job.baseline?.report,
      };
      try {
        writeReports(targets, report, options);
        done({ index, status, code, output });
      } catch (error) {
        done(failure(index, file, error, output, c.red('error')));
      }
    } catch (error) {
      done(failure(index, file, error, take(), c.red('error')));
    }
    // a signal (Ctrl-C) is handled between files, not only at the end of the batch
    if (index % FILES_PER_TURN === FILES_PER_TURN - 1) await nextTurn();
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Renders a file's reports and writes them. A function of its own so that the report, the
 * answers and their source are free to be collected as soon as it returns.
 */
function writeReports(
  targets: { render: Renderer; path: string }[],
  report: Report,
  options: RenderOptions,
): void {
  for (const target of targets) {
    writeFileSafely(target.path, target.render(report, options));
  }
}

function failure(
  index: number,
  file: string,
  error: unknown,
  before: string,
  label: string,
): FileResult {
  if (!(error instanceof TrustcheckError)) throw error;
  // a message that names the file already says where; else it is said once, here
  const message = error.message.startsWith(file) ? error.message : `${file}: ${error.message}`;
  return {
    index,
    status: 'error',
    code: error.exitCode,
    output: `${before}${label} ${message.split('\n').join('\n  ')}\n`,
  };
}

export async function batchAudit(
  ctx: Context,
  files: string[],
  options: AuditOptions,
  failOn: FailOn,
): Promise<number> {
  if (options.outDir === undefined) {
    throw new TrustcheckError(
      `${files.length} answer files need --out-dir DIR, where one report per answer file is written`,
    );
  }
  if (options.output !== undefined) {
    throw new TrustcheckError(
      '--output goes with one answer file; with --out-dir, reports are named after the answer files (see --name)',
    );
  }
  const asked = [...new Set<ReportFormat>(options.format ?? [DEFAULT_REPORT_FORMAT])];
  const single = asked.find((format) => !isPerAnswerFile(format));
  if (single !== undefined) {
    const perFile = REPORT_FORMATS.filter((f) => f.perAnswerFile).map((f) => f.id);
    throw new TrustcheckError(
      `-f ${single} (${formatName(single)}) is one output of one answer file; leave it out of --out-dir, which writes a file per answer file in ${perFile.join(', ')}`,
    );
  }
  const formats = await Promise.all(
    asked.map(async (format) => ({ format, render: await rendererFor(format) })),
  );
  const template = options.name ?? '{file}';
  const problem = validateNameTemplate(template, EXTENSION_BYTES);
  if (problem !== undefined) throw new TrustcheckError(`--name ${template}: ${problem}`);
  if (!/\{(subject|date)\}/.test(template)) {
    // names known before any audit: a collision stops the batch before anything is written
    const seen = new Map<string, string>();
    for (const file of files) {
      const name = reportName(template, { file, subject: '', date: '' }, EXTENSION_BYTES);
      const keys = [collisionKey(name.name), `\u0000${collisionKey(name.full)}`];
      const other = keys.map((key) => seen.get(key)).find((f) => f !== undefined);
      if (other !== undefined) {
        throw new TrustcheckError(
          `${file} and ${other} would both be reported to ${join(options.outDir, name.name)}.*; rename one of them`,
        );
      }
      for (const key of keys) seen.set(key, file);
    }
  }
  createFolder(options.outDir);
  const job: BatchJob = {
    files,
    outDir: options.outDir,
    template,
    options,
    failOn,
    formats,
    baseline: loadBaseline(baselineFile(options)),
  };

  // each file's result comes once its reports are written, in the order of the files
  const progress = ctx.stderr.isTTY === true && !ctx.quiet && files.length > 20;
  let worst: number = ExitCode.ok;
  const counts = { passed: 0, failed: 0, error: 0 };
  const onResult = (r: FileResult) => {
    if (progress) ctx.rawStderr.write('\r\u001b[2K'); // clears the progress line
    ctx.stderr.write(r.output);
    const next = r.index + 1;
    if (progress && next < files.length)
      ctx.stderr.write(`[${next}/${files.length}] ${files[next]!}`);
    worst = Math.max(worst, r.code);
    counts[r.status]++;
  };

  await auditFiles(job, ctx, onResult);
  const language = options.lang ?? defaultLanguage(ctx.env, undefined);
  ctx.info(
    batchTotal(language, files.length, counts.passed, counts.failed, counts.error, ctx.config),
  );
  return worst;
}

/** A context like `ctx` whose stderr is collected, to be printed as one piece with the file's line. */
function captureContext(ctx: Context): { ctx: Context; take: () => string } {
  let buffer = '';
  const stderr = { write: (s: string) => ((buffer += s), true), isTTY: false };
  // the fields one by one: spreading the context would read its stdin getter
  const captured: Context = {
    stdout: ctx.stdout,
    rawStderr: stderr,
    get stdin() {
      return ctx.stdin;
    },
    env: ctx.env,
    color: ctx.color,
    quiet: ctx.quiet,
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
