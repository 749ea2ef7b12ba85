// Shell completion, run in the real shells: bash (COMP_WORDS/COMPREPLY), zsh (its completion
// system in a pseudo-terminal, the script autoloaded from $fpath as when installed) and fish.
// Arguments and option values are completed with what the CLI accepts, files where a file is
// expected, and never with an option where a value is expected.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, run, tempDir } from '../support/helpers.js';
import { skipEachWith, unless } from '../support/skip.js';
import { TIMEOUT } from '../support/timeouts.js';

const has = (shell: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${shell}`], { encoding: 'utf8' }).status === 0;

/** The skip note of a shell's tests, or undefined when the shell is installed. */
const needs = (shell: string): string | undefined =>
  unless(has(shell), `${shell} is not installed (apt-get install ${shell})`);

let dir: string;
let cleanup: () => void;
const scripts: Record<string, string> = {};

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  // a folder to complete file names in
  mkdirSync(join(dir, 'work', 'reports'), { recursive: true });
  for (const file of ['acme.yaml', 'check.yml', 'baseline.json', 'notes.txt']) {
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

const ids = ['transparantie-apk', 'trustability'];
const files = ['acme.yaml', 'baseline.json', 'check.yml', 'notes.txt', 'reports'];

/** [words typed, what must be offered (exactly, as a set), what must not] */
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
  ['trustcheck audit --out-dir ', ['reports']],
  ['trustcheck --config ', files],
  ['trustcheck summary --config ', files],
];
/** [words typed, the options offered]: the program's options, also after a command */
const globalCases: [string, string[]][] = [
  ['trustcheck --print', ['--print-config']],
  ['trustcheck audit --print', ['--print-config']],
  ['trustcheck audit --no-c', ['--no-color', '--no-config']],
  ['trustcheck questionnaires show --con', ['--config']],
];
/** REFs: the built-in ids and the .yaml files (shells may add more files after these) */
const refCases: string[] = [
  'trustcheck audit -q ',
  'trustcheck audit -q trustability ',
  'trustcheck init -q ',
  'trustcheck questionnaires show ',
  'trustcheck verify report.json -q ',
];

const norm = (words: string[]): string[] =>
  [...new Set(words.map((w) => w.replace(/\/$/, '')).filter((w) => w !== ''))].sort();

describe('bash completion', () => {
  const complete = (line: string): string[] => {
    const words = line.split(' ');
    const result = spawnSync(
      'bash',
      [
        '--norc',
        '--noprofile',
        '-c',
        `eval "$SCRIPT"; COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}; _trustcheck; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      {
        cwd: join(dir, 'work'),
        env: { PATH: process.env.PATH, HOME: dir, SCRIPT: scripts.bash },
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    return result.stdout.split('\n');
  };

  it.each(cases)('%s', (line, expected) => {
    expect(norm(complete(line))).toEqual(expected);
  });

  it.each(refCases)('%s offers the built-in ids and .yaml files only', (line) => {
    expect(norm(complete(line))).toEqual(['acme.yaml', 'check.yml', 'reports', ...ids].sort());
    expect(norm(complete(`${line}trustability@`))).toEqual([
      'trustability@1.0.0',
      'trustability@1.1.0',
      'trustability@1.1.1',
    ]);
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
    for (const [line] of [...cases, ...refCases.map((l) => [l])]) {
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
    const lines = result.stdout.split('\n').filter((l) => l !== '');
    const offer = { words: lines.map((l) => l.split(' -- ')[0]!), lines };
    offers.set(line, offer);
    return offer;
  };

  it('completes commands with their descriptions on the first TAB', () => {
    const { words, lines } = complete('trustcheck ');
    expect(norm(words)).toEqual(cases[0]![1]);
    expect(lines.find((l) => l.startsWith('audit '))).toContain(
      'run an audit (interactive on a terminal, or from --answers)',
    );
  });

  // the capture sees every candidate zsh considers; for directories, _path_files also passes
  // the other files to compadd, to be filtered later, so only the spec is checked there
  it.each(cases.slice(1).filter(([line]) => !line.includes('--out-dir')))(
    '%s',
    (line, expected) => {
      expect(norm(complete(line).words)).toEqual(expected);
    },
  );

  it('trustcheck audit --out-dir completes directories', () => {
    expect(complete('trustcheck audit --out-dir ').words).toContain('reports');
    expect(scripts.zsh).toMatch(/--out-dir'\[[^\]]*\]:dir:_directories'/);
  });

  it.each(refCases)('%s offers the built-in ids with their titles, and .yaml files', (line) => {
    const { words, lines } = complete(line);
    expect(words).toEqual(expect.arrayContaining([...ids, 'acme.yaml', 'check.yml']));
    expect(lines.find((l) => l.startsWith('trustability '))).toContain('Trustability test');
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
    for (const [line] of cases.slice(1)) {
      expect(complete(line).words.filter((w) => w.startsWith('-'))).toEqual([]);
    }
  });
});

describe('fish completion', () => {
  skipEachWith(needs('fish'));
  const complete = (line: string): string[] => {
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
    return result.stdout.split('\n').map((l) => l.split('\t')[0]!);
  };
  beforeAll(() => writeFileSync(join(dir, 'trustcheck.fish'), scripts.fish!));

  it.each(cases)('%s', (line, expected) => {
    expect(norm(complete(line))).toEqual(expected);
  });

  it.each(refCases)('%s offers the built-in ids and .yaml files', (line) => {
    expect(complete(line)).toEqual(expect.arrayContaining([...ids, 'acme.yaml']));
  });

  it.each(globalCases)('%s', (line, expected) => {
    expect(norm(complete(line))).toEqual(expected);
  });
});
