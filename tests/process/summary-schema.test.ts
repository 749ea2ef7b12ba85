// The portfolio summary's JSON (`summary -f json`, trustcheck-summary/1) validates against its
// published schema, schemas/summary.schema.json (`trustcheck schema summary`), with ajv in strict
// mode: a summary with rows, common failures, regressions (a questionnaire dropped too) and
// improvements, in two languages.
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate, read, root, run, setAnswer, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
let summary: {
  format: string;
  rows: unknown[];
  mostCommonFailures: unknown[];
  regressions: { statement: string }[];
  improvements: unknown[];
};

/** A JSON report of `answers` (a filled template) dated `date`, written to `name`. */
function report(name: string, answers: string, date: string, ...args: string[]): void {
  const file = join(dir, `${name}.yaml`);
  write(file, answers.replace(/^# date: "YYYY-MM-DD".*$/m, `date: "${date}"`));
  const result = run(['audit', '-a', file, '--fail-on', 'never', '-o', `${name}.json`, ...args], {
    cwd: dir,
  });
  expect(result.code, result.stderr).toBe(0);
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  const blank = run(['init', '-', '--subject', 'Acme B.V.'], { cwd: dir }).stdout;
  const all = fillTemplate(blank);
  report('acme-may', setAnswer(all, 'no-paid-reviews', 'no'), '2026-05-01');
  // November: no-paid-reviews became true, renewal-warning untrue, and one questionnaire dropped
  report('acme-nov', setAnswer(all, 'renewal-warning', 'no'), '2026-11-23', '-q', 'trustability');
  const nl = fillTemplate(run(['init', '-', '--subject', 'Initech', '--lang', 'nl']).stdout);
  report('initech', setAnswer(nl, 'renewal-warning', 'no'), '2026-11-20');
  const result = run(['summary', '.', '-f', 'json'], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  summary = JSON.parse(result.stdout) as typeof summary;
});
afterAll(() => cleanup());

const shipped = () => JSON.parse(read(join(root, 'schemas', 'summary.schema.json'))) as object;

describe('the summary schema', () => {
  it('is what `trustcheck schema summary` prints', () => {
    const printed = run(['schema', 'summary']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(read(join(root, 'schemas', 'summary.schema.json')));
    expect(shipped()).toMatchObject({
      $id: expect.stringMatching(/^urn:trustcheck:schema:summary:/) as string,
      title: 'trustcheck summary',
    });
  });

  it('holds for what `summary -f json` writes', () => {
    // the parts of the summary the schema describes are all there
    expect(summary.format).toBe('trustcheck-summary/1');
    expect(summary.rows).toHaveLength(3);
    expect(summary.mostCommonFailures).not.toEqual([]);
    expect(summary.improvements).not.toEqual([]);
    expect(summary.regressions.map((r) => r.statement)).toContain(
      'transparantie-apk (questionnaire missing)',
    );
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(shipped());
    expect(validate(summary) ? [] : validate.errors).toEqual([]);
  });

  it('refuses what the summary does not hold', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(shipped());
    const wrong = structuredClone(summary) as unknown as {
      extra?: boolean;
      rows: { verdicts: Record<string, boolean>; date: string }[];
    };
    wrong.extra = true;
    wrong.rows[0]!.verdicts['not a column'] = true;
    wrong.rows[0]!.date = '1 May 2026';
    expect(validate(wrong)).toBe(false);
    expect(validate.errors!.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
      ' additionalProperties',
      '/rows/0/date pattern',
      '/rows/0/verdicts pattern',
      '/rows/0/verdicts propertyNames',
    ]);
  });
});
