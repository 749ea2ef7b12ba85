// The config's description comes from the commands' declarations: every long option of every
// command with options is a key, with its choices, so a new option is configurable without a
// second list; the values a command takes; and the CLI's check agrees with the published schema.
import fs, { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { checkConfig } from '../../src/app/config.js';
import { describeConfig } from '../../src/cli/config-options.js';
import { declareAudit, declareProgram } from '../../src/cli/declarations.js';
import { declaredProgram } from '../../src/cli/main.js';
import {
  configSchema,
  configuredValues,
  unknownKeyIssues,
  type ConfigCommand,
} from '../../src/core/config.js';
import { searchConfig, type FoundConfig } from '../../src/io/config-file.js';

const root = join(import.meta.dirname, '..', '..');
const description = describeConfig(declaredProgram());
const command = (name: string): ConfigCommand =>
  description.commands.find((c) => c.path.join(' ') === name)!;

describe('what a config may hold, from the declarations', () => {
  it('every command with options, nested as on the command line; the others named as bare', () => {
    expect(description.commands.map((c) => c.path.join(' '))).toEqual([
      'audit',
      'init',
      'diff',
      'summary',
      'verify',
      'upgrade',
      'questionnaires list',
      'questionnaires show',
      'questionnaires new',
      'schema',
    ]);
    expect(description.bare.map((b) => b.join(' '))).toEqual([
      'questionnaires validate',
      'completion',
    ]);
    expect(description.languages).toEqual(['en', 'nl']);
  });

  it('each long option of a command is a key, with what it takes', () => {
    const program = declaredProgram();
    for (const c of description.commands) {
      let declared: CommandUnknownOpts = program;
      for (const name of c.path) declared = declared.commands.find((d) => d.name() === name)!;
      const longs = declared.options
        .filter(
          (o) =>
            !(
              o.negate &&
              declared.options.some((p) => !p.negate && p.attributeName() === o.attributeName())
            ),
        )
        .map((o) => o.long!.replace(/^--(no-)?/, ''));
      expect(
        c.options.map((o) => o.key),
        c.path.join(' '),
      ).toEqual(longs);
    }
    const audit = command('audit');
    const key = (k: string) => audit.options.find((o) => o.key === k)!;
    expect(key('fail-on')).toMatchObject({
      takes: 'value',
      choices: ['fail', 'regression', 'never'],
    });
    expect(key('format')).toMatchObject({ takes: 'value', variadic: true, short: '-f' });
    expect(key('answers')).toMatchObject({ value: 'path', variadic: true });
    expect(key('questionnaire')).toMatchObject({ value: 'ref' });
    expect(key('subject')).toMatchObject({ value: 'text' });
    expect(key('step-summary')).toMatchObject({ takes: 'negated', attribute: 'stepSummary' });
    expect(key('resume')).toMatchObject({ takes: 'optional-value', value: 'path' });
    expect(key('save-answers')).toMatchObject({ default: './trustcheck-answers.yaml' });
    // --no-baseline is the command line's way to drop the config's baseline, not a key
    expect(audit.options.filter((o) => o.attribute === 'baseline')).toEqual([
      expect.objectContaining({ key: 'baseline', takes: 'value', value: 'path' }),
    ]);
  });

  it('a new option is a key at once, with its choices, in the schema too', () => {
    const program = declareProgram();
    declareAudit(program)
      .addOption(new Option('--sign-with <file>', 'a key to sign the report with'))
      .addOption(new Option('--tone <tone>', 'how the report speaks').choices(['plain', 'formal']));
    const described = describeConfig(program);
    const audit = described.commands[0]!;
    expect(audit.options.at(-2)).toMatchObject({ key: 'sign-with', value: 'path' });
    expect(audit.options.at(-1)).toMatchObject({ key: 'tone', choices: ['plain', 'formal'] });
    const schema = configSchema(described, { id: 'urn:x', title: 'x' }) as {
      properties: { audit: { properties: Record<string, unknown> } };
    };
    expect(schema.properties.audit.properties.tone).toEqual({
      description: 'how the report speaks',
      enum: ['plain', 'formal'],
    });
  });
});

describe('the values a command takes from a config', () => {
  const values = (config: Record<string, unknown>, name: string) =>
    Object.fromEntries([...configuredValues(config, command(name))].map(([o, v]) => [o.key, v]));

  it('as the command line gives them: a list for a variadic option, a flag that is off left out', () => {
    expect(
      values(
        {
          audit: {
            answers: 'a.yaml',
            format: ['md', 'json'],
            strict: false,
            force: true,
            'step-summary': false,
            resume: 'saved.yaml',
          },
        },
        'audit',
      ),
    ).toEqual({
      answers: ['a.yaml'],
      format: ['md', 'json'],
      force: true,
      'step-summary': false,
      resume: 'saved.yaml',
    });
  });

  it('the top-level lang for every command with --lang, its own lang first', () => {
    const config = { lang: 'nl', init: { lang: 'en' } };
    expect(values(config, 'audit')).toEqual({ lang: 'nl' });
    expect(values(config, 'questionnaires show')).toEqual({ lang: 'nl' });
    expect(values(config, 'init')).toEqual({ lang: 'en' });
    expect(values(config, 'summary')).toEqual({});
  });
});

describe('keys that are not options where they stand', () => {
  const messages = (config: unknown) =>
    unknownKeyIssues(config, description).map((i) => `${i.path.join('.')}: ${i.message}`);

  it('say where they belong, or what was meant', () => {
    expect(
      messages({
        format: 'md',
        questionnaires: { shwo: {}, format: 'json', validate: {} },
        init: { '--subject': 'Acme', q: 'trustability' },
        audit: { saveAnswers: 'x.yaml', 'no-strict': true },
      }),
    ).toEqual([
      'format: "format" is an option of audit, diff, summary, verify, questionnaires list and questionnaires show: put it under audit: or diff: or summary: or verify: or questionnaires: list: or questionnaires: show:',
      'questionnaires.shwo: trustcheck questionnaires has no command "shwo"; did you mean "show"?',
      'questionnaires.format: trustcheck questionnaires has no option "format"; audit, diff, summary, verify, questionnaires list and questionnaires show have one: put it under audit: or diff: or summary: or verify: or questionnaires: list: or questionnaires: show:',
      'questionnaires.validate: trustcheck questionnaires validate has no options to set; remove "validate"',
      'init.--subject: write the option\'s long name, subject:, instead of "--subject"',
      'init.q: "q" is the short name of --questionnaire; write the long name, questionnaire:',
      'audit.saveAnswers: write the option\'s long name, save-answers:, instead of "saveAnswers"',
      'audit.no-strict: write "strict: false" instead of "no-strict"',
    ]);
  });

  it('leave values to the schema, and known keys alone', () => {
    expect(
      messages({ lang: 'xx', audit: { 'fail-on': 3 }, questionnaires: { show: 'md' } }),
    ).toEqual([]);
    expect(messages([1, 2])).toEqual([]);
  });
});

describe('the CLI’s check and the published schema', () => {
  const schema = JSON.parse(
    readFileSync(join(root, 'schemas', 'config.schema.json'), 'utf8'),
  ) as object;
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  const found = (value: unknown): FoundConfig => ({
    file: 'trustcheck.config.json',
    folder: root,
    parsed: undefined,
    at: [],
    value,
  });

  it.each([
    [{}],
    [{ lang: 'nl', audit: { answers: ['a.yaml'], 'fail-on': 'never', 'step-summary': false } }],
    [{ questionnaires: { show: { lang: 'en', format: 'md' }, list: { format: 'json' } } }],
    [{ audit: { resume: true, format: 'html' } }],
    [{ $schema: './config.schema.json', schema: { generic: true } }],
    [{ lang: 'de' }],
    [{ audit: { 'fail-on': 'sometimes' } }],
    [{ audit: { answers: [] } }],
    [{ audit: { answers: '' } }],
    [{ audit: { strict: 'yes' } }],
    [{ audit: 'fail' }],
    [{ audit: { baseline: false } }],
    [{ summary: { format: ['csv'] } }],
    [{ completion: {} }],
    [{ questionnaires: { validate: {} } }],
    [{ diff: { 'no-strict': true } }],
  ])('agree on %j', (config) => {
    const cli = checkConfig(found(config), description);
    expect(cli.ok).toBe(validate(config));
  });
});

describe('the search', () => {
  it('leaves fs.readFileSync as it was, after a config, after a problem, and after none', () => {
    const before = fs.readFileSync;
    const dir = mkdtempSync(join(tmpdir(), 'trustcheck-config-'));
    try {
      mkdirSync(join(dir, '.git'));
      expect(searchConfig(dir)).toMatchObject({ ok: true, found: undefined });
      writeFileSync(join(dir, '.trustcheckrc'), 'summary:\n  format: csv\n');
      expect(searchConfig(dir)).toMatchObject({
        ok: true,
        found: { file: '.trustcheckrc', value: { summary: { format: 'csv' } } },
      });
      writeFileSync(join(dir, '.trustcheckrc'), 'summary: [\n');
      expect(searchConfig(dir)).toMatchObject({ ok: false });
      expect(fs.readFileSync).toBe(before);
      // and every other read in the meantime was the real one
      expect(fs.readFileSync(join(dir, '.trustcheckrc'), 'utf8')).toBe('summary: [\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
