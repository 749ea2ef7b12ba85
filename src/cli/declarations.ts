// What each command takes, declared once: its arguments, options, help and examples. The type of
// the options a command's implementation receives is inferred from its declaration here
// (`AuditOptions` and the like), so a declaration and its use cannot drift apart. Cheap to load:
// no command's implementation is imported here (main.ts loads each one when it runs).
import { Argument, Command, Option } from '@commander-js/extra-typings';
import { LANGUAGES } from '../core/language.js';
import { FAIL_ON } from '../core/policy.js';
import {
  DEFAULT_REPORT_FORMAT,
  REPORT_FORMAT_IDS,
  extensionsInWords,
} from '../core/render/formats.js';
import {
  DEFAULT_SUMMARY_FORMAT,
  SUMMARY_FORMAT_IDS,
  summaryExtensionsInWords,
} from '../core/render/summary-formats.js';
import { VERSION } from '../version.js';
import { commaList } from './config-options.js';
import {
  colorOption,
  configOption,
  noConfigOption,
  printConfigOption,
  quietOption,
} from './global-options.js';

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

const langOption = () => new Option('--lang <lang>', 'language of texts').choices(LANGUAGES);

/** The program: its global options and help. main.ts gives it its output and adds the commands. */
export function declareProgram() {
  const program = new Command('trustcheck')
    .description('Audit how trustable an organisation is to its customers.')
    // -v as eslint, prettier, npm and node spell it; -V (commander's spelling) still works
    .version(VERSION, '-v, --version', 'print the version')
    .addOption(new Option('-V', 'print the version').hideHelp())
    .helpOption('-h, --help', 'show help')
    .addOption(colorOption())
    .addOption(quietOption())
    .addOption(configOption())
    .addOption(noConfigOption())
    .addOption(printConfigOption())
    .showSuggestionAfterError(true)
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText(
      'after',
      `${examples(
        'trustcheck init --subject "Acme B.V."',
        'trustcheck audit --answers trustcheck-answers.yaml --format json -o report.json',
        'trustcheck verify report.json --answers trustcheck-answers.yaml',
      )}\nExit codes: 0 done and the --fail-on policy holds, 1 the policy is violated,\n2 bad usage or input, 130 interrupted (answers given so far are saved).\n`,
    );
  // -V does what --version does: commander's Command is an EventEmitter (its types omit emit)
  program.on('option:V', () => (program as unknown as NodeJS.EventEmitter).emit('option:version'));
  return program;
}

export type Program = ReturnType<typeof declareProgram>;

export function declareAudit(program: Program) {
  return program
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
        `report format (default: ${DEFAULT_REPORT_FORMAT}, or from the --output extension); github: workflow commands; several with --out-dir`,
      ).choices(REPORT_FORMAT_IDS),
    )
    .option(
      '-o, --output <files...>',
      `write the report there instead of stdout (- is stdout); format from each extension: ${extensionsInWords()}`,
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
    .option('--no-baseline', 'no baseline, not even the config file’s')
    .addOption(
      // a comma list of the choices: checked when the audit starts (from the command line or
      // the config alike), with a message that says which word is wrong
      commaList(
        new Option(
          '--fail-on <policy>',
          'when to exit 1: fail, regression, overdue (an action past its due date), or never; a comma list combines them, e.g. regression,overdue (default: regression with --baseline, else fail)',
        )
          .choices(FAIL_ON)
          .argParser((value: string) => value),
        'regression,overdue',
      ),
    )
    .option(
      '--allow-incomplete',
      'unanswered statements count as not true instead of being an error',
    )
    .option(
      '--team',
      "the answer files are several respondents' answers for one subject: one combined report",
    )
    .option(
      '--anonymous',
      'with --team: respondents appear as "Respondent 1, 2, …" in every output',
    )
    .option('--assessor <name>', 'interactive: who answers (written into the answers file)')
    .option('--role <role>', 'interactive: the role of who answers, such as Sales')
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
          'A team (each person answers, one report for the organisation)',
          'trustcheck audit --save-answers team/anna.yaml --assessor Anna --role Sales',
          'trustcheck audit --team -a team/ -f html -o team-report.html',
        ],
        [
          'A CI job (fail on regressions against the last report)',
          'trustcheck audit --answers trust/answers.yaml --baseline trust/baseline.json -o report.md -o report.xml',
        ],
      ]),
    );
}

export function declareInit(program: Program) {
  return program
    .command('init')
    .summary('write an answer-file template')
    .description(
      'Write an answer-file template with every statement, ready to fill in with yes, no or na.',
    )
    .argument('[file]', 'where to write it (- for stdout)', './trustcheck-answers.yaml')
    .option('-q, --questionnaire <refs...>', 'questionnaires to include (default: both built-ins)')
    .option('--subject <name>', 'the organisation audited')
    .option('--assessor <name>', 'who answers')
    .option('--role <role>', 'the role of who answers, such as Sales')
    .option(
      '--respondents <names...>',
      'a team: one template per person into the folder given as FILE, e.g. "Anna (Sales)" "Bas (Finance)"',
    )
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
        'trustcheck init team/ --subject "Acme B.V." --respondents "Anna (Sales)" "Bas (Finance)"',
      ),
    );
}

export function declareDiff(program: Program) {
  return program
    .command('diff')
    .summary('compare two JSON reports')
    .description(
      'Compare a baseline JSON report with a current one: regressions, improvements, added and removed statements.',
    )
    .argument('<baseline>', 'the earlier JSON report')
    .argument('<current>', 'the later JSON report')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['md', 'json']).default('md'),
    )
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
    );
}

export function declareUpgrade(program: Program) {
  return program
    .command('upgrade')
    .summary('move an answer file to the newest version of each questionnaire')
    .description(
      'Move an answer file to the newest version of each questionnaire in it: every answer, note and comment whose statement kept its id and meaning is kept, removed statements are dropped and listed, new ones are left unanswered and listed (on a terminal, offered to answer now). The file keeps its syntax and is written atomically; it is never moved to an older version.',
    )
    .argument('<file>', 'the answer file (YAML or JSON)')
    .option('--dry-run', 'print what would change, and write nothing')
    .option('--no-interactive', 'only list the new statements, even on a terminal')
    .addOption(langOption())
    .addHelpText(
      'after',
      examples(
        'trustcheck upgrade trustcheck-answers.yaml --dry-run',
        'trustcheck upgrade trustcheck-answers.yaml',
        'trustcheck upgrade acme.json --no-interactive',
      ),
    );
}

export function declareSummary(program: Program) {
  return program
    .command('summary')
    .summary('portfolio table over many JSON reports')
    .description(
      'A portfolio table over many JSON reports: one row per subject and date, one column per section.',
    )
    .argument('<reports...>', 'JSON reports (or folders of them)')
    .addOption(
      new Option(
        '-f, --format <format>',
        `output format of every output (default: ${DEFAULT_SUMMARY_FORMAT}, or from each --output extension)`,
      ).choices(SUMMARY_FORMAT_IDS),
    )
    .addOption(
      new Option(
        '-o, --output <file>',
        `write the summary there (- is stdout); repeatable, each file's format from its extension: ${summaryExtensionsInWords()}`,
      )
        .argParser((file: string, previous: string[]) => [...previous, file])
        .default([] as string[], 'stdout'),
    )
    .addHelpText(
      'after',
      examples(
        'trustcheck summary reports/*.json',
        'trustcheck summary reports -o portfolio.csv',
        'trustcheck summary reports -o portfolio.html -o portfolio.csv -o -',
      ),
    );
}

export function declareActions(program: Program) {
  return program
    .command('actions')
    .summary('open actions across reports, overdue first')
    .description(
      "The open actions of the latest report of each subject: who makes each untrue statement true, and by when; overdue (as of today, or --as-of) first, then by due date. Every report's verdicts are derived from its answers; a report whose claims do not follow is refused.",
    )
    .argument('<reports...>', 'JSON reports (or folders of them)')
    .addOption(
      new Option(
        '-f, --format <format>',
        'output format (default: md, or from the --output extension: .md, .csv, .json, .ics)',
      ).choices(['md', 'csv', 'json', 'ics']),
    )
    .option('--as-of <date>', 'what is overdue on this date, YYYY-MM-DD (default: today)')
    .option('-o, --output <file>', 'write the list there instead of stdout (- is stdout)')
    .addHelpText(
      'after',
      examples(
        'trustcheck actions reports/',
        'trustcheck actions reports/ --as-of 2027-04-01 -f csv -o actions.csv',
        'trustcheck actions reports/ -o trustcheck-actions.ics',
      ),
    );
}

export function declareVerify(program: Program) {
  return program
    .command('verify')
    .summary('check that a report follows from its answers')
    .description(
      'Check a JSON report: every verdict follows from its answers; each questionnaire is a shipped one (or one given with -q), with its texts; and, with --answers, the report is what that answer file gives. Exit 0 when all of it holds, 1 when it does not (each finding is said), 2 when it cannot be checked.',
    )
    .argument('<report>', 'the JSON report to check')
    .option('-a, --answers <files...>', 'the answer file the report was made from')
    .option(
      '-q, --questionnaire <refs...>',
      'questionnaire files (or id@version) the report may have been made with, besides the shipped ones',
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        'text: findings on stderr; json: the verification on stdout, for scripts',
      )
        .choices(['text', 'json'])
        .default('text'),
    )
    .addOption(
      new Option('--lang <lang>', "language of the findings (default: the report's)").choices(
        LANGUAGES,
      ),
    )
    .addHelpText(
      'after',
      `${examples(
        'trustcheck verify report.json',
        'trustcheck verify report.json --answers acme.yaml',
        'trustcheck verify report.json -q ./supplier-check.yaml --format json',
      )}\nExit codes: 0 the report holds, 1 it does not (each finding on stderr), 2 it\ncannot be checked (the report cannot be read, a questionnaire is unknown, an\nanswer file is invalid).\n`,
    );
}

export function declareQuestionnaires(program: Program) {
  return program
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
}

export type QuestionnairesCommand = ReturnType<typeof declareQuestionnaires>;

export function declareQuestionnairesList(questionnaires: QuestionnairesCommand) {
  return questionnaires
    .command('list')
    .description('The questionnaires available, with their versions.')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['table', 'json'])
        .default('table'),
    )
    .addHelpText(
      'after',
      examples('trustcheck questionnaires list', 'trustcheck questionnaires list --format json'),
    );
}

export function declareQuestionnairesShow(questionnaires: QuestionnairesCommand) {
  return questionnaires
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
    );
}

export function declareQuestionnairesValidate(questionnaires: QuestionnairesCommand) {
  return questionnaires
    .command('validate')
    .description('Check custom questionnaire files; lists every problem with file:line:col.')
    .argument('<files...>', 'questionnaire files')
    .addHelpText(
      'after',
      examples(
        'trustcheck questionnaires validate my-check.yaml',
        'trustcheck questionnaires validate questionnaires/*/*.yaml',
      ),
    );
}

export function declareQuestionnairesNew(questionnaires: QuestionnairesCommand) {
  return questionnaires
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
    );
}

export function declareSchema(program: Program) {
  return program
    .command('schema')
    .summary('print a JSON Schema')
    .description('Print the JSON Schema of a file format (for editors and other tools).')
    .addArgument(
      new Argument('<name>', 'the file format').choices([
        'questionnaire',
        'answers',
        'report',
        'summary',
        'config',
      ]),
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
        'trustcheck schema summary',
      ),
    );
}

export function declareCompletion(program: Program) {
  return program
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
    );
}

/** The options a command's implementation receives, as its declaration defines them. */
type OptionsOf<C extends { opts(): object }> = ReturnType<C['opts']>;

export type AuditOptions = OptionsOf<ReturnType<typeof declareAudit>>;
export type InitOptions = OptionsOf<ReturnType<typeof declareInit>>;
export type DiffOptions = OptionsOf<ReturnType<typeof declareDiff>>;
export type SummaryOptions = OptionsOf<ReturnType<typeof declareSummary>>;
export type VerifyOptions = OptionsOf<ReturnType<typeof declareVerify>>;
export type ActionsOptions = OptionsOf<ReturnType<typeof declareActions>>;
export type UpgradeOptions = OptionsOf<ReturnType<typeof declareUpgrade>>;
export type ListOptions = OptionsOf<ReturnType<typeof declareQuestionnairesList>>;
export type ShowOptions = OptionsOf<ReturnType<typeof declareQuestionnairesShow>>;
export type NewOptions = OptionsOf<ReturnType<typeof declareQuestionnairesNew>>;
export type SchemaOptions = OptionsOf<ReturnType<typeof declareSchema>>;
export type CompletionOptions = OptionsOf<ReturnType<typeof declareCompletion>>;
