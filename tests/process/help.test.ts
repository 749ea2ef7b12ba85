// Help that teaches: a purpose and real examples for every command; mistakes get suggestions.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, run } from '../support/helpers.js';

const commands = [
  ['audit'],
  ['init'],
  ['diff'],
  ['summary'],
  ['verify'],
  ['upgrade'],
  ['questionnaires'],
  ['questionnaires', 'list'],
  ['questionnaires', 'show'],
  ['questionnaires', 'validate'],
  ['questionnaires', 'new'],
  ['schema'],
  ['completion'],
];

describe('help', () => {
  it('trustcheck --help lists every command with its purpose, examples and exit codes', () => {
    const result = run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /^Usage: trustcheck \[options\] \[command\]\n\nAudit how trustable an organisation is to its customers\./,
    );
    for (const name of [
      'audit',
      'init',
      'diff',
      'summary',
      'verify',
      'upgrade',
      'questionnaires',
      'schema',
      'completion',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`\\n  ${name} `));
    }
    expect(result.stdout).toContain('Examples:\n  $ trustcheck init --subject "Acme B.V."');
    expect(result.stdout).toContain(
      'Exit codes: 0 done and the --fail-on policy holds, 1 the policy is violated,',
    );
  });

  it('trustcheck audit --help documents every option of the spec, with examples', () => {
    const result = run(['audit', '--help']);
    expect(result.code).toBe(0);
    for (const option of [
      '-a, --answers <files...>',
      '-q, --questionnaire <refs...>',
      '-f, --format <format...>',
      '-o, --output <files...>',
      '--out-dir <dir>',
      '--baseline <file>',
      '--fail-on <policy>',
      '--allow-incomplete',
      '--interactive',
      '--resume [file]',
      '--save-answers <file>',
      '--strict',
      '--subject <name>',
      '--lang <lang>',
    ]) {
      expect(result.stdout).toContain(option);
    }
    expect(result.stdout).toContain(
      '$ trustcheck audit --answers acme.yaml --format json -o report.json',
    );
  });

  it('trustcheck audit --help has examples for each of its users', () => {
    const help = run(['audit', '--help']).stdout;
    const groups = help
      .split('Examples:\n')[1]!
      .trim()
      .split('\n\n')
      .map((g) => g.split('\n'));
    expect(groups.map((g) => g[0]!.replace(/ \(.*/, '').trim())).toEqual([
      'A manager, at a terminal',
      'A consultant',
      'A team',
      'A CI job',
    ]);
    const [manager, consultant, team, ci] = groups.map((g) => g.slice(1).join('\n'));
    expect(team).toContain('$ trustcheck audit --team -a team/');
    expect(manager).toMatch(/^ {2}\$ trustcheck audit$/m);
    expect(manager).toContain('$ trustcheck audit --lang nl');
    expect(manager).toContain('$ trustcheck audit --resume');
    expect(consultant).toMatch(/\$ trustcheck audit --answers clients --out-dir reports/);
    expect(ci).toMatch(/\$ trustcheck audit .*--baseline \S+ .*-o report\.xml/);
    // every example is one the program accepts: its options are in the help above
    for (const line of help.split('\n').filter((l) => l.startsWith('  $ '))) {
      for (const option of line.match(/ (--?[a-z-]+)/g) ?? []) {
        expect(help.split('Examples:')[0]).toContain(option.trim());
      }
    }
  });

  it.each(commands.map((command) => [command.join(' '), command] as const))(
    '%s --help has a purpose and at least two examples',
    (_, command) => {
      const result = run([...command, '--help']);
      expect(result.code).toBe(0);
      const examples = result.stdout.split('Examples:\n')[1] ?? '';
      expect(examples.match(/^ {2}\$ /gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
    },
  );

  it('a mistyped command suggests the nearest one and exits 2', () => {
    const result = run(['audti']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("error: unknown command 'audti'\n(Did you mean audit?)\n");
  });

  it('a mistyped option suggests the nearest one', () => {
    const result = run(['init', '--subjet', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: unknown option '--subjet'\n(Did you mean --subject?)\n");
  });

  it.each([['--version'], ['-V'], ['-v']])('%s prints the version only', (flag) => {
    const result = run([flag]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(result.stderr).toBe('');
  });

  it('--version to a reader that has gone ends quietly', () => {
    const result = spawnSync('bash', ['-c', '"$0" "$1" --version | true', process.execPath, bin], {
      env: cleanEnv(),
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('-v and -V print the same, alone (answered before the program loads) or not', () => {
    const version = run(['--version']).stdout;
    for (const args of [
      ['-v'],
      ['-V'],
      ['--quiet', '-v'],
      ['--quiet', '-V'],
      ['--no-color', '--version'],
    ]) {
      const result = run(args);
      expect(result, args.join(' ')).toEqual({ code: 0, stdout: version, stderr: '' });
    }
    expect(run(['--help']).stdout).toMatch(/^ {2}-v, --version +print the version$/m);
  });
});

// the completion scripts are tested in completion.test.ts
