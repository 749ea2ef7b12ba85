// The one error type and the exit-code table of every command.
import { capIssues, type LocatedIssue, type Result } from './core/issues.js';
import { safeForTerminal } from './core/text/terminal.js';

/** The exit codes of every command (SPEC section 1). */
export const ExitCode = {
  ok: 0,
  policyViolated: 1,
  cannotRun: 2,
  interrupted: 130,
} as const;

/**
 * The one error type of trustcheck: a message meant for the user, with the exit code it ends
 * with. Anything else that is thrown is a bug and is reported as an internal error. Its message
 * and summary are made safe for a terminal (controls and bidi marks shown, not obeyed).
 */
export class TrustcheckError extends Error {
  readonly exitCode: number;
  readonly issues: readonly LocatedIssue[];
  /** A line printed before the issues, when there is one. */
  readonly summary: string | undefined;

  constructor(
    message: string,
    options: {
      exitCode?: number;
      cause?: unknown;
      issues?: readonly LocatedIssue[];
      summary?: string;
    } = {},
  ) {
    // messages quote file names and input: printed as they are, they must be safe to print.
    // Like Error, it takes any message (a script's `new TrustcheckError(42)` is "42").
    super(safeForTerminal(String(message), { multiline: true }), { cause: options?.cause });
    this.name = 'TrustcheckError';
    const exitCode = options?.exitCode;
    this.exitCode =
      Number.isInteger(exitCode) && exitCode! >= 0 && exitCode! <= 255
        ? exitCode!
        : ExitCode.cannotRun;
    this.issues = Array.isArray(options?.issues) ? options.issues : [];
    this.summary =
      options?.summary === undefined
        ? undefined
        : safeForTerminal(String(options.summary), { multiline: true });
  }

  static fromIssues(issues: readonly LocatedIssue[], summary?: string): TrustcheckError {
    const lines = capIssues(issues);
    const message = summary === undefined ? lines.join('\n') : [summary, ...lines].join('\n');
    return new TrustcheckError(message, summary === undefined ? { issues } : { issues, summary });
  }
}

/** The value of a result, or a TrustcheckError (exit 2) listing every issue. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw TrustcheckError.fromIssues(result.issues, result.summary);
  return result.value;
}
