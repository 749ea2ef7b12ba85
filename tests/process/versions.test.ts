// Comparing across questionnaire versions, end to end on the built binary: a 1.0.0 baseline of
// Acme (the example answers) against a 2.0.0 audit of the same, unchanged company passes under
// --fail-on regression and says, in every format and in both languages, that the version
// changed, with the true counts and the removed and added statements by their words; a statement
// that kept its meaning still regresses, and a dropped questionnaire is still a regression.
// Fallbacks of unshipped pins go only to a version that means the same.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Lexer } from 'marked';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, read, root, run, setAnswer, tempDir, write } from '../support/helpers.js';
import { markdownlint } from '../support/markdownlint.js';

const xsd = join(root, '..', 'shared', 'fixtures', 'JUnit.xsd');
const acme100 = join(fixtures, 'answers', 'valid', 'acme-1.0.0.yaml');

const CHANGED_EN =
  'Transparency check-up changed from 1.0.0 to 2.0.0: 3 statements removed, 3 added';
const CHANGED_NL =
  'Transparantie APK is veranderd van 1.0.0 naar 2.0.0: 3 uitspraken verwijderd, 3 toegevoegd';
const REMOVED = [
  'You have set up your product or service so that customers cannot make costly mistakes with it.',
  'You measure whether you deliver what you promised, and act when you do not.',
  'You ask customers to recommend you or write a review only after you have delivered what you promised.',
];
const ADDED = [
  'You have set up your product or service so that customers cannot make mistakes with it.',
  'You act in the customer’s interest, even when that means losing turnover or incurring costs at that moment.',
  'You deliver what you have promised your customers.',
];

let dir: string;
let cleanup: () => void;

interface Comparison {
  regressions: { statement: string }[];
  improvements: { statement: string }[];
  sectionRegressions: unknown[];
  added: { section: string; statement: string }[];
  removed: { section: string; statement: string }[];
  missingQuestionnaires: string[];
  versionChanges?: {
    questionnaire: string;
    from: string;
    to: string;
    removed: number;
    added: number;
  }[];
}

const json = (file: string) =>
  JSON.parse(read(join(dir, file))) as { comparison: Comparison | null; passed: boolean };

/** The company's 1.0.0 answers moved to 2.0.0, the new statements answered as given. */
function upgraded(name: string, answers: Record<string, string>): string {
  write(join(dir, name), read(acme100));
  const result = run(['upgrade', name, '--no-interactive'], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  let text = read(join(dir, name));
  for (const [statement, answer] of Object.entries(answers)) {
    text = setAnswer(text, statement, answer);
  }
  write(join(dir, name), text);
  return name;
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  const baseline = run(['audit', '-a', acme100, '-f', 'json', '-o', 'baseline.json'], {
    cwd: dir,
  });
  // Acme fails two questions, then as now: the baseline is written all the same
  expect(baseline.code, baseline.stderr).toBe(1);
  // the same company: the new statements say what the old ones said of it
  upgraded('acme.yaml', {
    'customers-cannot-make-mistakes': 'yes',
    'interest-over-turnover': 'yes',
    'promises-kept': 'yes',
  });
});
afterAll(() => cleanup());

describe('a 1.0.0 baseline against a 2.0.0 audit of the same company', () => {
  const outputs = ['report.md', 'report.html', 'report.json', 'report.xml'];

  it('audit --baseline exits 0 under --fail-on regression and says the version changed', () => {
    const result = run(
      [
        'audit',
        '-a',
        'acme.yaml',
        '--baseline',
        'baseline.json',
        '--fail-on',
        'regression',
        ...outputs.flatMap((o) => ['-o', o]),
      ],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    // said before the questions, with the removed and added statements by their words
    const at = lines.indexOf(CHANGED_EN);
    expect(at, result.stderr).toBeGreaterThanOrEqual(0);
    expect(lines.indexOf('Trustability test')).toBeGreaterThan(at);
    for (const text of REMOVED) expect(lines).toContain(`  removed: “${text}”`);
    for (const text of ADDED) expect(lines).toContain(`  added: “${text}”`);
    expect(result.stderr).not.toMatch(/^regression:/m);
    // the verdict: no regressions, and the baseline must be renewed, with trustcheck upgrade
    const verdict = lines.at(-1)!;
    expect(verdict).toMatch(/^Acme B\.V\.: no regressions against baseline\.json \(exit 0\); /);
    expect(verdict).toContain(
      'Transparency check-up changed from 1.0.0 to 2.0.0: renew the baseline with this report (answer files move to 2.0.0 with `trustcheck upgrade`)',
    );
  });

  it('JSON: the comparison holds the version change, and validates against the published schema', () => {
    const report = json('report.json');
    const c = report.comparison!;
    expect(c.regressions).toEqual([]);
    expect(c.versionChanges).toEqual([
      { questionnaire: 'trustability', from: '1.0.0', to: '1.1.1', removed: 0, added: 0 },
      { questionnaire: 'transparantie-apk', from: '1.0.0', to: '2.0.0', removed: 3, added: 3 },
    ]);
    expect(c.removed.map((x) => x.statement)).toEqual([
      'mistake-proof-offering',
      'deliver-what-you-promise',
      'trust-earned-first',
    ]);
    const schema = JSON.parse(read(join(root, 'schemas', 'report.schema.json'))) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    // and a report of before the field (a baseline of an older trustcheck) still reads
    expect(validate(json('baseline.json'))).toBe(true);
  });

  it('Markdown: says it at the top, lists the statements by their words, passes markdownlint', () => {
    const md = read(join(dir, 'report.md'));
    const top = md.split('\n## ')[0]!;
    expect(top).toContain(`**${CHANGED_EN}.**`);
    expect(top).toContain('Renew the baseline');
    expect(top).toContain('`trustcheck upgrade FILE`');
    // the lists, under headings of their own, never among the regressions
    const tokens = new Lexer({ gfm: true }).lex(md);
    const headings = tokens.filter((t) => t.type === 'heading').map((t) => t.raw.trim());
    expect(headings).toContain(
      '### Transparency check-up: in 1.0.0, not in 2.0.0 (removed, re-meant or moved)',
    );
    expect(headings).not.toContain('### Regressions');
    for (const text of REMOVED) expect(md).toContain(`- ${text} (\``);
    const lint = markdownlint(dir, ['report.md']);
    expect(lint.output).toMatch(/^Linting: 1 file$/m);
    expect(lint.problems, lint.output).toEqual([]);
    expect(lint.status, lint.output).toBe(0);
  });

  it('HTML: the banner says it, with the command as code', () => {
    const html = read(join(dir, 'report.html'));
    const banner = html.slice(html.indexOf('<header class="banner">'), html.indexOf('</header>'));
    expect(banner).toContain(`${CHANGED_EN}.`);
    expect(banner).toContain('<code>trustcheck upgrade FILE</code>');
    for (const text of REMOVED) expect(html).toContain(text);
  });

  it.skipIf(!existsSync(xsd))(
    'JUnit: says it at the top and in its suite, valid, no failure',
    async () => {
      const xml = read(join(dir, 'report.xml'));
      expect(xml.split('\n')[1]).toBe(
        '<!-- Trustability test changed from 1.0.0 to 1.1.1: 0 statements removed, 0 added -->',
      );
      expect(xml.split('\n')[2]).toBe(`<!-- ${CHANGED_EN} -->`);
      expect(xml).toContain(`<property name="version-change" value="${CHANGED_EN}"/>`);
      expect(xml).toContain('<property name="baseline-version" value="1.0.0"/>');
      expect(xml).not.toContain('<failure');
      const systemOut = /<system-out>([^<]*)<\/system-out>/.exec(
        xml.slice(xml.indexOf('transparantie-apk@2.0.0')),
      )![1]!;
      expect(systemOut).toContain(`${CHANGED_EN}.`);
      for (const text of ADDED) expect(systemOut).toContain(`- ${text.replace(/’/g, '’')}`);
      const result = await validateXML({
        xml: [{ fileName: 'report.xml', contents: xml }],
        schema: [{ fileName: 'JUnit.xsd', contents: readFileSync(xsd, 'utf8') }],
      });
      expect(result.errors).toEqual([]);
    },
  );

  it('-f github: a notice first, no error annotation', () => {
    const result = run(
      ['audit', '-a', 'acme.yaml', '--baseline', 'baseline.json', '-f', 'github'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(
      /^::notice title=trustcheck%3A Transparency check-up 1\.0\.0 → 2\.0\.0::Transparency check-up changed from 1\.0\.0 to 2\.0\.0: 3 statements removed, 3 added\. /,
    );
    for (const text of REMOVED) expect(lines[1]).toContain(`%0A- ${text}`);
    expect(result.stdout).not.toContain('::error');
    expect(lines.at(-1)).toMatch(/^::notice title=trustcheck::Acme B\.V\.: no regressions/);
  });

  it('diff: exits 0 and says it, in Markdown, in JSON and on stderr', () => {
    const md = run(['diff', 'baseline.json', 'report.json'], { cwd: dir });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout.split('\n## ')[0]).toContain(`**${CHANGED_EN}.**`);
    for (const text of REMOVED) expect(md.stdout).toContain(`- ${text} (\``);
    expect(md.stderr).toContain(`${CHANGED_EN}\n`);
    expect(md.stderr).toContain('trustcheck upgrade FILE');
    expect(md.stderr.trimEnd().split('\n').at(-1)).toBe(
      '0 regressions, 0 improvements, 3 added, 3 removed',
    );
    const data = run(['diff', 'baseline.json', 'report.json', '-f', 'json'], { cwd: dir });
    expect(data.code).toBe(0);
    expect((JSON.parse(data.stdout) as Comparison).versionChanges).toEqual(
      json('report.json').comparison!.versionChanges,
    );
  });

  it('in Dutch too: every format and the verdict', () => {
    const result = run(
      [
        'audit',
        '-a',
        'acme.yaml',
        '--baseline',
        'baseline.json',
        '--lang',
        'nl',
        '-o',
        'nl.md',
        '-o',
        'nl.html',
        '-o',
        'nl.xml',
      ],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`${CHANGED_NL}\n`);
    expect(result.stderr).toContain(
      'Transparantie APK is veranderd van 1.0.0 naar 2.0.0: vernieuw de basislijn met dit rapport (antwoordbestanden zet je over naar 2.0.0 met `trustcheck upgrade`)',
    );
    expect(result.stderr).toContain('  verwijderd: “');
    expect(read(join(dir, 'nl.md'))).toContain(`**${CHANGED_NL}.**`);
    expect(read(join(dir, 'nl.md'))).toContain('Vernieuw de basislijn');
    expect(read(join(dir, 'nl.html'))).toContain(`${CHANGED_NL}.`);
    expect(read(join(dir, 'nl.xml'))).toContain(`<!-- ${CHANGED_NL} -->`);
    const github = run(
      ['audit', '-a', 'acme.yaml', '--baseline', 'baseline.json', '--lang', 'nl', '-f', 'github'],
      { cwd: dir },
    );
    expect(github.stdout).toContain(`::${CHANGED_NL}. `);
  });
});

describe('what still counts across a version change', () => {
  it('new statements answered no, or left unanswered: no regression (a question failing only on them is none)', () => {
    upgraded('new-no.yaml', {
      'customers-cannot-make-mistakes': 'no',
      'interest-over-turnover': 'no',
      'promises-kept': 'no',
    });
    const result = run(['audit', '-a', 'new-no.yaml', '--baseline', 'baseline.json'], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/no regressions against baseline\.json \(exit 0\)/);
    upgraded('new-open.yaml', {});
    const open = run(
      ['audit', '-a', 'new-open.yaml', '--baseline', 'baseline.json', '--allow-incomplete'],
      { cwd: dir },
    );
    expect(open.code, open.stderr).toBe(0);
  });

  it('a statement that kept its meaning and is no longer true is a regression', () => {
    upgraded('sorry.yaml', {
      'customers-cannot-make-mistakes': 'yes',
      'interest-over-turnover': 'yes',
      'promises-kept': 'yes',
      'say-sorry': 'no',
    });
    const result = run(
      [
        'audit',
        '-a',
        'sorry.yaml',
        '--baseline',
        'baseline.json',
        '-f',
        'json',
        '-o',
        'sorry.json',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'regression: “When you make a mistake, you simply say sorry to the customer.” was satisfied, now is not',
    );
    expect(json('sorry.json').comparison!.regressions.map((r) => r.statement)).toEqual([
      'say-sorry',
    ]);
  });

  it('a questionnaire missing from the current report is still a regression', () => {
    const text = read(join(dir, 'acme.yaml'));
    write(
      join(dir, 'only-trustability.yaml'),
      text.slice(0, text.indexOf('  # Transparency check-up')),
    );
    const result = run(['audit', '-a', 'only-trustability.yaml', '--baseline', 'baseline.json'], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'regression: questionnaire “Transparency check-up” is in the baseline but not in this audit',
    );
  });
});

describe('a pin that is not shipped', () => {
  const pinned = (version: string) => {
    write(
      join(dir, `pin-${version}.yaml`),
      read(acme100).replace(/(transparantie-apk:\n {4}version: )1\.0\.0/, `$1${version}`),
    );
    return `pin-${version}.yaml`;
  };

  it('1.0.x falls back to 1.0.0, never to 1.1.0, with a warning; --strict refuses it', () => {
    const file = pinned('1.0.1');
    const result = run(['audit', '-a', file, '-f', 'json'], { cwd: dir });
    expect(result.stderr).toContain(
      'transparantie-apk 1.0.1 is not shipped; using 1.0.0, which gives every statement the same meaning',
    );
    const report = JSON.parse(result.stdout) as {
      questionnaires: { id: string; version: string }[];
    };
    expect(report.questionnaires.find((q) => q.id === 'transparantie-apk')?.version).toBe('1.0.0');
    expect(run(['audit', '-a', file, '--strict'], { cwd: dir }).code).toBe(2);
  });

  it('of a major with no shipped release is an error that names the versions', () => {
    const result = run(['audit', '-a', pinned('3.0.0')], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no version 3.x is shipped (shipped: 2.0.0, 1.1.0, 1.0.0)');
  });

  it('-q with the newest version against 1.0.0 answers: an error that names trustcheck upgrade', () => {
    const result = run(['audit', '-a', acme100, '-q', 'trustability', '-q', 'transparantie-apk'], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'these answers were given against transparantie-apk 1.0.0, but transparantie-apk is version 2.0.0 (another major version); move the answers to 2.0.0 with `trustcheck upgrade',
    );
    // 1.1.0 re-meant statements: 1.0.0 answers are not read against it either
    const minor = run(
      ['audit', '-a', acme100, '-q', 'trustability@1.0.0', '-q', 'transparantie-apk@1.1.0'],
      {
        cwd: dir,
      },
    );
    expect(minor.code).toBe(2);
    expect(minor.stderr).toContain(
      'these answers were given against transparantie-apk 1.0.0, but transparantie-apk@1.1.0 is version 1.1.0, and 1.1.0 changed what statements mean; give -q transparantie-apk@1.0.0, or answer it again',
    );
  });
});
