// Shell completion, run in the real shells: bash (its completion function, given the words as
// bash splits them), zsh (its completion system in a pseudo-terminal, the script autoloaded from
// $fpath as when installed) and fish (`complete -C`). Every command, option and choice the
// program declares is completed, whoever added it; arguments and option values are completed
// with what the CLI accepts, files where a file is expected, and never with an option where a
// value is expected. tests/pty/completion.test.ts looks at the screens of the real shells.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandSpec, ValueKind } from '../../src/cli/commands/completion.js';
import { builtinIds as ids, declaredProgram, versionsOf } from '../support/completion.js';
import { root, run, tempDir } from '../support/helpers.js';
import { skipEachWith, unless } from '../support/skip.js';
import { TIMEOUT } from '../support/timeouts.js';

const has = (shell: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${shell}`], { encoding: 'utf8' }).status === 0;

/** The skip note of a shell's tests, or undefined when the shell is installed. */
const needs = (shell: string): string | undefined =>
  unless(has(shell), `${shell} is not installed (apt-get install ${shell})`);

const { program, specs } = await declaredProgram();
const words = (c: CommandSpec): string => ['trustcheck', ...c.path, ''].join(' ');

/** The values of a choice, sorted; none for any other kind of value. */
const choices = (value: ValueKind): string[] =>
  value.kind === 'choices' ? [...value.values].sort() : [];

/** Every subcommand, option value and argument value the declarations name, as [line, offer]. */
const declared: [string, string[]][] = specs.flatMap((c) => {
  const out: [string, string[]][] = [];
  if (c.subcommands.length > 0) out.push([words(c), c.subcommands.map((s) => s.name).sort()]);
  for (const o of c.options.filter((o) => o.value.kind === 'choices')) {
    for (const n of o.names) out.push([`${words(c)}${n} `, choices(o.value)]);
  }
  const arg = c.args[0];
  if (c.subcommands.length === 0 && arg?.value.kind === 'choices') {
    out.push([words(c), choices(arg.value)]);
  }
  return out;
});
/** Every command's options, offered after a `-`. */
const optionLists: [string, string[]][] = specs.map((c) => [
  `${words(c)}-`,
  c.options.flatMap((o) => o.names).sort(),
]);

let dir: string;
let cleanup: () => void;
const scripts: Record<string, string> = {};

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  // a folder to complete file names in
  mkdirSync(join(dir, 'work', 'reports'), { recursive: true });
  mkdirSync(join(dir, 'work', 'checks'), { recursive: true });
  // names a shell must neither split nor expand
  mkdirSync(join(dir, 'work', 'odd'), { recursive: true });
  for (const file of ['a b.yaml', 'q[12].yaml', 'q1.yaml'])
    writeFileSync(join(dir, 'work', 'odd', file), '');
  for (const file of [
    'acme.yaml',
    'check.yml',
    'baseline.json',
    'notes.txt',
    'checks/supplier.yaml',
    'checks/notes.md',
  ]) {
    writeFileSync(join(dir, 'work', file), '');
  }
  for (const shell of ['bash', 'zsh', 'fish']) {
    const result = run(['completion', shell]);
    expect(result.code).toBe(0);
    scripts[shell] = result.stdout;
  }
  mkdirSync(join(dir, 'fpath'));
  writeFileSync(join(dir, 'fpath', '_trustcheck'), scripts.zsh!);
});
afterAll(() => cleanup());

const files = ['acme.yaml', 'baseline.json', 'check.yml', 'checks', 'notes.txt', 'odd', 'reports'];
const questionnaireFiles = ['acme.yaml', 'check.yml', 'checks', 'odd', 'reports'];

/** [words typed, what must be offered (exactly, as a set)] */
const cases: [string, string[]][] = [
  [
    'trustcheck ',
    [
      'audit',
      'completion',
      'diff',
      'init',
      'questionnaires',
      'schema',
      'summary',
      'upgrade',
      'verify',
    ],
  ],
  ['trustcheck schema ', ['answers', 'config', 'questionnaire', 'report', 'summary']],
  ['trustcheck completion ', ['bash', 'fish', 'zsh']],
  ['trustcheck questionnaires ', ['list', 'new', 'show', 'validate']],
  ['trustcheck audit --format ', ['github', 'html', 'json', 'junit', 'md']],
  ['trustcheck summary -f ', ['csv', 'html', 'json', 'md']],
  ['trustcheck questionnaires list --format ', ['json', 'table']],
  ['trustcheck audit --fail-on ', ['fail', 'never', 'regression']],
  ['trustcheck diff a.json b.json --fail-on ', ['never', 'regression']],
  ['trustcheck audit --lang ', ['en', 'nl']],
  ['trustcheck init --lang ', ['en', 'nl']],
  ['trustcheck audit -a ', files],
  ['trustcheck audit -a acme.yaml ', files],
  ['trustcheck audit -o ', files],
  ['trustcheck audit --baseline ', files],
  ['trustcheck diff ', files],
  ['trustcheck summary ', files],
  ['trustcheck verify ', files],
  ['trustcheck verify report.json --answers ', files],
  ['trustcheck verify report.json -f ', ['json', 'text']],
  ['trustcheck verify report.json --lang ', ['en', 'nl']],
  ['trustcheck init ', files],
  ['trustcheck upgrade ', files],
  ['trustcheck upgrade acme.yaml --lang ', ['en', 'nl']],
  ['trustcheck audit --out-dir ', ['checks', 'odd', 'reports']],
  ['trustcheck --config ', files],
  ['trustcheck summary --config ', files],
];
/** File names with a blank and a pattern (zsh's capture sees them quoted, in parts: not checked) */
const oddCases: [string, string[]][] = [
  ['trustcheck audit -a odd/', ['odd/a b.yaml', 'odd/q1.yaml', 'odd/q[12].yaml']],
  ['trustcheck audit -q odd/q', ['odd/q1.yaml', 'odd/q[12].yaml']],
];
/** [words typed, the options offered]: the program's options, also after a command */
const globalCases: [string, string[]][] = [
  ['trustcheck --no-c', ['--no-color', '--no-config']],
  ['trustcheck audit --no-c', ['--no-color', '--no-config']],
  ['trustcheck --print', ['--print-config']],
  ['trustcheck audit --print', ['--print-config']],
  ['trustcheck questionnaires show --con', ['--config']],
  ['trustcheck questionnaires show --qu', ['--quiet']],
  // the version is asked for on its own, not after a command
  ['trustcheck audit --vers', []],
];
/** REFs: the built-in ids and the .yaml and .yml files and folders */
const refCases: string[] = [
  'trustcheck audit -q ',
  'trustcheck audit -q trustability ',
  'trustcheck init -q ',
  'trustcheck questionnaires show ',
  'trustcheck verify report.json -q ',
];

const norm = (offered: string[]): string[] =>
  [...new Set(offered.map((w) => w.replace(/\/$/, '')).filter((w) => w !== ''))].sort();

describe('the completion scripts are made from the declarations', () => {
  it('so every command of the program is in them, and only the commands', () => {
    expect(declared.length).toBeGreaterThan(10);
    const top = specs.find((c) => c.path.length === 0)!;
    expect(top.subcommands.map((s) => s.name)).toEqual(program.commands.map((c) => c.name()));
  });

  it('-v and --version print the version; -V does too, but is not offered', () => {
    const top = specs.find((c) => c.path.length === 0)!;
    const names = top.options.flatMap((o) => o.names);
    expect(names).toEqual(expect.arrayContaining(['-v', '--version']));
    expect(names).not.toContain('-V');
    // -v means the version: no command takes it for something else
    for (const c of specs.filter((s) => s.path.length > 0)) {
      expect(
        c.options.flatMap((o) => o.names),
        c.path.join(' '),
      ).not.toContain('-v');
    }
  });
});

describe('bash completion', () => {
  /**
   * What bash hands the completion function for `line` (the cursor at its end). With `breaks`,
   * bash's default COMP_WORDBREAKS: COMP_WORDS are split at @, : and = too, each its own word
   * (`trustability@1.` is `trustability`, `@`, `1.`), and the word readline replaces ($2) is the
   * end of the last one: from the @, or after the : or = (tests/pty/completion.test.ts checks
   * these in the real bash). Without, a COMP_WORDBREAKS without them: whole words.
   */
  const bashWords = (line: string, breaks: boolean): { words: string[]; replaced: string } => {
    const blank = line.split(' ');
    const last = blank.at(-1)!;
    if (!breaks) return { words: blank, replaced: last };
    const split = blank.flatMap((w) => (w === '' ? [''] : w.split(/([@:=])/).filter((p) => p)));
    const at = Math.max(last.lastIndexOf('@'), last.lastIndexOf(':'), last.lastIndexOf('='));
    const replaced = at < 0 ? last : last[at] === '@' ? last.slice(at) : last.slice(at + 1);
    return { words: split, replaced };
  };

  /** The words the line's last word can become (what readline would put in its place). */
  const complete = (line: string, breaks = true): string[] => {
    const { words, replaced } = bashWords(line, breaks);
    const last = line.split(' ').at(-1)!;
    const kept = last.slice(0, last.length - replaced.length);
    const result = spawnSync(
      'bash',
      [
        '--norc',
        '--noprofile',
        '-c',
        `eval "$SCRIPT"
        COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')})
        COMP_CWORD=${words.length - 1}
        COMP_LINE="$LINE"; COMP_POINT=\${#COMP_LINE}
        _trustcheck trustcheck "$REPLACED" "\${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      {
        cwd: join(dir, 'work'),
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          SCRIPT: scripts.bash,
          LINE: line,
          REPLACED: replaced,
        },
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    return result.stdout
      .split('\n')
      .filter((w) => w !== '')
      .map((w) => kept + w);
  };

  it.each([...declared, ...cases, ...oddCases])('%s', (line, expected) => {
    expect(norm(complete(line))).toEqual(expected);
    expect(norm(complete(line, false))).toEqual(expected);
  });

  it.each([...optionLists, ...globalCases])('%s offers the options', (line, expected) => {
    expect(norm(complete(line))).toEqual(expected);
  });

  it.each(refCases)('%s offers the built-in ids and .yaml files only', (line) => {
    expect(norm(complete(line))).toEqual([...questionnaireFiles, ...ids].sort());
  });

  it.each(ids)('-q %s@ offers every shipped version, however bash splits the word', (id) => {
    for (const breaks of [true, false]) {
      expect(norm(complete(`trustcheck audit -q ${id}@`, breaks))).toEqual(versionsOf(id));
      expect(norm(complete(`trustcheck audit -q acme.yaml ${id}@`, breaks))).toEqual(
        versionsOf(id),
      );
      expect(norm(complete(`trustcheck init -q ${id}@`, breaks))).toEqual(versionsOf(id));
      expect(norm(complete(`trustcheck questionnaires show ${id}@`, breaks))).toEqual(
        versionsOf(id),
      );
      expect(norm(complete(`trustcheck audit --questionnaire=${id}@`, breaks))).toEqual(
        versionsOf(id).map((v) => `--questionnaire=${v}`),
      );
    }
    // readline is given the part after the @ it keeps: the version, from the @
    const { words } = bashWords(`trustcheck audit -q ${id}@`, true);
    expect(words.slice(-2)).toEqual([id, '@']);
  });

  it('completes the value of --option=value', () => {
    expect(norm(complete('trustcheck audit --format='))).toEqual(
      ['github', 'html', 'json', 'junit', 'md'].map((f) => `--format=${f}`),
    );
    expect(norm(complete('trustcheck audit --format=j'))).toEqual([
      '--format=json',
      '--format=junit',
    ]);
    expect(norm(complete('trustcheck audit --out-dir=r'))).toEqual(['--out-dir=reports']);
    expect(norm(complete('trustcheck audit --baseline=ba'))).toEqual(['--baseline=baseline.json']);
    // a flag takes no value: nothing to offer
    expect(complete('trustcheck audit --strict=')).toEqual([]);
  });

  it.each(globalCases)('%s', (line, expected) => {
    expect(norm(complete(line))).toEqual(expected);
  });

  it('completes options after a dash, never where a value is expected', () => {
    expect(norm(complete('trustcheck audit --ba'))).toEqual(['--baseline']);
    expect(norm(complete('trustcheck audit -a acme.yaml --st'))).toEqual(['--strict']);
    expect(norm(complete('trustcheck --no-color audit --fail')).join()).toBe('--fail-on');
    expect(norm(complete('trustcheck audit --subject '))).toEqual([]);
    expect(norm(complete('trustcheck questionnaires new '))).toEqual([]);
    for (const line of [...declared, ...cases].map(([l]) => l).concat(refCases)) {
      expect(complete(line).filter((w) => w.startsWith('-'))).toEqual([]);
    }
  });
});

// each case starts an interactive zsh in a pseudo-terminal (about 0.2 s); compinit keeps what it
// found in a dump file, as a user's zsh does, so only the first one scans the system's functions
describe('zsh completion, installed as _trustcheck in $fpath', { timeout: TIMEOUT.shell }, () => {
  skipEachWith(needs('zsh'));
  // what TAB offers for a line, asked once: several tests look at the same offer
  const offers = new Map<string, { words: string[]; lines: string[] }>();
  /**
   * What TAB offers: each candidate (`words`) and its line (`word -- description`). Anything else
   * the completion printed on the terminal (an error of a completion function) fails the test.
   */
  const complete = (line: string): { words: string[]; lines: string[] } => {
    const known = offers.get(line);
    if (known) return known;
    const capture = join(root, 'tests', 'support', 'zsh-capture.zsh');
    const dump = join(dir, 'zcompdump');
    const result = spawnSync('zsh', ['-f', capture, join(dir, 'fpath'), line, dump], {
      cwd: join(dir, 'work'),
      env: { PATH: process.env.PATH, HOME: dir },
      encoding: 'utf8',
      timeout: 40_000,
    });
    expect(result.status, `${line}: ${result.error?.message ?? ''} ${result.stderr}`).toBe(0);
    const all = result.stdout.split('\n').filter((l) => l !== '');
    expect(
      all.filter((l) => l.startsWith('OUT:')).map((l) => l.slice(4)),
      line,
    ).toEqual([]);
    const offer = { words: all.map((l) => l.split(' -- ')[0]!), lines: all };
    offers.set(line, offer);
    return offer;
  };

  it('completes commands with their descriptions on the first TAB', () => {
    const { lines } = complete('trustcheck ');
    expect(lines.find((l) => l.startsWith('audit '))).toContain(
      'run an audit (interactive on a terminal, or from --answers)',
    );
  });

  it.each(declared)('%s', (line, expected) => {
    expect(norm(complete(line).words)).toEqual(expected);
  });

  // the capture sees every candidate zsh considers; for directories, _path_files also passes
  // the other files to compadd, to be filtered later (tests/pty sees the screen)
  it.each(cases.filter(([line]) => !line.includes('--out-dir')))('%s', (line, expected) => {
    expect(norm(complete(line).words)).toEqual(expected);
  });

  it('trustcheck audit --out-dir completes directories', () => {
    expect(complete('trustcheck audit --out-dir ').words).toContain('reports');
    expect(scripts.zsh).toMatch(/--out-dir='\[[^\]]*\]:dir:_directories'/);
  });

  it.each(refCases)('%s offers the built-in ids with their titles, and .yaml files', (line) => {
    const { words, lines } = complete(line);
    expect(words).toEqual(expect.arrayContaining([...ids, 'acme.yaml', 'check.yml']));
    expect(lines.find((l) => l.startsWith('trustability '))).toContain('Trustability test');
  });

  it.each(ids)('-q %s@ offers every shipped version', (id) => {
    expect(norm(complete(`trustcheck audit -q ${id}@`).words)).toEqual(versionsOf(id));
  });

  it.each(globalCases)('%s offers the options', (line, expected) => {
    expect(norm(complete(line).words)).toEqual(expected);
  });

  it('offers nothing after --version or --help, which run alone', () => {
    for (const line of ['trustcheck -v ', 'trustcheck --version ', 'trustcheck audit --help ']) {
      expect(complete(line).words, line).toEqual([]);
    }
  });

  it('completes the value of --option=value and -fVALUE', () => {
    expect(norm(complete('trustcheck audit --format=j').words)).toEqual(['json', 'junit']);
    expect(norm(complete('trustcheck audit -fj').words)).toEqual(['json', 'junit']);
  });

  it('registers itself when sourced instead (source <(trustcheck completion zsh))', () => {
    const result = spawnSync(
      'zsh',
      [
        '-f',
        '-c',
        'autoload -U compinit; compinit -u -D; source "$1"; print -r -- $_comps[trustcheck]',
        'zsh',
        join(dir, 'fpath', '_trustcheck'),
      ],
      { env: { PATH: process.env.PATH, HOME: dir }, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('_trustcheck\n');
  });

  it.each(globalCases)('%s', (line, expected) => {
    expect(norm(complete(line).words)).toEqual(expected);
  });

  it('describes options, and offers none where a value is expected', () => {
    const { lines } = complete('trustcheck audit --fa');
    expect(lines.find((l) => l.startsWith('--fail-on'))).toContain('when to exit 1');
    expect(norm(complete('trustcheck -').words)).toEqual(optionLists[0]![1]);
    for (const [line] of declared.filter(([l]) => l !== 'trustcheck ')) {
      expect(complete(line).words.filter((w) => w.startsWith('-'))).toEqual([]);
    }
  });
});

describe('fish completion', () => {
  skipEachWith(needs('fish'));
  /** Each candidate `complete -C` gives, as [word, description]. */
  const described = (line: string): [string, string | undefined][] => {
    const result = spawnSync(
      'fish',
      ['-c', `source $SCRIPT_FILE; complete -C ${JSON.stringify(line)}`],
      {
        cwd: join(dir, 'work'),
        env: { PATH: process.env.PATH, HOME: dir, SCRIPT_FILE: join(dir, 'trustcheck.fish') },
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    return result.stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('\t') as [string, string | undefined]);
  };
  const complete = (line: string): string[] => described(line).map(([w]) => w);
  beforeAll(() => writeFileSync(join(dir, 'trustcheck.fish'), scripts.fish!));

  it.each([...declared, ...cases, ...oddCases])('%s', (line, expected) => {
    expect(norm(complete(line))).toEqual(expected);
  });

  it.each([...optionLists, ...globalCases])('%s offers the options', (line, expected) => {
    expect(norm(complete(line))).toEqual(expected);
  });

  it.each(declared.filter(([line]) => / -/.test(line)))(
    '%s: each value without the option’s description',
    (line) => {
      for (const [word, description] of described(line)) {
        expect(description, `${line}${word}`).toBeUndefined();
      }
    },
  );

  it.each(refCases)('%s offers the built-in ids with their titles, and .yaml files', (line) => {
    const offered = described(line);
    expect(norm(offered.map(([w]) => w))).toEqual(
      [...questionnaireFiles, ...ids, ...ids.flatMap(versionsOf)].sort(),
    );
    expect(offered.find(([w]) => w === 'acme.yaml')).toEqual(['acme.yaml']);
    expect(offered.find(([w]) => w === 'trustability')?.[1]).toMatch(/^Trustability test \(/);
  });

  it.each(ids)('-q %s@ offers every shipped version', (id) => {
    expect(norm(complete(`trustcheck audit -q ${id}@`))).toEqual(versionsOf(id));
    expect(norm(complete(`trustcheck audit --questionnaire=${id}@`))).toEqual(
      versionsOf(id).map((v) => `--questionnaire=${v}`),
    );
  });

  it('completes questionnaire files in folders, and the value of --option=value', () => {
    expect(complete('trustcheck questionnaires show checks/')).toEqual(['checks/supplier.yaml']);
    expect(complete('trustcheck audit --questionnaire=che')).toEqual([
      '--questionnaire=check.yml',
      '--questionnaire=checks/',
    ]);
    expect(norm(complete('trustcheck audit --format=j'))).toEqual([
      '--format=json',
      '--format=junit',
    ]);
  });

  it.each(globalCases)('%s', (line, expected) => {
    expect(norm(complete(line))).toEqual(expected);
  });
});
