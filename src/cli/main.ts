// The command-line program: declares every command and its options (cheap), and loads a
// command's implementation only when it runs, so that start-up stays close to bare Node.
import { terminalWidth, wrap } from '../core/text/wrap.js';
import { Argument, Command, CommanderError, Option } from 'commander';
import { ExitCode, TrustcheckError } from '../errors.js';
import { createContext, type Context, type Io } from './context.js';
import { capIssues } from '../core/issues.js';
import { VERSION } from '../version.js';
import { cleanUpOnSignals } from './signals.js';

/** What a command's action returns: the exit code it ends with. */
export type Outcome = number;

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Examples in groups, each under a line saying whose use it is. */
function examplesFor(groups: readonly (readonly [string, ...string[]])[]): string {
  const body = groups
    .map(([who, ...lines]) => [`  ${who}:`, ...lines.map((l) => `  $ ${l}`)].join('\n'))
    .join('\n\n');
  return `\nExamples:\n${body}\n`;
}

export function buildProgram(ctx: Context, done: (code: Outcome) => void): Command {
  const program = new Command('trustcheck');
  program
    .description('Audit how trustable an organisation is to its customers.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--no-color', 'no colours (also NO_COLOR=1)')
    .option('--quiet', 'print only warnings and errors on stderr')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
      outputError: (s, write) => write(`${ctx.color.red('error:')} ${s.replace(/^error: /, '')}`),
    })
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText(
      'after',
      `${examples(
        'trustcheck init --subject "Acme B.V."',
        'trustcheck audit --answers trustcheck-answers.yaml --format json -o report.json',
      )}\nExit codes: 0 done and the --fail-on policy holds, 1 the policy is violated,\n2 bad usage or input, 130 interrupted (answers given so far are saved).\n`,
    );

  const run =
    <A extends unknown[]>(
      load: () => Promise<(ctx: Context, ...args: A) => Promise<Outcome> | Outcome>,
    ) =>
    async (...args: A): Promise<void> => {
      const action = await load();
      done(await action(ctx, ...args));
    };

  const formatOption = (formats: string[], defaultValue?: string) => {
    const option = new Option('-f, --format <format>', 'output format').choices(formats);
    return defaultValue === undefined ? option : option.default(defaultValue);
  };
  const langOption = () => new Option('--lang <lang>', 'language of texts').choices(['en', 'nl']);

  program
    .command('audit')
    .summary('run an audit (interactive on a terminal, or from --answers)')
    .description(
      'Run an audit: interactively on a terminal, or from answer files. Scores every section under the all-must-be-true rule and writes a Markdown, JSON, JUnit or HTML report.',
    )
    .option('-a, --answers <files...>', 'answer file(s), YAML or JSON, or a folder of them')
    .option('-q, --questionnaire <refs...>', 'questionnaires to include (id, id@version or path)')
    .addOption(
      new Option(
        '-f, --format <format...>',
        'report format (default: md, or from the --output extension); github: workflow commands; several with --out-dir',
      ).choices(['md', 'json', 'junit', 'html', 'github']),
    )
    .option(
      '-o, --output <files...>',
      'write the report there instead of stdout (- is stdout); format from each extension (.md, .html, .json, .xml)',
    )
    .option(
      '--out-dir <dir>',
      'with several answer files: one report per answer file and format, named by --name',
    )
    .option(
      '--name <template>',
      'with --out-dir: file name from {file}, {subject} and {date}, e.g. {subject}/{date} (default {file})',
    )
    .option('--no-step-summary', 'in GitHub Actions, do not append the report to the job summary')
    .option('--baseline <file>', 'a previous JSON report to compare against')
    .addOption(
      new Option(
        '--fail-on <policy>',
        'when to exit 1 (default: regression with --baseline, else fail)',
      ).choices(['fail', 'regression', 'never']),
    )
    .option(
      '--allow-incomplete',
      'unanswered statements count as not true instead of being an error',
    )
    .option(
      '--interactive',
      'with --answers FILE: ask only the unanswered statements and save them into FILE',
    )
    .option(
      '--resume [file]',
      'continue an interrupted interactive audit (default ./trustcheck-answers.yaml)',
    )
    .option(
      '--save-answers <file>',
      'interactive: where answers are saved as they are given',
      './trustcheck-answers.yaml',
    )
    .option('--force', 'let a new interactive audit overwrite an existing answers file')
    .option(
      '--strict',
      'warnings (another subject in the baseline, a version fallback) become errors',
    )
    .option('--subject <name>', 'the organisation audited (overrides the answer file)')
    .addOption(langOption())
    .addHelpText(
      'after',
      examplesFor([
        [
          'A manager, at a terminal (an interview that saves each answer as it is given)',
          'trustcheck audit',
          'trustcheck audit --lang nl',
          'trustcheck audit --resume',
        ],
        [
          'A consultant (one client, then every client at once)',
          'trustcheck audit --answers acme.yaml --format json -o report.json',
          'trustcheck audit --answers clients --out-dir reports --format json',
        ],
        [
          'A CI job (fail on regressions against the last report)',
          'trustcheck audit --answers trust/answers.yaml --baseline trust/baseline.json -o report.md -o report.xml',
        ],
      ]),
    )
    .action(run(async () => (await import('./commands/audit.js')).auditCommand));

  program
    .command('init')
    .summary('write an answer-file template')
    .description(
      'Write an answer-file template with every statement, ready to fill in with yes, no or na.',
    )
    .argument('[file]', 'where to write it (- for stdout)', './trustcheck-answers.yaml')
    .option('-q, --questionnaire <refs...>', 'questionnaires to include (default: both built-ins)')
    .option('--subject <name>', 'the organisation audited')
    .option('--assessor <name>', 'who answers')
    .addOption(langOption())
    .option('--force', 'overwrite an existing file')
    .option(
      '--schema-file [file]',
      'also write the answers schema for editors (with any custom questionnaire) next to the file, default answers.schema.json, and point the $schema line at it',
    )
    .addHelpText(
      'after',
      examples(
        'trustcheck init --subject "Acme B.V."',
        'trustcheck init acme.yaml -q trustability --lang nl',
        'trustcheck init acme.yaml -q trustability -q ./supplier-check.yaml --schema-file',
      ),
    )
    .action(run(async () => (await import('./commands/init.js')).initCommand));

  program
    .command('diff')
    .summary('compare two JSON reports')
    .description(
      'Compare a baseline JSON report with a current one: regressions, improvements, added and removed statements.',
    )
    .argument('<baseline>', 'the earlier JSON report')
    .argument('<current>', 'the later JSON report')
    .addOption(formatOption(['md', 'json'], 'md'))
    .addOption(
      new Option('--fail-on <policy>', 'when to exit 1')
        .choices(['regression', 'never'])
        .default('regression'),
    )
    .option('--strict', 'reports of different subjects are an error instead of a warning')
    .addHelpText(
      'after',
      examples(
        'trustcheck diff baseline.json report.json',
        'trustcheck diff baseline.json report.json --format json --fail-on never',
      ),
    )
    .action(run(async () => (await import('./commands/diff.js')).diffCommand));

  program
    .command('summary')
    .summary('portfolio table over many JSON reports')
    .description(
      'A portfolio table over many JSON reports: one row per subject and date, one column per section.',
    )
    .argument('<reports...>', 'JSON reports (or folders of them)')
    .addOption(formatOption(['md', 'json', 'csv', 'html'], 'md'))
    .option('-o, --output <file>', 'write the summary there instead of stdout')
    .addHelpText(
      'after',
      examples(
        'trustcheck summary reports/*.json',
        'trustcheck summary reports --format csv -o portfolio.csv',
      ),
    )
    .action(run(async () => (await import('./commands/summary.js')).summaryCommand));

  const questionnaires = program
    .command('questionnaires')
    .summary('list, show, validate and scaffold questionnaires')
    .description('List, show, validate and scaffold questionnaires.')
    .addHelpText(
      'after',
      examples(
        'trustcheck questionnaires list',
        'trustcheck questionnaires validate my-check.yaml',
      ),
    );
  questionnaires
    .command('list')
    .description('The questionnaires available, with their versions.')
    .addOption(formatOption(['table', 'json'], 'table'))
    .addHelpText(
      'after',
      examples('trustcheck questionnaires list', 'trustcheck questionnaires list --format json'),
    )
    .action(run(async () => (await import('./commands/questionnaires.js')).listCommand));
  questionnaires
    .command('show')
    .description("One questionnaire's full text.")
    .argument('<ref>', 'a built-in id, id@version, or a path to a questionnaire file')
    .addOption(langOption())
    .addOption(
      new Option(
        '-f, --format <format>',
        'output format (default: text on a terminal, else md, as in a file or a pipe)',
      ).choices(['text', 'md', 'json']),
    )
    .addHelpText(
      'after',
      examples(
        'trustcheck questionnaires show trustability',
        'trustcheck questionnaires show trustability --format md > trustability.md',
        'trustcheck questionnaires show transparantie-apk@1.0.0 --lang en --format json',
      ),
    )
    .action(run(async () => (await import('./commands/questionnaires.js')).showCommand));
  questionnaires
    .command('validate')
    .description('Check custom questionnaire files; lists every problem with file:line:col.')
    .argument('<files...>', 'questionnaire files')
    .addHelpText(
      'after',
      examples(
        'trustcheck questionnaires validate my-check.yaml',
        'trustcheck questionnaires validate questionnaires/*/*.yaml',
      ),
    )
    .action(run(async () => (await import('./commands/questionnaires.js')).validateCommand));
  questionnaires
    .command('new')
    .description('Scaffold a custom questionnaire that passes validate.')
    .argument('<id>', 'the new questionnaire id (kebab-case)')
    .option('-o, --output <file>', 'where to write it (default ./<id>.yaml; - for stdout)')
    .option('--force', 'overwrite an existing file')
    .addHelpText(
      'after',
      examples(
        'trustcheck questionnaires new supplier-check',
        'trustcheck questionnaires new supplier-check -o checks/supplier-check.yaml',
      ),
    )
    .action(run(async () => (await import('./commands/questionnaire-new.js')).newCommand));

  program
    .command('schema')
    .summary('print a JSON Schema')
    .description('Print the JSON Schema of a file format (for editors and other tools).')
    .addArgument(
      new Argument('<name>', 'the file format').choices(['questionnaire', 'answers', 'report']),
    )
    .option(
      '-q, --questionnaire <refs...>',
      'answers: also know these custom questionnaires (paths), for editors',
    )
    .option('--generic', 'answers: the schema that accepts any questionnaire id')
    .addHelpText(
      'after',
      examples(
        'trustcheck schema answers > answers.schema.json',
        'trustcheck schema answers -q ./supplier-check.yaml > answers.schema.json',
        'trustcheck schema report',
      ),
    )
    .action(run(async () => (await import('./commands/schema.js')).schemaCommand));

  program
    .command('completion')
    .summary('print a shell completion script')
    .description('Print a shell completion script.')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      examples(
        'source <(trustcheck completion bash)',
        'trustcheck completion zsh > "${fpath[1]}/_trustcheck"',
        'trustcheck completion fish > ~/.config/fish/completions/trustcheck.fish',
      ),
    )
    .action(run(async () => (await import('./commands/completion.js')).completionCommand));

  return program;
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
