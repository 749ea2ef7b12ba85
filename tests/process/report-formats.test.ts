// Every report format from the built binary, checked by the tools users check them with:
// markdownlint-cli2 for Markdown, Apache Ant's JUnit schema for JUnit, the published JSON
// Schema for JSON. The answers carry hostile user text, which must come out as plain text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate, read, root, run, setAnswer, tempDir, write } from '../support/helpers.js';
import { markdownlint } from '../support/markdownlint.js';
import { shared } from '../support/skip.js';

const xsd = shared('fixtures/JUnit.xsd', "Apache Ant's JUnit schema");
const nasty =
  'Pipes | and `ticks` <script>alert(1)</script> **bold** # hash & "quotes" \u0007 done';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  expect(run(['init', 'clean.yaml', '--subject', 'Acme B.V.'], { cwd: dir }).code).toBe(0);
  const clean = fillTemplate(read(join(dir, 'clean.yaml')));
  write(join(dir, 'clean.yaml'), clean);
  let hostile = clean.replace(
    'subject: "Acme B.V."',
    `subject: ${JSON.stringify(`Acme | <b>${nasty}`)}`,
  );
  hostile = setAnswer(
    hostile,
    'renewal-warning',
    JSON.stringify({ answer: 'no', note: `${nasty}\nsecond line`, evidence: nasty }),
  );
  hostile = setAnswer(
    hostile,
    'warranty-expiry',
    JSON.stringify({ answer: 'na', note: 'We sell no goods.' }),
  );
  hostile = setAnswer(hostile, 'upgrade-eligibility', '~');
  hostile = setAnswer(
    hostile,
    'unclaimed-entitlements',
    JSON.stringify({ answer: 'na', note: 'None yet', until: '2026-01-01' }),
  );
  write(join(dir, 'hostile.yaml'), hostile);
  for (const name of ['clean', 'hostile']) {
    for (const lang of ['en', 'nl']) {
      const result = run(
        [
          'audit',
          '-a',
          `${name}.yaml`,
          '--allow-incomplete',
          '--lang',
          lang,
          '-o',
          `${name}-${lang}.md`,
          '-o',
          `${name}-${lang}.json`,
          '-o',
          `${name}-${lang}.xml`,
        ],
        { cwd: dir },
      );
      expect(result.code, result.stderr).toBe(name === 'clean' ? 0 : 1);
    }
  }
});
afterAll(() => cleanup());

const outputs = ['clean-en', 'clean-nl', 'hostile-en', 'hostile-nl'];

describe('Markdown report', () => {
  it('passes markdownlint-cli2 with its default rules but MD013 (line length)', () => {
    const files = outputs.map((o) => `${o}.md`);
    const lint = markdownlint(dir, files);
    expect(lint.output).toMatch(new RegExp(`^Linting: ${files.length} files$`, 'm'));
    expect(lint.problems).toEqual([]);
    expect(lint.status).toBe(0);
  });

  it('renders hostile user text as plain text', () => {
    const lines = read(join(dir, 'hostile-en.md'));
    const md = lines.replace(/\n\s*/g, ' ');
    // every < of a tag is escaped
    expect(md).not.toMatch(/(?<!\\)<script>/);
    expect(md).not.toMatch(/(?<!\\)<b>/);
    expect(md).not.toContain('\u0007');
    expect(md).toContain(
      'Pipes \\| and \\`ticks\\` \\<script>alert(1)\\</script> \\*\\*bold\\*\\* # hash & "quotes"',
    );
    // every row of a table has as many columns as its header
    let columns = 0;
    for (const line of lines.split('\n')) {
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      const cells = line.replace(/\\\|/g, '').split('|').length;
      if (columns === 0) columns = cells;
      expect(cells, line).toBe(columns);
    }
    expect(lines).not.toMatch(/^ *[-*+] *$/m);
    expect(md).toContain('(`renewal-warning`, answered no)');
    expect(md).toContain('(`upgrade-eligibility`, not answered)');
    expect(md).toContain('(`unclaimed-entitlements`, N/A expired on 2026-01-01)');
    expect(md).not.toContain('`warranty-expiry`');
  });

  it('is written in Dutch with --lang nl', () => {
    const md = read(join(dir, 'hostile-nl.md')).replace(/\s+/g, ' ');
    expect(md).toMatch(/^# Betrouwbaarheidstest en Transparantie APK: Acme /);
    expect(md).toContain('**Oordeel van de audit: Niet voldaan**');
    expect(md).toContain('## Wat te doen');
    expect(md).toContain('## Vrijgesteld (niet van toepassing)');
    expect(md).toContain('## Bijlage: alle antwoorden');
    expect(md).not.toMatch(/\b(Question|Statement|Answer|Evidence|Remedy|Exempt|Appendix)\b/);
    expect(md).toContain('beantwoord met nee');
  });
});

describe('JUnit report', () => {
  it('validates against the Apache Ant JUnit schema', async (ctx) => {
    if (xsd.missing) ctx.skip(xsd.missing);
    const schema = readFileSync(xsd.path, 'utf8');
    for (const o of outputs) {
      const result = await validateXML({
        xml: [{ fileName: `${o}.xml`, contents: read(join(dir, `${o}.xml`)) }],
        schema: [{ fileName: 'JUnit.xsd', contents: schema }],
      });
      expect(result.errors, `${o}.xml`).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });

  it('has one testcase per statement, failures and skipped as specified', () => {
    const xml = read(join(dir, 'hostile-en.xml'));
    // init pins the newest versions: trustability 1.1.1 (18 statements), transparantie-apk 2.0.0 (18)
    // the subject is in every suite's name, so merged reports of several clients stay apart
    expect(xml).toMatch(/<testsuite name="trustability@1\.1\.1 \(.+\)"/);
    expect(xml.match(/<testcase /g)).toHaveLength(36);
    expect(xml).toMatch(
      /<testsuite name="trustability@1\.1\.1 \(.+?\)"[^>]* tests="18" failures="3" errors="0" skipped="1"/,
    );
    expect(xml).toMatch(/<testsuite name="transparantie-apk@2\.0\.0 \(.+?\)"[^>]* tests="18" /);
    expect(xml).toContain(
      '<testcase name="renewal-warning" classname="trustability.economic-interests" time="0">',
    );
    // the failure's message is the statement (Jenkins' headline); the reason and evidence in its body
    expect(xml).toMatch(
      /<failure message="You warn customers before automatically renewing[^"]*" type="unsatisfied">answered no\n/,
    );
    expect(xml).toContain('<skipped message="We sell no goods."/>');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0007');
  });
});

describe('JSON report', () => {
  it('validates against the published report schema with ajv', () => {
    const schema = JSON.parse(read(join(root, 'schemas', 'report.schema.json'))) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    for (const o of outputs) {
      const report = JSON.parse(read(join(dir, `${o}.json`))) as unknown;
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('holds exactly the fields of the spec, in order', () => {
    const report = JSON.parse(read(join(dir, 'hostile-en.json'))) as Record<string, unknown> & {
      questionnaires: { sections: { statements: Record<string, unknown>[] }[] }[];
    };
    expect(Object.keys(report)).toEqual([
      'format',
      'tool',
      'subject',
      'assessor',
      'date',
      'language',
      'passed',
      'totals',
      'questionnaires',
      'comparison',
    ]);
    const statement = report.questionnaires[0]!.sections[0]!.statements[1]!;
    expect(statement).toEqual({
      id: 'renewal-warning',
      text: 'You warn customers before automatically renewing their subscription or other paid service agreement.',
      answer: 'no',
      satisfied: false,
      note: `${nasty}\nsecond line`,
      evidence: nasty,
      until: null,
      remedy: expect.stringMatching(
        /^Before every automatic renewal, tell the customer what it will cost/,
      ),
    });
    expect(report).toMatchObject({ date: '2026-11-23', passed: false, comparison: null });
  });
});
