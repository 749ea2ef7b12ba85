// The config file, on the built binary: every name it may have and package.json's key, where the
// search looks (up to the project's root; outside a project, the current folder only), that
// JavaScript is never run, that flags win, --no-baseline, --config, --no-config, paths from the
// config's folder, errors at file:line:col, --print-config, and that a FIFO does not hang it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { read, root, run, tempDir } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const acme = join(root, 'examples', 'acme-answers.yaml');

/** Writes `text` to `file` under the temp folder, making its folders. */
function put(file: string, text: string): string {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** A project: a folder with .git (so the search stops there), and the example answers. */
function project(at = 'project'): string {
  mkdirSync(join(dir, at, '.git'), { recursive: true });
  mkdirSync(join(dir, at, 'trust'), { recursive: true });
  copyFileSync(acme, join(dir, at, 'trust', 'answers.yaml'));
  return join(dir, at);
}

/** `questionnaires list` prints JSON only when a config says so: a plain sign that it was read. */
const LIST_AS_JSON_YAML = 'questionnaires:\n  list:\n    format: json\n';
const LIST_AS_JSON = { questionnaires: { list: { format: 'json' } } };
const listedAsJson = (stdout: string): boolean => stdout.trimStart().startsWith('[');

describe('where the config file is found', () => {
  it.each([
    ['trustcheck.config.yaml', LIST_AS_JSON_YAML],
    ['trustcheck.config.yml', LIST_AS_JSON_YAML],
    ['trustcheck.config.json', JSON.stringify(LIST_AS_JSON)],
    ['.trustcheckrc', LIST_AS_JSON_YAML],
    ['.trustcheckrc', JSON.stringify(LIST_AS_JSON)],
    ['.trustcheckrc.yaml', LIST_AS_JSON_YAML],
    ['.trustcheckrc.json', JSON.stringify(LIST_AS_JSON)],
    ['package.json', JSON.stringify({ name: 'acme', trustcheck: LIST_AS_JSON })],
  ])('%s (%s)', (name, text) => {
    const cwd = project();
    put(`project/${name}`, text);
    const result = run(['questionnaires', 'list'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(listedAsJson(result.stdout)).toBe(true);
    expect(result.stderr).toBe('');
    const printed = run(['questionnaires', 'list', '--print-config'], { cwd });
    expect(parse(printed.stdout)).toEqual({
      command: 'questionnaires list',
      config: name,
      options: { format: 'json' },
    });
  });

  it('a package.json marks a project root: without the key it holds no config, and none above it is read', () => {
    put('project/trustcheck.config.yaml', LIST_AS_JSON_YAML);
    const cwd = project();
    put('project/sub/package.json', '{ "name": "sub" }\n');
    mkdirSync(join(cwd, 'sub', 'src'));
    for (const at of [join(cwd, 'sub'), join(cwd, 'sub', 'src')]) {
      const result = run(['questionnaires', 'list'], { cwd: at });
      expect(listedAsJson(result.stdout), at).toBe(false);
    }
  });

  it('from a subfolder up to the project root, and no further', () => {
    put('outer/trustcheck.config.yaml', LIST_AS_JSON_YAML);
    const cwd = project('outer/project');
    mkdirSync(join(cwd, 'a', 'b'), { recursive: true });
    expect(listedAsJson(run(['questionnaires', 'list'], { cwd: join(cwd, 'a', 'b') }).stdout)).toBe(
      false,
    );
    put('outer/project/trustcheck.config.yaml', LIST_AS_JSON_YAML);
    expect(listedAsJson(run(['questionnaires', 'list'], { cwd: join(cwd, 'a', 'b') }).stdout)).toBe(
      true,
    );
    // the nearest config file wins
    put('outer/project/a/trustcheck.config.yaml', 'questionnaires: { list: { format: table } }\n');
    expect(listedAsJson(run(['questionnaires', 'list'], { cwd: join(cwd, 'a', 'b') }).stdout)).toBe(
      false,
    );
  });

  it('a .git file (a worktree) marks a project root too', () => {
    put('outer/trustcheck.config.yaml', LIST_AS_JSON_YAML);
    put('outer/worktree/.git', 'gitdir: /elsewhere\n');
    mkdirSync(join(dir, 'outer', 'worktree', 'sub'));
    const result = run(['questionnaires', 'list'], { cwd: join(dir, 'outer', 'worktree', 'sub') });
    expect(listedAsJson(result.stdout)).toBe(false);
  });

  it('outside a project, only in the current folder', () => {
    // the temp folder's parents must hold no project for this to say anything
    for (let d = dir; d !== dirname(d); d = dirname(d)) {
      expect(existsSync(join(d, '.git')) || existsSync(join(d, 'package.json')), d).toBe(false);
    }
    put('loose/trustcheck.config.yaml', LIST_AS_JSON_YAML);
    mkdirSync(join(dir, 'loose', 'sub'));
    expect(listedAsJson(run(['questionnaires', 'list'], { cwd: join(dir, 'loose') }).stdout)).toBe(
      true,
    );
    const below = run(['questionnaires', 'list', '--print-config'], {
      cwd: join(dir, 'loose', 'sub'),
    });
    expect(parse(below.stdout)).toMatchObject({ config: null });
    expect(below.stdout).toMatch(/^# trustcheck questionnaires list: no config file in \.$/m);
  });

  it('two config files in one folder: the first is used, and the other is named', () => {
    const cwd = project();
    put('project/trustcheck.config.yaml', LIST_AS_JSON_YAML);
    put('project/.trustcheckrc', 'questionnaires: { list: { format: table } }\n');
    put('project/package.json', JSON.stringify({ trustcheck: {} }));
    const result = run(['questionnaires', 'list'], { cwd });
    expect(listedAsJson(result.stdout)).toBe(true);
    expect(result.stderr.split('\n')).toEqual([
      'warning: .trustcheckrc is not used: trustcheck.config.yaml in the same folder comes first; keep one config file',
      'warning: package.json is not used: trustcheck.config.yaml in the same folder comes first; keep one config file',
      '',
    ]);
  });
});

describe('JavaScript is never run as a config', () => {
  // what each file would do if it were run
  const marker = (name: string) =>
    `require('node:fs').writeFileSync(${JSON.stringify(join('RAN', name))}, 'ran');\nmodule.exports = ${JSON.stringify(LIST_AS_JSON)};\n`;

  it.each([
    'trustcheck.config.js',
    'trustcheck.config.cjs',
    'trustcheck.config.mjs',
    '.trustcheckrc.js',
  ])('%s is not run, and a warning says so', (name) => {
    const cwd = project();
    mkdirSync(join(cwd, 'RAN'));
    put(`project/${name}`, marker(name));
    const result = run(['questionnaires', 'list'], { cwd });
    expect(result.code).toBe(0);
    expect(listedAsJson(result.stdout)).toBe(false);
    expect(existsSync(join(cwd, 'RAN', name))).toBe(false);
    expect(result.stderr).toBe(
      `warning: ${name} is not read: trustcheck never runs JavaScript as a config; write its options in trustcheck.config.yaml (or .json)\n`,
    );
  });

  it('beside a YAML config, the YAML is used and the JavaScript named', () => {
    const cwd = project();
    mkdirSync(join(cwd, 'RAN'));
    put('project/trustcheck.config.js', marker('js'));
    put('project/trustcheck.config.yaml', LIST_AS_JSON_YAML);
    const result = run(['questionnaires', 'list'], { cwd });
    expect(listedAsJson(result.stdout)).toBe(true);
    expect(result.stderr).toContain('trustcheck.config.js is not read');
    expect(existsSync(join(cwd, 'RAN', 'js'))).toBe(false);
  });

  it('nor when named with --config', () => {
    const cwd = project();
    mkdirSync(join(cwd, 'RAN'));
    put('project/my.config.cjs', marker('cjs'));
    const result = run(['--config', 'my.config.cjs', 'questionnaires', 'list'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: my.config.cjs: is JavaScript: trustcheck never runs a config file; write the options as YAML (trustcheck.config.yaml) or JSON\n',
    );
    expect(existsSync(join(cwd, 'RAN', 'cjs'))).toBe(false);
  });
});

describe('the options a config gives', () => {
  it('the command line wins over the config', () => {
    const cwd = project();
    put('project/trustcheck.config.yaml', LIST_AS_JSON_YAML);
    const result = run(['questionnaires', 'list', '--format', 'table'], { cwd });
    expect(result.code).toBe(0);
    expect(listedAsJson(result.stdout)).toBe(false);
    const printed = parse(
      run(['questionnaires', 'list', '-f', 'table', '--print-config'], { cwd }).stdout,
    ) as unknown;
    expect(printed).toEqual({
      command: 'questionnaires list',
      config: 'trustcheck.config.yaml',
      options: { format: 'table' },
    });
  });

  it('a top-level lang is every command’s, unless its own map has one', () => {
    const cwd = project();
    put('project/trustcheck.config.yaml', 'lang: nl\ninit:\n  lang: en\n');
    const shown = run(['questionnaires', 'show', 'trustability', '-f', 'md'], { cwd });
    expect(shown.stdout).toMatch(/^# Betrouwbaarheidstest/m);
    const init = run(['init', '-', '-q', 'trustability'], { cwd });
    expect(init.stdout).toMatch(/^language: en$/m);
    expect(run(['init', '-', '-q', 'trustability', '--lang', 'nl'], { cwd }).stdout).toMatch(
      /^language: nl$/m,
    );
  });

  it('a CI job: answers, baseline, outputs and policy from the config, the verdict naming it', () => {
    const cwd = project();
    const first = run(
      ['audit', '-a', 'trust/answers.yaml', '--fail-on', 'never', '-o', 'trust/baseline.json'],
      { cwd },
    );
    expect(first.code, first.stderr).toBe(0);
    put(
      'project/trustcheck.config.yaml',
      [
        'audit:',
        '  answers: trust/answers.yaml',
        '  baseline: trust/baseline.json',
        '  fail-on: regression',
        '  output: [reports/report.md, reports/report.json]',
        '',
      ].join('\n'),
    );
    mkdirSync(join(cwd, 'reports'));
    const result = run(['audit'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(cwd, 'reports', 'report.md'))).toBe(true);
    const report = JSON.parse(read(join(cwd, 'reports', 'report.json'))) as {
      comparison: unknown;
    };
    expect(report.comparison).not.toBeNull();
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(
      'Acme B.V.: no regressions against trust/baseline.json (exit 0); the audit: failed, 7 of 10 questions pass, 32 of 37 statements true; options from trustcheck.config.yaml',
    );
    // in the audit's language
    const nl = run(['audit', '--lang', 'nl'], { cwd });
    expect(nl.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /; instellingen uit trustcheck\.config\.yaml$/,
    );
  });

  it('a summary writes every output a config lists, as -o given again on the command line', () => {
    const cwd = project();
    const audited = run(
      ['audit', '-a', 'trust/answers.yaml', '--fail-on', 'never', '-o', 'trust/report.json'],
      { cwd },
    );
    expect(audited.code, audited.stderr).toBe(0);
    put(
      'project/trustcheck.config.yaml',
      'summary:\n  output: [reports/portfolio.csv, reports/portfolio.html]\n',
    );
    mkdirSync(join(cwd, 'reports'));
    const result = run(['summary', 'trust/report.json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(read(join(cwd, 'reports', 'portfolio.csv'))).toMatch(/^"subject",/);
    expect(read(join(cwd, 'reports', 'portfolio.html'))).toMatch(/^<!doctype html>/i);
    // one file alone is a list of one
    put('project/trustcheck.config.yaml', 'summary:\n  output: reports/one.csv\n');
    expect(run(['summary', 'trust/report.json'], { cwd }).code).toBe(0);
    expect(existsSync(join(cwd, 'reports', 'one.csv'))).toBe(true);
  });

  it('relative paths resolve from the config file’s folder, wherever trustcheck runs', () => {
    const cwd = project();
    run(['audit', '-a', 'trust/answers.yaml', '--fail-on', 'never', '-o', 'trust/baseline.json'], {
      cwd,
    });
    put(
      'project/trustcheck.config.yaml',
      'audit:\n  answers: trust/answers.yaml\n  baseline: trust/baseline.json\n  output: out/report.json\n',
    );
    mkdirSync(join(cwd, 'out'));
    mkdirSync(join(cwd, 'deep', 'er'), { recursive: true });
    const result = run(['audit'], { cwd: join(cwd, 'deep', 'er') });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(cwd, 'out', 'report.json'))).toBe(true);
    expect(existsSync(join(cwd, 'deep', 'er', 'out'))).toBe(false);
    expect(result.stderr).toContain(
      'no regressions against ../../trust/baseline.json (exit 0); the audit: failed, 7 of 10 questions pass, 32 of 37 statements true; options from ../../trustcheck.config.yaml',
    );
    const printed = parse(
      run(['audit', '--print-config'], { cwd: join(cwd, 'deep', 'er') }).stdout,
    ) as {
      options: Record<string, unknown>;
    };
    expect(printed.options).toMatchObject({
      answers: ['../../trust/answers.yaml'],
      baseline: '../../trust/baseline.json',
      output: ['../../out/report.json'],
    });
  });

  it('a questionnaire given by path resolves too; an id stays an id', () => {
    const cwd = project();
    put(
      'project/checks/know-like-trust.yaml',
      read(join(root, 'examples', 'know-like-trust.yaml')),
    );
    put(
      'project/trustcheck.config.yaml',
      'init:\n  questionnaire: [trustability, checks/know-like-trust.yaml]\n',
    );
    mkdirSync(join(cwd, 'sub'));
    const printed = parse(run(['init', '--print-config'], { cwd: join(cwd, 'sub') }).stdout) as {
      options: Record<string, unknown>;
    };
    expect(printed.options.questionnaire).toEqual([
      'trustability',
      '../checks/know-like-trust.yaml',
    ]);
    const result = run(['init', 'answers.yaml'], { cwd: join(cwd, 'sub') });
    expect(result.code, result.stderr).toBe(0);
    expect(read(join(cwd, 'sub', 'answers.yaml'))).toMatch(/^ {2}know-like-trust:$/m);
  });

  it('fail-on takes a comma list or a list, and a wrong word is named with the forms that work', () => {
    const cwd = project();
    for (const value of ['[fail, overdue]', 'fail,overdue']) {
      put(
        'project/trustcheck.config.yaml',
        `audit:\n  answers: trust/answers.yaml\n  fail-on: ${value}\n`,
      );
      const printed = parse(run(['audit', '--print-config'], { cwd }).stdout) as {
        options: Record<string, unknown>;
      };
      expect(printed.options['fail-on']).toBe('fail,overdue');
      // Acme fails questions: exit 1 under `fail`
      expect(run(['audit', '-o', 'report.md'], { cwd }).code).toBe(1);
    }
    put('project/trustcheck.config.yaml', 'audit:\n  fail-on: [fail, never]\n');
    const never = run(['audit', '-a', 'trust/answers.yaml'], { cwd });
    expect(never.code).toBe(2);
    expect(never.stderr).toContain('never cannot be combined with another condition');
    put('project/trustcheck.config.yaml', 'audit:\n  fail-on: regresion\n');
    const wrong = run(['audit', '-a', 'trust/answers.yaml'], { cwd });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'error: trustcheck.config.yaml:2:12: "fail-on" must be fail, regression, overdue, never, or a comma list of them such as regression,overdue, found the text "regresion"\n',
    );
  });

  it('--no-baseline drops the config’s baseline', () => {
    const cwd = project();
    put(
      'project/trustcheck.config.yaml',
      'audit:\n  answers: trust/answers.yaml\n  baseline: trust/missing.json\n',
    );
    const used = run(['audit'], { cwd });
    expect(used.code).toBe(2);
    expect(used.stderr).toContain('trust/missing.json: no such report');
    const dropped = run(['audit', '--no-baseline', '-f', 'json'], { cwd });
    expect(dropped.code, dropped.stderr).toBe(1); // the default policy without a baseline: fail
    expect((JSON.parse(dropped.stdout) as { comparison: unknown }).comparison).toBeNull();
    expect(dropped.stderr.trimEnd().split('\n').at(-1)).toBe(
      'Acme B.V.: failed, 7 of 10 questions pass, 32 of 37 statements true (exit 1); options from trustcheck.config.yaml',
    );
  });

  it('--config FILE reads that file only; --no-config none', () => {
    const cwd = project();
    put('project/trustcheck.config.yaml', LIST_AS_JSON_YAML);
    put('project/conf/table.yaml', 'questionnaires: { list: { format: table } }\n');
    expect(
      listedAsJson(run(['questionnaires', 'list', '--config', 'conf/table.yaml'], { cwd }).stdout),
    ).toBe(false);
    expect(listedAsJson(run(['--no-config', 'questionnaires', 'list'], { cwd }).stdout)).toBe(
      false,
    );
    put('loose/list.json', JSON.stringify(LIST_AS_JSON));
    // outside the project too, and from a pipe
    expect(
      listedAsJson(
        run(['questionnaires', 'list', '--config', join(dir, 'loose', 'list.json')], { cwd })
          .stdout,
      ),
    ).toBe(true);
    const piped = run(['questionnaires', 'list', '--config', '/dev/stdin'], {
      cwd,
      input: LIST_AS_JSON_YAML,
    });
    expect(piped.code, piped.stderr).toBe(0);
    expect(listedAsJson(piped.stdout)).toBe(true);
    // package.json's key, named
    put('project/pkg/package.json', JSON.stringify({ trustcheck: LIST_AS_JSON }));
    expect(
      listedAsJson(run(['questionnaires', 'list', '--config', 'pkg/package.json'], { cwd }).stdout),
    ).toBe(true);
    put('project/pkg2/package.json', JSON.stringify({ name: 'x' }));
    const without = run(['questionnaires', 'list', '--config', 'pkg2/package.json'], { cwd });
    expect(without.code).toBe(2);
    expect(without.stderr).toBe(
      'error: pkg2/package.json: has no "trustcheck" key; add one with the options, or give a config file\n',
    );
    const missing = run(['questionnaires', 'list', '--config', 'nothere.yaml'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: nothere.yaml: no such config file; check the path\n');
  });

  it('--print-config prints the options and where each came from, and runs nothing', () => {
    const cwd = project();
    put(
      'project/trustcheck.config.yaml',
      'audit:\n  answers: trust/answers.yaml\n  output: report.md\n  strict: true\n',
    );
    const result = run(['audit', '--fail-on', 'never', '--print-config'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(existsSync(join(cwd, 'report.md'))).toBe(false);
    expect(result.stdout).toBe(
      [
        '# trustcheck audit: options from the command line, then trustcheck.config.yaml, then the defaults',
        '',
        'command: audit',
        'config: trustcheck.config.yaml',
        'options:',
        '  answers: # trustcheck.config.yaml',
        '    - trust/answers.yaml',
        '  output: # trustcheck.config.yaml',
        '    - report.md',
        '  step-summary: true # default',
        '  fail-on: never # command line',
        '  save-answers: ./trustcheck-answers.yaml # default',
        '  strict: true # trustcheck.config.yaml',
        '',
      ].join('\n'),
    );
    // a command whose arguments are required runs nothing either
    const diff = run(['diff', '--print-config', '--no-config'], { cwd });
    expect(diff.code).toBe(0);
    expect(parse(diff.stdout)).toEqual({
      command: 'diff',
      config: null,
      options: { format: 'md', 'fail-on': 'regression' },
    });
    expect(diff.stdout).toMatch(/^# trustcheck diff: config files are ignored \(--no-config\)$/m);
  });
});

describe('a config that is not valid', () => {
  it('says where and what, with did-you-mean, and exits 2 before the command runs', () => {
    const cwd = project();
    put(
      'project/trustcheck.config.yaml',
      [
        'lang: de',
        'baseline: trust/baseline.json',
        'audit:',
        '  fail_on: never',
        '  -o: report.md',
        '  no-step-summary: true',
        '  format: [pdf]',
        '  strict: yes',
        '  failOn: never',
        'summary:',
        '  fail-on: never',
        'questionnaires:',
        '  show:',
        '    formt: md',
        'completion: {}',
        'audti: {}',
        '',
      ].join('\n'),
    );
    const result = run(['questionnaires', 'list'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'error: trustcheck.config.yaml:1:7: "lang" must be one of en, nl, found the text "de"; did you mean "en"?',
      'error: trustcheck.config.yaml:2:1: "baseline" is an option of audit: put it under audit:',
      'error: trustcheck.config.yaml:4:3: trustcheck audit has no option "fail_on"; did you mean "fail-on"?',
      'error: trustcheck.config.yaml:5:3: "-o" is the short name of --output; write the long name, output:',
      'error: trustcheck.config.yaml:6:3: write "step-summary: false" instead of "no-step-summary"',
      'error: trustcheck.config.yaml:7:12: "format" must be one of md, json, junit, html, github, found the text "pdf"; did you mean "md"?',
      'error: trustcheck.config.yaml:8:11: "strict" must be true or false, found the text "yes"',
      'error: trustcheck.config.yaml:9:3: write the option\'s long name, fail-on:, instead of "failOn"',
      'error: trustcheck.config.yaml:11:3: trustcheck summary has no option "fail-on"; audit and diff have one: put it under audit: or diff:',
      'error: trustcheck.config.yaml:14:5: trustcheck questionnaires show has no option "formt"; did you mean "format"?',
      'error: trustcheck.config.yaml:15:1: trustcheck completion has no options to set; remove "completion"',
      'error: trustcheck.config.yaml:16:1: unknown key "audti"; did you mean "audit"?',
      '',
    ]);
  });

  it.each([
    [
      'a duplicate key',
      'trustcheck.config.yaml',
      'summary:\n  format: md\n  format: csv\n',
      'trustcheck.config.yaml:3:3: duplicate key "format" (first given at line 2:3); keep one of them',
    ],
    [
      'a list where a map belongs',
      'trustcheck.config.yaml',
      '- audit\n',
      'trustcheck.config.yaml:1:1: the config must be a map of commands and their options (key: value lines), found a list',
    ],
    [
      'a command that is not a map',
      '.trustcheckrc',
      'audit: fail\n',
      '.trustcheckrc:1:8: "audit" must be a map (key: value lines), found the text "fail"',
    ],
    [
      'broken JSON',
      '.trustcheckrc.json',
      '{ "summary": { "format": "csv" }\n',
      ".trustcheckrc.json:2:1: invalid JSON: Expected ',' or '}' after property value",
    ],
    [
      'a wrong value in package.json',
      'package.json',
      '{\n  "name": "acme",\n  "trustcheck": { "summary": { "output": 3 } }\n}\n',
      'package.json:3:42: "output" must be a text or a list, found the number 3',
    ],
    [
      'a custom tag',
      'trustcheck.config.yml',
      'summary: !!js/function "x"\n',
      'trustcheck.config.yml:1:10: custom tag !!js/function is not allowed; trustcheck files are plain data',
    ],
  ])('%s', (_, name, text, message) => {
    const cwd = project();
    put(`project/${name}`, text);
    const result = run(['summary', 'r.json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${message}\n`);
  });

  it('an empty file, or one of comments only, is a config without options', () => {
    const cwd = project();
    put('project/trustcheck.config.yaml', '# yaml-language-server: $schema=./config.schema.json\n');
    expect(parse(run(['summary', '--print-config'], { cwd }).stdout)).toEqual({
      command: 'summary',
      config: 'trustcheck.config.yaml',
      options: { output: [] },
    });
    put('project/trustcheck.config.yaml', '');
    expect(run(['summary', '--print-config'], { cwd }).code).toBe(0);
  });
});

describe('a config file that is not a plain file', () => {
  it('a FIFO named .trustcheckrc is refused at once, not waited on', () => {
    const cwd = project();
    execFileSync('mkfifo', [join(cwd, '.trustcheckrc')]);
    const started = Date.now();
    const result = run(['questionnaires', 'list'], { cwd, timeout: 15_000 });
    expect(result.code, 'ended by itself').toBe(2);
    expect(result.stderr).toBe(
      'error: .trustcheckrc: is a named pipe (FIFO), not a config file; remove it, or make it a plain file\n',
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a link to /dev/zero is refused, and a file over 5 MiB is not read', () => {
    const cwd = project();
    symlinkSync('/dev/zero', join(cwd, 'trustcheck.config.yaml'));
    const device = run(['questionnaires', 'list'], { cwd });
    expect(device.code).toBe(2);
    expect(device.stderr).toBe(
      'error: trustcheck.config.yaml: is a device, not a config file; remove it, or make it a plain file\n',
    );
    execFileSync('rm', [join(cwd, 'trustcheck.config.yaml')]);
    put('project/.trustcheckrc.yaml', `# ${'x'.repeat(6 * 1024 * 1024)}\n`);
    const big = run(['questionnaires', 'list'], { cwd });
    expect(big.code).toBe(2);
    expect(big.stderr).toBe(
      'error: .trustcheckrc.yaml: the config file is 6.0 MiB; trustcheck reads files of at most 5 MiB\n',
    );
  });
});

describe('trustcheck schema config', () => {
  it('is the published schema, and ajv holds real configs to it', () => {
    const result = run(['schema', 'config']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(read(join(root, 'schemas', 'config.schema.json')));
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(result.stdout) as object);
    const good = parse(
      [
        '# yaml-language-server: $schema=./node_modules/trustcheck/schemas/config.schema.json',
        'lang: nl',
        'audit:',
        '  answers: trust/answers.yaml',
        '  baseline: trust/baseline.json',
        '  fail-on: regression',
        '  output: [report.md, report.json, report.xml]',
        '  questionnaire: trustability',
        '  step-summary: false',
        '  resume: true',
        'summary: { format: html, output: portfolio.html }',
        'questionnaires: { show: { lang: en, format: md } }',
        '',
      ].join('\n'),
    ) as unknown;
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    for (const bad of [
      { audit: { 'fail-on': 'sometimes' } },
      { audit: { basline: 'x.json' } },
      { summary: { format: 'pdf' } },
      { lang: 'de' },
      { audit: { output: [] } },
      { completion: {} },
    ]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
    }
    // what the CLI says of each
    const cwd = project();
    put('project/trustcheck.config.json', JSON.stringify(good));
    expect(run(['summary', '--print-config'], { cwd }).code).toBe(0);
  });
});
