// The command-line program: the commands of declarations.ts (cheap), each implementation loaded
// only when its command runs, so that start-up stays close to bare Node; and the one place where
// an error becomes a message and an exit code.
import { terminalWidth, wrap } from '../core/text/wrap.js';
import { CommanderError } from '@commander-js/extra-typings';
import { ExitCode, TrustcheckError } from '../errors.js';
import { createContext, type Context, type Io } from './context.js';
import { capIssues } from '../core/issues.js';
import { cleanUpOnSignals } from './signals.js';
import { applyConfig } from './config.js';
import { globalFlags } from './global-options.js';
import {
  declareAudit,
  declareCompletion,
  declareDiff,
  declareInit,
  declareProgram,
  declareQuestionnaires,
  declareQuestionnairesList,
  declareQuestionnairesNew,
  declareQuestionnairesShow,
  declareQuestionnairesValidate,
  declareSchema,
  declareSummary,
  declareUpgrade,
  declareVerify,
  type Program,
} from './declarations.js';

/** What a command's action returns: the exit code it ends with. */
export type Outcome = number;

/** A command's implementation, loaded when the command runs. */
type Implementation<A extends unknown[]> = (ctx: Context, ...args: A) => Promise<Outcome> | Outcome;

/**
 * The program with every command of declarations.ts, each one's implementation loaded only when
 * it runs. An implementation takes the arguments and the options its declaration gives (the
 * types say so), and ends with an exit code, passed to `done`.
 */
export function buildProgram(ctx: Context, done: (code: Outcome) => void): Program {
  // the output and the exit are set before the commands are declared: each command takes them over
  const program = declareProgram()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
      outputError: (s, write) => write(`${ctx.color.red('error:')} ${s.replace(/^error: /, '')}`),
    });

  // before any command runs: the options of the config file, where the command line gave none
  program.hook('preAction', (_, command) => applyConfig(ctx, program, command, process.cwd()));

  const run =
    <A extends unknown[]>(load: () => Promise<Implementation<A>>) =>
    async (...args: A): Promise<void> => {
      const action = await load();
      done(await action(ctx, ...args));
    };

  declareAudit(program).action(run(async () => (await import('./commands/audit.js')).auditCommand));
  declareInit(program).action(run(async () => (await import('./commands/init.js')).initCommand));
  declareDiff(program).action(run(async () => (await import('./commands/diff.js')).diffCommand));
  declareSummary(program).action(
    run(async () => (await import('./commands/summary.js')).summaryCommand),
  );
  declareVerify(program).action(
    run(async () => (await import('./commands/verify.js')).verifyCommand),
  );
  declareUpgrade(program).action(
    run(async () => (await import('./commands/upgrade.js')).upgradeCommand),
  );
  const questionnaires = declareQuestionnaires(program);
  declareQuestionnairesList(questionnaires).action(
    run(async () => (await import('./commands/questionnaires.js')).listCommand),
  );
  declareQuestionnairesShow(questionnaires).action(
    run(async () => (await import('./commands/questionnaires.js')).showCommand),
  );
  declareQuestionnairesValidate(questionnaires).action(
    run(async () => (await import('./commands/questionnaires.js')).validateCommand),
  );
  declareQuestionnairesNew(questionnaires).action(
    run(async () => (await import('./commands/questionnaire-new.js')).newCommand),
  );
  declareSchema(program).action(
    run(async () => (await import('./commands/schema.js')).schemaCommand),
  );
  declareCompletion(program).action(
    run(async () => (await import('./commands/completion.js')).completionCommand),
  );
  return program;
}

/**
 * The program as declared, with no context to run in: for what is derived from the declarations
 * alone (the config's schema, at build time). Running it is an error.
 */
export function declaredProgram(): Program {
  const none = new Proxy({} as Context, {
    get: () => {
      throw new Error('the declared program has no context to run in');
    },
  });
  return buildProgram(none, () => undefined);
}

/** With --print-config a command runs nothing, so it needs none of its arguments. */
function argumentsOptional(command: Program | Program['commands'][number]): void {
  for (const argument of command.registeredArguments) argument.argOptional();
  for (const sub of command.commands) argumentsOptional(sub);
}

/** Runs trustcheck with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  // the real process (not a test's streams): a signal removes temporary files and exits 130
  if (io.process === process) cleanUpOnSignals();
  const ctx = await createContext(io, argv);
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(ctx, (code) => {
    exitCode = code;
  });
  if (globalFlags(argv).printConfig) argumentsOptional(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, ctx);
  }
}

/** A message wrapped at word boundaries to the width of a terminal; whole in a log. */
function forTerminal(ctx: Context, message: string): string {
  if (ctx.stderr.isTTY !== true) return message;
  return wrap(message, terminalWidth(ctx.stderr.columns), { hang: '  ' }).join('\n');
}

export function reportError(error: unknown, ctx: Context): number {
  if (error instanceof CommanderError) {
    // help and --version end with 0; every usage error with 2
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.cannotRun;
  }
  const debug = ctx.env.TRUSTCHECK_DEBUG === '1';
  const label = ctx.color.red('error:');
  if (error instanceof TrustcheckError) {
    if (error.exitCode === ExitCode.interrupted) {
      ctx.stderr.write(`${forTerminal(ctx, error.message)}\n`);
      return error.exitCode;
    }
    if (error.issues.length > 0) {
      if (error.summary !== undefined) ctx.stderr.write(`${label} ${error.summary}\n`);
      for (const line of capIssues(error.issues)) ctx.stderr.write(`${label} ${line}\n`);
    } else {
      ctx.stderr.write(`${forTerminal(ctx, `${label} ${error.message}`)}\n`);
    }
    if (debug && error.stack !== undefined) ctx.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const errno = error as NodeJS.ErrnoException;
  if (errno.code === 'ENOENT' && errno.syscall === 'uv_cwd') {
    ctx.stderr.write(
      `${label} the current folder no longer exists (it was deleted or moved); cd into an existing folder and run trustcheck again\n`,
    );
    return ExitCode.cannotRun;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr.write(
    `${label} internal error: ${message}\nThis is a bug in trustcheck; please report it${
      debug ? '' : ' (run with TRUSTCHECK_DEBUG=1 to see the details)'
    }.\n`,
  );
  if (debug && error instanceof Error && error.stack !== undefined)
    ctx.stderr.write(`${error.stack}\n`);
  return ExitCode.cannotRun;
}
