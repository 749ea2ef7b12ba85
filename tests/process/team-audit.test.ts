// A team audit from the built binary: three respondents answer for Acme (tests/fixtures/answers/
// team: Anna and Bas say yes where Chris says no; Bas says n/a where the others say yes), one
// report in every format; --anonymous leaves nothing that points at a person; files that do not
// belong together are refused, naming them; --allow-incomplete says who left what open; verify,
// diff and summary read a team report; init --respondents writes the templates.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, list, read, root, run, tempDir, write } from '../support/helpers.js';
import { markdownlint } from '../support/markdownlint.js';
import { shared } from '../support/skip.js';

const xsd = shared('fixtures/JUnit.xsd', "Apache Ant's JUnit schema");
const people = ['Anna de Vries', 'Bas Bakker', 'Chris Smit'];
const roles = ['Sales', 'Finance', 'Customer Care'];
const files = ['anna.yaml', 'bas.yaml', 'chris.yaml'];

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  cpSync(join(fixtures, 'answers', 'team'), join(dir, 'team'), { recursive: true });
});
afterAll(() => cleanup());

const audit = (args: string[]) => run(['audit', '--team', '-a', 'team', ...args], { cwd: dir });
/** A copy of the team folder with one file changed. */
function variant(name: string, file: string, change: (text: string) => string): string {
  cpSync(join(dir, 'team'), join(dir, name), { recursive: true });
  write(join(dir, name, file), change(read(join(dir, name, file))));
  return name;
}

describe('a team audit of three respondents', () => {
  const formats = ['md', 'html', 'json', 'xml'];
  beforeAll(() => {
    for (const lang of ['en', 'nl']) {
      const result = audit([
        '--lang',
        lang,
        ...formats.flatMap((f) => ['-o', `team-${lang}.${f}`]),
      ]);
      // one "no" of three fails the question that two answered yes
      expect(result.code, result.stderr).toBe(1);
    }
  });

  it('writes one report in which one no fails a question two answered yes', () => {
    const report = JSON.parse(read(join(dir, 'team-en.json'))) as {
      passed: boolean;
      date: string;
      assessor: null;
      respondents: { name: string; role: string; answers: string }[];
      questionnaires: {
        sections: {
          id: string;
          passed: boolean;
          statements: {
            id: string;
            answer: string;
            satisfied: boolean;
            answers: { respondent: string; answer: string; note: string | null }[];
          }[];
        }[];
      }[];
    };
    expect(report.passed).toBe(false);
    // the latest of the files' dates
    expect(report.date).toBe('2026-11-23');
    expect(report.assessor).toBeNull();
    expect(report.respondents).toEqual(
      people.map((name, i) => ({
        name,
        role: roles[i],
        answers: `sha256:${createHash('sha256')
          .update(readFileSync(join(dir, 'team', files[i]!)))
          .digest('hex')}`,
      })),
    );
    const section = report.questionnaires[0]!.sections.find((s) => s.id === 'economic-interests')!;
    expect(section.passed).toBe(false);
    const renewal = section.statements.find((s) => s.id === 'renewal-warning')!;
    expect(renewal).toMatchObject({ answer: 'no', satisfied: false });
    expect(renewal.answers.map((a) => [a.respondent, a.answer])).toEqual([
      ['Anna de Vries', 'yes'],
      ['Bas Bakker', 'yes'],
      ['Chris Smit', 'no'],
    ]);
    const warranty = section.statements.find((s) => s.id === 'warranty-expiry')!;
    expect(warranty).toMatchObject({ answer: 'na', satisfied: true });
    // every other question passes
    expect(report.questionnaires[0]!.sections.filter((s) => !s.passed)).toHaveLength(1);
  });

  it('lists the disagreements with names, the one that decides the verdict first', () => {
    const md = read(join(dir, 'team-en.md'));
    const top = md.slice(0, md.indexOf('## What to do'));
    expect(top).toContain('## Where your people disagree');
    expect(top).toContain(
      '3 respondents; 16 statements agreed true, 0 agreed not true, 2 disagreed.',
    );
    const renewal = top.indexOf('You warn customers before automatically renewing');
    const warranty = top.indexOf('You remind customers when their warranty');
    expect(renewal).toBeGreaterThan(0);
    expect(warranty).toBeGreaterThan(renewal);
    expect(top).toContain('**their answers decide the verdict**');
    expect(top).toContain(
      '  - Chris Smit (Customer Care): **no**: Gym plans renew without notice; customers call us about it. (Evidence: Support tickets 4411 and 4502)',
    );
    expect(top).toContain('  - Bas Bakker (Finance): n/a: Services only, no warranties sold.');
    // the appendix: each respondent's answer
    expect(md).toContain(
      'Anna de Vries (Sales): yes; Bas Bakker (Finance): yes; Chris Smit (Customer Care): **no**',
    );
    expect(md).toContain('  - Not true according to Chris Smit (Customer Care)');
    const nl = read(join(dir, 'team-nl.md'));
    expect(nl).toContain('## Waar uw mensen het oneens zijn');
    expect(nl).toContain('**hun antwoorden bepalen het oordeel**');
    expect(nl).toContain('Chris Smit (Customer Care): **nee**');
  });

  it('Markdown passes markdownlint (the pinned version, MD013 aside)', () => {
    const anonymous = audit(['--anonymous', '-o', 'anon-en.md']);
    expect(anonymous.code, anonymous.stderr).toBe(1);
    const mds = ['team-en.md', 'team-nl.md', 'anon-en.md'];
    const lint = markdownlint(dir, mds);
    expect(lint.output).toMatch(new RegExp(`^Linting: ${mds.length} files$`, 'm'));
    expect(lint.problems).toEqual([]);
    expect(lint.status).toBe(0);
  });

  it('JSON validates against the published report schema', () => {
    const schema = JSON.parse(read(join(root, 'schemas', 'report.schema.json'))) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    for (const lang of ['en', 'nl']) {
      const report = JSON.parse(read(join(dir, `team-${lang}.json`))) as unknown;
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('JUnit is valid and a failure names who said no', async (ctx) => {
    const xml = read(join(dir, 'team-en.xml'));
    expect(xml).toMatch(
      /<failure message="You warn customers before automatically renewing[^"]*" type="unsatisfied">answered no\nNot true according to Chris Smit \(Customer Care\)\n/,
    );
    if (xsd.missing) ctx.skip(xsd.missing);
    const result = await validateXML({
      xml: [{ fileName: 'team-en.xml', contents: xml }],
      schema: [{ fileName: 'JUnit.xsd', contents: readFileSync(xsd.path, 'utf8') }],
    });
    expect(result.errors).toEqual([]);
  });

  it('-f github annotates each no on its respondent’s file and line', () => {
    const result = audit(['-f', 'github']);
    expect(result.code).toBe(1);
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(1);
    const line =
      read(join(dir, 'team', 'chris.yaml'))
        .split('\n')
        .findIndex((l) => l.trim() === 'renewal-warning:') + 1;
    expect(errors[0]).toContain(`file=${join(dir, 'team', 'chris.yaml')},line=${line},`);
    expect(errors[0]).toContain('::Chris Smit: You warn customers before automatically renewing');
  });

  it('-f github is refused with --anonymous', () => {
    const result = audit(['--anonymous', '-f', 'github']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('-f github does not go with --anonymous');
  });
});

describe('--anonymous', () => {
  it('no name, role, file name or digest in any format, in either language', () => {
    const outputs: string[] = [];
    for (const lang of ['en', 'nl']) {
      for (const ext of ['md', 'html', 'json', 'xml']) {
        const out = `anon-${lang}.${ext}`;
        const result = audit(['--anonymous', '--lang', lang, '-o', out]);
        expect(result.code, result.stderr).toBe(1);
        outputs.push(read(join(dir, out)));
        // nor on stderr
        outputs.push(result.stderr);
      }
    }
    const digests = files.map((f) =>
      createHash('sha256')
        .update(readFileSync(join(dir, 'team', f)))
        .digest('hex'),
    );
    const forbidden = [
      ...people,
      ...people.map((p) => p.split(' ')[0]!),
      ...roles,
      ...files,
      ...files.map((f) => f.replace('.yaml', '')),
      ...digests,
    ];
    for (const text of outputs) {
      for (const word of forbidden) {
        // as a word ("Sales", not the questionnaire's "salespeople")
        const pattern = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
        expect(text, word).not.toMatch(pattern);
      }
    }
    const json = JSON.parse(read(join(dir, 'anon-en.json'))) as {
      anonymous: boolean;
      respondents: unknown[];
      questionnaires: {
        sections: {
          statements: {
            id: string;
            answers: Record<string, unknown>[];
            unattributed?: unknown;
          }[];
        }[];
      }[];
    };
    expect(json.anonymous).toBe(true);
    expect(json.respondents).toEqual(
      [1, 2, 3].map((n) => ({
        name: `Respondent ${n}`,
        role: null,
        answers: null,
      })),
    );
    const renewal = json.questionnaires[0]!.sections[0]!.statements.find(
      (s) => s.id === 'renewal-warning',
    )!;
    expect(renewal.answers[2]).toEqual({
      respondent: 'Respondent 3',
      answer: 'no',
      satisfied: false,
    });
    expect(renewal.unattributed).toEqual({
      notes: ['Gym plans renew without notice; customers call us about it.'],
      evidence: ['Support tickets 4411 and 4502'],
    });
    const md = read(join(dir, 'anon-en.md'));
    expect(md).toContain('  - Respondent 3: **no**');
    expect(md).toContain(
      '  - Notes and evidence (not attributed): Gym plans renew without notice; customers call us about it.',
    );
  });

  it('goes with --team only', () => {
    const result = run(['audit', '-a', 'team/anna.yaml', '--anonymous'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--anonymous goes with --team');
  });
});

describe('files that do not belong together', () => {
  it('another subject is refused, naming the file; --subject names it for all', () => {
    const folder = variant('subject', 'bas.yaml', (t) =>
      t.replace('subject: Acme B.V.', 'subject: Acme Holding'),
    );
    const result = run(['audit', '--team', '-a', folder], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the answer files do not name the same subject');
    expect(result.stderr).toContain(`${folder}/bas.yaml:2:`);
    expect(result.stderr).not.toMatch(/anna\.yaml:\d/);
    // the same subject after trimming and Unicode normalisation is the same
    const nfd = variant('nfd', 'bas.yaml', (t) =>
      t.replace('subject: Acme B.V.', `subject: "  Acme B.V.  "`),
    );
    expect(run(['audit', '--team', '-a', nfd], { cwd: dir }).code).toBe(1);
    const named = run(['audit', '--team', '-a', folder, '--subject', 'Acme', '-f', 'json'], {
      cwd: dir,
    });
    expect(named.code, named.stderr).toBe(1);
    expect(JSON.parse(named.stdout)).toMatchObject({ subject: 'Acme' });
  });

  it('another questionnaire version is refused, naming the file', () => {
    const folder = variant('version', 'chris.yaml', (t) =>
      t.replace('version: 1.0.0', 'version: 1.1.1'),
    );
    const result = run(['audit', '--team', '-a', folder], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('do not answer the same questionnaires at the same versions');
    expect(result.stderr).toContain(`${folder}/chris.yaml: answers trustability@1.1.1`);
  });

  it('the same assessor twice, or none, is refused', () => {
    const twice = variant('twice', 'bas.yaml', (t) =>
      t.replace('assessor: Bas Bakker', 'assessor: " anna de  VRIES"'),
    );
    const result = run(['audit', '--team', '-a', twice], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`also answered in ${twice}/anna.yaml`);
    const none = variant('none', 'chris.yaml', (t) => t.replace(/^assessor: .*\n/m, ''));
    const missing = run(['audit', '--team', '-a', none], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${none}/chris.yaml: a team audit needs to know who answered`);
  });

  it('--out-dir and --name do not go with --team', () => {
    expect(audit(['--out-dir', 'out']).stderr).toContain('--out-dir does not go with --team');
    expect(audit(['--out-dir', 'out']).code).toBe(2);
    expect(audit(['--name', '{file}']).code).toBe(2);
  });
});

describe('--assessor and --role outside a new interview', () => {
  it('are said to be ignored, in a team audit and a scripted one alike', () => {
    const team = audit(['--assessor', 'Dirk', '--role', 'Sales', '-o', 'ignored.json']);
    expect(team.code, team.stderr).toBe(1);
    expect(team.stderr).toContain(
      'warning: --assessor is written into the answers file of a new interactive audit only; it is ignored here: write assessor into the answer file instead',
    );
    expect(team.stderr).toContain('warning: --role is written into the answers file');
    expect(read(join(dir, 'ignored.json'))).not.toContain('Dirk');
    const one = run(['audit', '-a', 'team/anna.yaml', '--assessor', 'Dirk', '--fail-on', 'never'], {
      cwd: dir,
    });
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toContain('warning: --assessor is written into the answers file');
  });
});

describe('a respondent who left statements open', () => {
  it('is an error naming who left what open; --allow-incomplete shows who did not answer', () => {
    const folder = variant('open', 'anna.yaml', (t) =>
      t.replace('        upgrade-eligibility: yes', '        upgrade-eligibility: ~'),
    );
    const refused = run(['audit', '--team', '-a', folder], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `Anna de Vries (${folder}/anna.yaml) has not answered everything`,
    );
    expect(refused.stderr).toContain(`${folder}/anna.yaml:`);
    expect(refused.stderr).toContain('upgrade-eligibility');
    const allowed = run(['audit', '--team', '-a', folder, '--allow-incomplete', '-o', 'open.md'], {
      cwd: dir,
    });
    expect(allowed.code, allowed.stderr).toBe(1);
    const md = read(join(dir, 'open.md'));
    expect(md).toContain('### Who did not answer');
    expect(md).toContain(
      '- Anna de Vries (Sales) left 1 statement open: You tell customers when they are eligible for a free upgrade or benefit.',
    );
    expect(md).toContain('  - Not answered by Anna de Vries (Sales)');
  });
});

describe('readers of a team report', () => {
  beforeAll(() => {
    expect(audit(['-f', 'json', '-o', 'r.json']).code).toBe(1);
  });

  it('verify checks it against every respondent’s file', () => {
    const holds = run(['verify', 'r.json', '--answers', 'team'], { cwd: dir });
    expect(holds.code, holds.stderr).toBe(0);
    // the files in another order are another report
    const swapped = run(
      ['verify', 'r.json', '-a', 'team/anna.yaml', 'team/chris.yaml', 'team/bas.yaml'],
      { cwd: dir },
    );
    expect(swapped.code).toBe(1);
    const short = run(['verify', 'r.json', '-a', 'team/anna.yaml'], { cwd: dir });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('the report has 3 respondents, and 1 answer file was given');
  });

  it('a combined answer that does not follow from the respondents’ is refused by every reader', () => {
    const report = JSON.parse(read(join(dir, 'r.json'))) as {
      questionnaires: {
        sections: { statements: { id: string; answers: { answer: string }[] }[] }[];
      }[];
    };
    const renewal = report.questionnaires[0]!.sections[0]!.statements.find(
      (s) => s.id === 'renewal-warning',
    )!;
    renewal.answers[2]!.answer = 'yes';
    write(join(dir, 'forged.json'), JSON.stringify(report, null, 2));
    const verify = run(['verify', 'forged.json'], { cwd: dir });
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('says "answer": no, but all 3 respondents made it true');
    for (const args of [
      ['diff', 'r.json', 'forged.json'],
      ['summary', 'forged.json'],
    ]) {
      const result = run(args, { cwd: dir });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('do not follow from its own answers');
    }
  });

  it('diff, --baseline and summary read it', () => {
    expect(run(['diff', 'r.json', 'r.json'], { cwd: dir }).code).toBe(0);
    const fixed = variant('fixed', 'chris.yaml', (t) =>
      t.replace(/renewal-warning:\n {10}answer: no/, 'renewal-warning:\n          answer: yes'),
    );
    const again = run(
      ['audit', '--team', '-a', fixed, '--baseline', 'r.json', '-f', 'json', '-o', 'r2.json'],
      { cwd: dir },
    );
    expect(again.code, again.stderr).toBe(0);
    const r2 = JSON.parse(read(join(dir, 'r2.json'))) as {
      passed: boolean;
      comparison: { improvements: { statement: string }[] };
    };
    expect(r2.passed).toBe(true);
    expect(r2.comparison.improvements.map((i) => i.statement)).toEqual(['renewal-warning']);
    const summary = run(['summary', 'r.json', 'r2.json', '-f', 'json'], { cwd: dir });
    expect(summary.code, summary.stderr).toBe(0);
  });
});

describe('init --respondents', () => {
  it('writes one template per person with name, role and subject, then a team audit reads them', () => {
    const result = run(
      [
        'init',
        'people',
        '--subject',
        'Acme B.V.',
        '-q',
        'trustability',
        '--respondents',
        'Anna de Vries (Sales)',
        'Bas (Finance)',
        'Chris',
        'anna de vries/2',
      ],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(list(join(dir, 'people'))).toEqual([
      'anna-de-vries-2.yaml',
      'anna-de-vries.yaml',
      'bas.yaml',
      'chris.yaml',
    ]);
    const anna = read(join(dir, 'people', 'anna-de-vries.yaml'));
    expect(anna).toMatch(/^assessor: "Anna de Vries"$/m);
    expect(anna).toMatch(/^role: "Sales"$/m);
    expect(anna).toMatch(/^subject: "Acme B\.V\."/m);
    expect(read(join(dir, 'people', 'chris.yaml'))).not.toMatch(/^role:/m);
    const team = run(['audit', '--team', '-a', 'people', '--allow-incomplete', '-f', 'json'], {
      cwd: dir,
    });
    expect(team.code, team.stderr).toBe(1);
    expect(
      (JSON.parse(team.stdout) as { respondents: { name: string }[] }).respondents.map(
        (r) => r.name,
      ),
    ).toEqual(['anna de vries/2', 'Anna de Vries', 'Bas', 'Chris']);
    // nothing is overwritten without --force
    const again = run(['init', 'people', '--respondents', 'Bas (Finance)'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('bas.yaml already exists');
    expect(existsSync(join(dir, 'people', 'bas.yaml'))).toBe(true);
  });
});
