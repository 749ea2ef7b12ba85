// `trustcheck audit`: scripted from answer files, or interactive on a terminal. Either way the
// report comes from the same scripted path: load -> audit -> render -> write -> exit code.
import { ExitCode, TrustcheckError } from '../../errors.js';
import { today } from '../../app/today.js';
import {
  defaultFailOn,
  gatesOn,
  parseFailOn,
  violatesPolicy,
  type FailOn,
} from '../../core/policy.js';
import { auditSummaryLines } from '../../core/render/terminal.js';
import type { Prompts } from '../../interactive/prompts.js';
import type { Context } from '../context.js';
import { expandInputs } from '../inputs.js';
import type { Report } from '../../core/model.js';
import type { RenderOptions } from '../../core/render/options.js';
import { DEFAULT_REPORT_FORMAT } from '../../core/render/formats.js';
import {
  appendStepSummary,
  printLines,
  reportTargets,
  singleFormat,
  writeReport,
  type ReportTarget,
} from '../report-output.js';
import { assertNotAnInput, assertSubject, inputProblem, outputProblem } from '../output.js';
import { inputIndex } from '../../io/identity.js';
import { lockAnswersFile } from '../session-lock.js';
import { readStreams } from '../../io/read.js';
import { withSignals } from '../signals.js';
import {
  auditFile,
  baselineFile,
  loadBaseline,
  otherInputs,
  type Baseline,
} from '../scripted-audit.js';
import type { AuditOptions } from '../declarations.js';

export function auditCommand(ctx: Context, options: AuditOptions): Promise<number> {
  return runAuditCommand(ctx, options);
}

/** The command, with the prompts to ask through (tests give scripted ones). */
export async function runAuditCommand(
  ctx: Context,
  options: AuditOptions,
  prompts?: Prompts,
): Promise<number> {
  assertSubject(options.subject);
  const failOn: FailOn = failOnPolicy(options.failOn, baselineFile(options) !== undefined);
  if (gatesOn(failOn, 'regression') && baselineFile(options) === undefined) {
    throw new TrustcheckError(
      '--fail-on regression needs --baseline FILE (a previous JSON report to compare against)',
    );
  }
  const interactive =
    options.interactive === true || options.resume !== undefined || options.answers === undefined;
  if (options.team === true || options.anonymous === true) {
    const { teamProblem } = await import('./team-audit.js');
    const problem = teamProblem(options, interactive);
    if (problem !== undefined) throw new TrustcheckError(problem);
  }
  // the inputs named here that are pipes or devices, read first (an interactive audit's
  // answers file is also written: a regular file)
  await readStreams([...(interactive ? [] : (options.answers ?? [])), ...otherInputs(options)]);
  if (interactive) return interactiveAudit(ctx, options, failOn, prompts);
  for (const flag of ['assessor', 'role'] as const) {
    if (options[flag] !== undefined) {
      ctx.warn(
        `--${flag} is written into the answers file of a new interactive audit only; it is ignored here: write ${flag} into the answer file instead`,
      );
    }
  }

  const files = expandInputs(options.answers ?? [], ['.yaml', '.yml', '.json'], 'answer file');
  if (options.team === true) {
    const { teamAudit } = await import('./team-audit.js');
    const baseline = loadBaseline(baselineFile(options));
    const inputs = [...files, ...otherInputs(options)];
    assertNotAnInput(inputs, options.output ?? []);
    const { report, sources } = teamAudit(ctx, files, options, baseline);
    return finish(ctx, report, reportTargets(options.output, singleFormat(options.format)), {
      failOn,
      respondentSources: sources,
      baselineFile: baseline?.file,
      baseline: baseline?.report,
      stepSummary: options.stepSummary,
      inputs,
    });
  }
  if (files.length > 1 || options.outDir !== undefined) {
    const { batchAudit } = await import('./batch.js');
    return batchAudit(ctx, files, options, failOn);
  }
  return scriptedAudit(ctx, files[0]!, options, failOn, loadBaseline(baselineFile(options)));
}

/** The scripted path for one answer file: audit, write the report, say the verdict. */
function scriptedAudit(
  ctx: Context,
  file: string,
  options: AuditOptions,
  failOn: FailOn,
  baseline: Baseline | undefined,
): Promise<number> {
  const format = singleFormat(options.format);
  const inputs = [file, ...otherInputs(options)];
  assertNotAnInput(inputs, options.output ?? []);
  const { report, source } = auditFile(ctx, file, options, baseline);
  return finish(ctx, report, reportTargets(options.output, format), {
    failOn,
    source,
    baselineFile: baseline?.file,
    baseline: baseline?.report,
    stepSummary: options.stepSummary,
    inputs,
  });
}

/** Writes the report, appends the job summary, prints what was found and decided. */
async function finish(
  ctx: Context,
  report: Report,
  targets: ReportTarget[],
  options: RenderOptions & {
    failOn: FailOn;
    /** Whether to append the report to the GitHub job summary (--no-step-summary: false). */
    stepSummary: boolean;
    /** The files the audit read, which the job summary may not be. */
    inputs: readonly string[];
    /** Every question with its verdict (the interactive ending), not only those that fail. */
    allQuestions?: boolean;
  },
): Promise<number> {
  await writeReport(ctx, report, targets, options);
  appendStepSummary(ctx, report, { ...options, outputs: targets.map((t) => t.file) });
  printLines(
    ctx,
    auditSummaryLines(report, ctx.color, {
      failOn: options.failOn,
      baseline: options.baselineFile,
      baselineReport: options.baseline,
      allQuestions: options.allQuestions === true,
      config: ctx.config,
    }),
  );
  return violatesPolicy(report, options.failOn) ? ExitCode.policyViolated : ExitCode.ok;
}

/** Where an interactive audit's answers go: --resume FILE, --answers FILE --interactive, or --save-answers. */
function answersPath(options: AuditOptions): { file: string; existing: boolean } {
  if (options.resume !== undefined) {
    return {
      file: options.resume === true ? './trustcheck-answers.yaml' : options.resume,
      existing: true,
    };
  }
  if (options.interactive === true && options.answers?.length === 1) {
    return { file: options.answers[0]!, existing: true };
  }
  return { file: options.saveAnswers, existing: false };
}

async function interactiveAudit(
  ctx: Context,
  options: AuditOptions,
  failOn: FailOn,
  prompts: Prompts | undefined,
): Promise<number> {
  if (options.interactive === true && (options.answers?.length ?? 0) !== 1) {
    throw new TrustcheckError(
      '--interactive goes with exactly one answer file: --answers FILE --interactive',
    );
  }
  if (ctx.stdin.isTTY !== true) {
    throw new TrustcheckError(
      options.answers === undefined && options.resume === undefined
        ? 'no terminal to ask questions on: give answers with --answers FILE (write a template with `trustcheck init`, fill it in), or run trustcheck audit in a terminal'
        : 'an interactive audit needs a terminal; without one, fill in the answer file and run `trustcheck audit --answers FILE`',
    );
  }
  const baseline = loadBaseline(baselineFile(options));
  const format = singleFormat(options.format);
  const { interview } = await import('../../interactive/interview.js');
  const { file, existing } = answersPath(options);
  const inputs = [...otherInputs(options), ...(existing ? [file] : [])];
  assertNotAnInput(inputs, [...(options.output ?? []), ...(existing ? [] : [file])]);
  const isInput = inputIndex([...inputs, file]);
  const reportPathProblem = (path: string, language: string): string | undefined =>
    outputProblem(path, language) ??
    (isInput(path) === undefined ? undefined : inputProblem(path, language));
  // one interactive session at a time holds an answers file
  const lock = lockAnswersFile(ctx, file);
  const outcome = await withSignals(async (signal) =>
    interview(
      ctx,
      prompts ??
        (await import('../../interactive/prompts.js')).terminalPrompts(
          { input: ctx.stdin, output: ctx.rawStderr },
          signal,
        ),
      {
        file,
        existing,
        force: options.force === true,
        subject: options.subject,
        assessor: options.assessor,
        role: options.role,
        questionnaires: options.questionnaire,
        language: options.lang,
        today: today(ctx.env),
        askReportPath:
          options.output === undefined ? { format: format ?? DEFAULT_REPORT_FORMAT } : undefined,
        reportPathProblem,
      },
    ),
  ).finally(lock.release);
  if (outcome.status === 'interrupted') {
    throw new TrustcheckError(outcome.message, { exitCode: ExitCode.interrupted });
  }
  // every statement is answered: the same audit a script would run on the file
  const { report, source } = auditFile(ctx, outcome.file, options, baseline, outcome.language);
  ctx.stderr.write('\n');
  const outputs = outcome.reportPath === undefined ? options.output : [outcome.reportPath];
  return finish(ctx, report, reportTargets(outputs, format), {
    failOn,
    source,
    baselineFile: baseline?.file,
    baseline: baseline?.report,
    stepSummary: options.stepSummary,
    inputs: [...inputs, outcome.file],
    allQuestions: true,
  });
}

/**
 * The --fail-on policy, from the command line or the config: a comma list of conditions
 * (`regression,overdue`), `never` alone; else the default (regression with a baseline).
 */
function failOnPolicy(given: string | undefined, hasBaseline: boolean): FailOn {
  if (given === undefined) return defaultFailOn(hasBaseline);
  const parsed = parseFailOn(given);
  if (!parsed.ok) throw new TrustcheckError(parsed.message);
  return parsed.policy;
}
