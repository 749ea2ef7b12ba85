// `summary` reads a report through loadReportForSummary, which parses a valid report from its
// bytes and decodes only the texts a summary uses: those must be exactly the report's texts, and
// any other file must get exactly loadReportFile's messages.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeAnswer, type QuestionnaireAnswers } from '../../src/core/answers.js';
import type { Questionnaire, Report } from '../../src/core/model.js';
import { buildReport } from '../../src/core/report.js';
import { score } from '../../src/core/scoring.js';
import { summarize } from '../../src/core/summary.js';
import { loadReportFile, loadReportForSummary } from '../../src/app/load.js';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'trustcheck-summary-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const questionnaire = parse(
  readFileSync(join(root, 'questionnaires', 'transparantie-apk', '1.1.0.yaml'), 'utf8'),
) as Questionnaire;

function report(subject: string): Report {
  const answers: QuestionnaireAnswers = {};
  for (const s of questionnaire.sections) {
    answers[s.id] = {};
    for (const st of s.statements) {
      answers[s.id]![st.id] = normalizeAnswer({ answer: 'no', note: `Nota ’${subject}’ 🍰` });
    }
  }
  const built = buildReport([score(questionnaire, answers, { date: '2026-11-23' })], {
    toolVersion: '1.1.0',
    subject,
    date: '2026-11-23',
    language: 'nl',
    digests: { 'transparantie-apk': 'sha256:é' },
  });
  return built;
}

function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('loadReportForSummary', () => {
  it('gives the texts a summary uses exactly, for a report with non-ASCII text', () => {
    const whole = report('Café ’t Hoekje — ü 🍰');
    const path = file('nl.json', `${JSON.stringify(whole, null, 2)}\n`);
    const loaded = loadReportForSummary(path);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.subject).toBe(whole.subject);
    expect(loaded.value.questionnaires[0]!.digest).toBe('sha256:é');
    expect(summarize([loaded.value as Report])).toEqual(summarize([whole]));
  });

  it('reads a report with a \\u escape or a BOM the usual way, with the same result', () => {
    const whole = report('Bell \u0007 and BOM');
    const path = file('escaped.json', `\ufeff${JSON.stringify(whole, null, 2)}\n`);
    const loaded = loadReportForSummary(path);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(summarize([loaded.value as Report])).toEqual(summarize([whole]));
  });

  it('checks only what a summary reads: a wrong or extra field elsewhere is tolerated', () => {
    const whole = report('Tolerant');
    const odd = {
      ...whole,
      tool: { name: 'trustcheck', version: 'from the future', plugins: [] },
      questionnaires: whole.questionnaires.map((q) => ({
        ...q,
        sections: q.sections.map((s) => ({
          ...s,
          statements: s.statements.map((st) => ({ ...st, remedy: 5, extra: true })),
        })),
      })),
    };
    const path = file('odd.json', `${JSON.stringify(odd, null, 2)}\n`);
    expect(loadReportFile(path).ok).toBe(false);
    const loaded = loadReportForSummary(path);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(summarize([loaded.value as Report])).toEqual(summarize([whole]));
  });

  it.each([
    ['a report with a wrong field', () => `${JSON.stringify({ ...report('X'), passed: 'yes' })}\n`],
    ['a duplicate key', () => `{"format": "trustcheck-report/1", "format": "x"}\n`],
    ['text that is not UTF-8', () => Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
    ['another kind of file', () => '{"format": "trustcheck-answers/1"}\n'],
    ['not JSON', () => '{"subject": '],
  ])('gives loadReportFile’s messages for %s', (name, text) => {
    const path = file(`${name.replace(/\W+/g, '-')}.json`, text());
    const loaded = loadReportForSummary(path);
    const usual = loadReportFile(path);
    expect(loaded.ok).toBe(false);
    expect(usual.ok).toBe(false);
    if (!loaded.ok && !usual.ok) expect(loaded.issues).toEqual(usual.issues);
  });

  it('gives loadReportFile’s message for a file that is missing', () => {
    const path = join(dir, 'missing.json');
    const loaded = loadReportForSummary(path);
    const usual = loadReportFile(path);
    expect(!loaded.ok && !usual.ok && loaded.issues).toEqual(!usual.ok && usual.issues);
  });
});
