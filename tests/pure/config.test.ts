// The config file's pure parts (src/core/config.ts), on a description made by hand: the JSON
// Schema each kind of option gets, the messages for keys that are not options where they stand,
// and the values a command takes.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  configSchema,
  configuredValues,
  unknownKeyIssues,
  type ConfigDescription,
  type ConfigOption,
} from '../../src/core/config.js';

const option = (key: string, more: Partial<ConfigOption> = {}): ConfigOption => ({
  key,
  attribute: key.replace(/-(.)/g, (_, c: string) => c.toUpperCase()),
  description: `the ${key}`,
  takes: 'value',
  variadic: false,
  value: 'text',
  ...more,
});

const description: ConfigDescription = {
  commands: [
    {
      path: ['report'],
      description: 'write a report',
      options: [
        option('strict', { takes: 'flag' }),
        option('step-summary', { takes: 'negated', attribute: 'stepSummary' }),
        option('output', { variadic: true, value: 'path', short: '-o' }),
        option('format', { choices: ['md', 'json'], default: 'md', short: '-f' }),
        option('resume', { takes: 'optional-value', value: 'path' }),
        option('lang', { choices: ['en', 'nl'] }),
      ],
    },
    {
      path: ['books', 'show'],
      description: 'show a book',
      options: [option('lang', { choices: ['en', 'nl'] })],
    },
  ],
  bare: [['books', 'check'], ['version']],
  languages: ['en', 'nl'],
};

const schema = configSchema(description, {
  id: 'urn:trustcheck:schema:test:0',
  title: 'test config',
});
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

describe('the config schema', () => {
  it('has a map per command, nested under its group, and a top-level lang', () => {
    expect(Object.keys(schema.properties as object)).toEqual([
      '$schema',
      'lang',
      'report',
      'books',
    ]);
    const books = (schema.properties as Record<string, { properties: object }>).books!;
    expect(Object.keys(books.properties)).toEqual(['show']);
  });

  it('gives each kind of option the values the command line gives it', () => {
    const report = (schema.properties as Record<string, { properties: Record<string, unknown> }>)
      .report!.properties;
    expect(report.strict).toEqual({ description: 'the strict', type: 'boolean' });
    expect(report['step-summary']).toEqual({
      description: 'false: the step-summary (as --no-step-summary); true is the default',
      type: 'boolean',
    });
    expect(report.format).toEqual({
      description: 'the format',
      enum: ['md', 'json'],
      default: 'md',
    });
    expect(report.output).toEqual({
      description: 'the output (one, or a list)',
      anyOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      ],
    });
    expect(report.resume).toEqual({
      description: 'the resume',
      anyOf: [{ type: 'boolean' }, { type: 'string', minLength: 1 }],
    });
  });

  it.each([
    [{}, true],
    [{ lang: 'nl', report: { output: 'a.md', format: 'json', strict: true } }, true],
    [{ report: { output: ['a.md', 'b.json'], resume: true, 'step-summary': false } }, true],
    [{ books: { show: { lang: 'en' } } }, true],
    [{ report: { output: [] } }, false],
    [{ report: { format: 'pdf' } }, false],
    [{ report: { strict: 'yes' } }, false],
    [{ books: { lang: 'en' } }, false],
    [{ books: { check: {} } }, false],
    [{ lang: 'fr' }, false],
  ])('%j: %s', (config, valid) => {
    expect(validate(config)).toBe(valid);
  });

  it('has no top-level lang when no command has one', () => {
    const without = configSchema({ ...description, languages: [] }, { id: 'x', title: 'x' });
    expect(Object.keys(without.properties as object)).not.toContain('lang');
  });
});

describe('keys that are not options', () => {
  const messages = (config: unknown) =>
    unknownKeyIssues(config, description).map((i) => [i.path.join('.'), i.at, i.message]);

  it('are placed at the key, each with where it belongs or what was meant', () => {
    expect(
      messages({
        strict: true,
        lang: 'en',
        report: { '-f': 'md', stepSummary: false, 'no-strict': true, ouptut: 'x', extra: 1 },
        books: { shwo: {}, check: {}, lang: 'nl' },
        version: {},
        zzz: 1,
      }),
    ).toEqual([
      ['strict', 'key', '"strict" is an option of report: put it under report:'],
      ['report.-f', 'key', '"-f" is the short name of --format; write the long name, format:'],
      [
        'report.stepSummary',
        'key',
        'write the option\'s long name, step-summary:, instead of "stepSummary"',
      ],
      ['report.no-strict', 'key', 'write "strict: false" instead of "no-strict"'],
      ['report.ouptut', 'key', 'trustcheck report has no option "ouptut"; did you mean "output"?'],
      [
        'report.extra',
        'key',
        'trustcheck report has no option "extra"; expected one of: strict, step-summary, output, format, resume, lang',
      ],
      ['books.shwo', 'key', 'trustcheck books has no command "shwo"; did you mean "show"?'],
      ['books.check', 'key', 'trustcheck books check has no options to set; remove "check"'],
      [
        'books.lang',
        'key',
        'trustcheck books has no option "lang"; report and books show have one: put it under report: or books: show:, or at the top of the config (then every command with --lang takes it)',
      ],
      ['version', 'key', 'trustcheck version has no options to set; remove "version"'],
      ['zzz', 'key', 'unknown key "zzz"; expected one of: $schema, lang, report, books'],
    ]);
  });

  it('a negated option given as "no-x" for a value: leave the value out', () => {
    expect(messages({ report: { 'no-output': true } })).toEqual([
      [
        'report.no-output',
        'key',
        '"no-output" is for the command line; to go without "output", leave it out of the config',
      ],
    ]);
  });
});

describe('the values a command takes', () => {
  const values = (config: Record<string, unknown>, path: string) =>
    Object.fromEntries(
      [
        ...configuredValues(
          config,
          description.commands.find((c) => c.path.join(' ') === path)!,
        ),
      ].map(([o, v]) => [o.key, v]),
    );

  it('as the command line gives them', () => {
    expect(
      values(
        { report: { output: 'a.md', strict: false, 'step-summary': false, resume: true } },
        'report',
      ),
    ).toEqual({ output: ['a.md'], 'step-summary': false, resume: true });
    expect(values({ report: { strict: true, resume: 'r.yaml' } }, 'report')).toEqual({
      strict: true,
      resume: 'r.yaml',
    });
  });

  it('the top-level lang where the command has --lang and its map none', () => {
    expect(values({ lang: 'nl' }, 'books show')).toEqual({ lang: 'nl' });
    expect(values({ lang: 'nl', books: { show: { lang: 'en' } } }, 'books show')).toEqual({
      lang: 'en',
    });
  });

  it('own keys only: a prototype name is not an option', () => {
    expect(
      values(JSON.parse('{"report": {"constructor": "x"}}') as Record<string, unknown>, 'report'),
    ).toEqual({});
  });
});
