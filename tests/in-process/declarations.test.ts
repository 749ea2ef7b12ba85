// The commands' declarations (src/cli/declarations.ts): the options' types are inferred from them
// (checked by the type checker through expectTypeOf), the report formats are the table's, and
// the global flags the context reads before parsing are the ones declared.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  declareAudit,
  declareProgram,
  declareSummary,
  type AuditOptions,
  type DiffOptions,
  type InitOptions,
  type ShowOptions,
  type SummaryOptions,
  type UpgradeOptions,
  type VerifyOptions,
} from '../../src/cli/declarations.js';
import { globalFlags } from '../../src/cli/global-options.js';
import type { Language } from '../../src/core/language.js';
import type { FailOn } from '../../src/core/policy.js';
import { REPORT_FORMAT_IDS, type ReportFormat } from '../../src/core/render/index.js';
import { SUMMARY_FORMAT_IDS, type SummaryFormat } from '../../src/core/render/summary-formats.js';

describe('the options a command receives', () => {
  it('are typed from their declarations', () => {
    expectTypeOf<AuditOptions['format']>().toEqualTypeOf<ReportFormat[] | undefined>();
    expectTypeOf<AuditOptions['failOn']>().toEqualTypeOf<FailOn | undefined>();
    expectTypeOf<AuditOptions['lang']>().toEqualTypeOf<Language | undefined>();
    expectTypeOf<AuditOptions['output']>().toEqualTypeOf<string[] | undefined>();
    // --no-step-summary: true unless given; a default value: always there
    expectTypeOf<AuditOptions['stepSummary']>().toEqualTypeOf<boolean>();
    expectTypeOf<AuditOptions['saveAnswers']>().toEqualTypeOf<string>();
    // --baseline FILE, or --no-baseline (false): none, not even a config file's
    expectTypeOf<AuditOptions['baseline']>().toEqualTypeOf<string | false | undefined>();
    // an optional value: the flag alone is true
    expectTypeOf<AuditOptions['resume']>().toEqualTypeOf<string | true | undefined>();
    expectTypeOf<InitOptions['schemaFile']>().toEqualTypeOf<string | true | undefined>();
    expectTypeOf<DiffOptions['format']>().toEqualTypeOf<'md' | 'json'>();
    // no default: without --format, each output's extension chooses
    expectTypeOf<SummaryOptions['format']>().toEqualTypeOf<SummaryFormat | undefined>();
    expectTypeOf<SummaryFormat>().toEqualTypeOf<'md' | 'json' | 'csv' | 'html'>();
    // -o FILE, repeatable: every file given, none when none is
    expectTypeOf<SummaryOptions['output']>().toEqualTypeOf<string[]>();
    expectTypeOf<ShowOptions['format']>().toEqualTypeOf<'text' | 'md' | 'json' | undefined>();
    expectTypeOf<VerifyOptions['format']>().toEqualTypeOf<'text' | 'json'>();
    expectTypeOf<VerifyOptions['answers']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<VerifyOptions['questionnaire']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<VerifyOptions['lang']>().toEqualTypeOf<Language | undefined>();
    // --no-interactive: true unless given
    expectTypeOf<UpgradeOptions['interactive']>().toEqualTypeOf<boolean>();
    expectTypeOf<UpgradeOptions['dryRun']>().toEqualTypeOf<true | undefined>();
    expectTypeOf<UpgradeOptions['lang']>().toEqualTypeOf<Language | undefined>();
  });

  it('are what commander parses', () => {
    const program = declareProgram().exitOverride();
    const audit = declareAudit(program);
    program.parse(['audit', '-f', 'md', 'html', '--no-step-summary', '--resume'], {
      from: 'user',
    });
    expect(audit.opts()).toEqual({
      format: ['md', 'html'],
      stepSummary: false,
      resume: true,
      saveAnswers: './trustcheck-answers.yaml',
    });
  });

  it('offer the table’s report formats to audit --format', () => {
    const audit = declareAudit(declareProgram());
    const format = audit.options.find((o) => o.long === '--format');
    expect(format?.argChoices).toEqual(REPORT_FORMAT_IDS);
  });

  it('offer the summary table’s formats to summary --format, and take -o more than once', () => {
    const program = declareProgram().exitOverride();
    const summary = declareSummary(program);
    const format = summary.options.find((o) => o.long === '--format');
    expect(format?.argChoices).toEqual(SUMMARY_FORMAT_IDS);
    // -o takes one file each time: a report after it stays a report
    program.parse(['summary', '-o', 'a.html', 'r1.json', '-o', 'a.csv', 'r2.json'], {
      from: 'user',
    });
    expect(summary.opts()).toEqual({ output: ['a.html', 'a.csv'] });
    expect(summary.args).toEqual(['r1.json', 'r2.json']);
  });
});

describe('the global flags', () => {
  it('are read as declared, anywhere before a `--`', () => {
    expect(globalFlags(['audit', '--no-color'])).toEqual({
      noColor: true,
      quiet: false,
      printConfig: false,
    });
    expect(globalFlags(['--quiet', 'summary', 'r.json', '--print-config'])).toEqual({
      noColor: false,
      quiet: true,
      printConfig: true,
    });
    expect(globalFlags(['init', '--', '--no-color', '--quiet', '--print-config'])).toEqual({
      noColor: false,
      quiet: false,
      printConfig: false,
    });
  });

  it('are the program’s declared global options', () => {
    const longs = declareProgram().options.map((o) => o.long);
    expect(longs).toEqual(
      expect.arrayContaining([
        '--no-color',
        '--quiet',
        '--config',
        '--no-config',
        '--print-config',
      ]),
    );
  });
});
