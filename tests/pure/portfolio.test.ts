// The portfolio summary is built one report at a time (so that `summary` need not hold every
// report): its result must not depend on the order the reports come in, and its words must follow
// the rule of the whole set (the latest report in the summary's language, else the latest at all).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { normalizeAnswer, type QuestionnaireAnswers } from '../../src/core/answers.js';
import type { Questionnaire, Report } from '../../src/core/model.js';
import { buildReport } from '../../src/core/report.js';
import { score } from '../../src/core/scoring.js';
import { Portfolio, summarize } from '../../src/core/summary.js';

const root = join(import.meta.dirname, '..', '..');
const builtin = (id: string) =>
  parse(readFileSync(join(root, 'questionnaires', id, '1.0.0.yaml'), 'utf8')) as Questionnaire;
const questionnaires = [builtin('trustability'), builtin('transparantie-apk')];
const statementIds = questionnaires.flatMap((q) =>
  q.sections.flatMap((s) => s.statements.map((st) => st.id)),
);

interface Spec {
  subject: string;
  date: string;
  language: 'en' | 'nl';
  no: number[];
  /** Leave the second questionnaire out of this report. */
  one: boolean;
}

/** A report whose every text names the report it is in, so that a test sees where words came from. */
function report(spec: Spec): Report {
  const no = new Set(spec.no.map((i) => statementIds[i % statementIds.length]));
  const results = questionnaires.slice(0, spec.one ? 1 : 2).map((q) => {
    const answers: QuestionnaireAnswers = {};
    for (const s of q.sections) {
      answers[s.id] = {};
      for (const st of s.statements) {
        answers[s.id]![st.id] = normalizeAnswer(no.has(st.id) ? 'no' : 'yes');
      }
    }
    return score(q, answers, { date: spec.date });
  });
  const built = buildReport(results, {
    toolVersion: '1.0.0',
    subject: spec.subject,
    date: spec.date,
    language: spec.language,
    digests: { trustability: 'sha256:1', 'transparantie-apk': 'sha256:2' },
  });
  const from = `${spec.subject} ${spec.date} ${spec.language}`;
  return {
    ...built,
    questionnaires: built.questionnaires.map((q) => ({
      ...q,
      sections: q.sections.map((s) => ({
        ...s,
        title: `${s.id} in ${from}`,
        statements: s.statements.map((st) => ({ ...st, text: `${st.id} in ${from}` })),
      })),
    })),
  };
}

const spec = fc.record({
  subject: fc.constantFrom('Acme', 'Initech', 'Globex', 'Umbrella'),
  date: fc.constantFrom('2025-11-01', '2026-02-01', '2026-05-01', '2026-08-01'),
  language: fc.constantFrom('en' as const, 'nl' as const),
  no: fc.array(fc.nat(100), { maxLength: 6 }),
  one: fc.boolean(),
});
// at most one report per subject and date: then nothing depends on the order given
const portfolio = fc.uniqueArray(spec, {
  minLength: 1,
  maxLength: 8,
  selector: (s) => `${s.subject} ${s.date}`,
});

/** The words rule over the whole set of reports at once: the oracle. */
function wordsOf(reports: Report[], language: string, key: string): string | undefined {
  const byDate = [...reports].sort((a, b) =>
    a.date === b.date ? (a.subject < b.subject ? -1 : 1) : a.date < b.date ? -1 : 1,
  );
  const textOf = (r: Report): string | undefined => {
    for (const q of r.questionnaires) {
      for (const s of q.sections) {
        if (`${q.id}.${s.id}` === key) return s.title;
        for (const st of s.statements) if (`${q.id}.${s.id}.${st.id}` === key) return st.text;
      }
    }
    return undefined;
  };
  const having = byDate.filter((r) => textOf(r) !== undefined);
  const inLanguage = having.filter((r) => r.language === language);
  const from = (inLanguage.length > 0 ? inLanguage : having).at(-1);
  return from === undefined ? undefined : textOf(from);
}

describe('Portfolio', () => {
  it('gives the same summary whatever order the reports come in (property)', () => {
    fc.assert(
      fc.property(portfolio, fc.func(fc.integer()), (specs, order) => {
        const reports = specs.map(report);
        const shuffled = [...reports].sort((a, b) => order(a) - order(b) || 0);
        const one = new Portfolio();
        for (const r of shuffled) one.add(r);
        expect(one.size).toBe(reports.length);
        expect(one.summary()).toEqual(summarize(reports));
      }),
      { numRuns: 200 },
    );
  });

  it('takes each text from the latest report in its language, else the latest at all (property)', () => {
    fc.assert(
      fc.property(portfolio, (specs) => {
        const reports = specs.map(report);
        const summary = summarize(reports, 1000);
        summary.columns.forEach((column, i) => {
          expect(summary.columnTitles[i]).toBe(wordsOf(reports, summary.language, column));
        });
        for (const failure of summary.mostCommonFailures) {
          expect(failure.text).toBe(wordsOf(reports, summary.language, failure.statement));
        }
        for (const change of [...summary.regressions, ...summary.improvements]) {
          if (change.statement.endsWith('(questionnaire missing)')) continue;
          expect(change.text).toBe(wordsOf(reports, summary.language, change.statement));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is written in the language of the latest report', () => {
    const summary = summarize([
      report({ subject: 'Acme', date: '2026-05-01', language: 'nl', no: [], one: false }),
      report({ subject: 'Initech', date: '2026-08-01', language: 'en', no: [1], one: true }),
    ]);
    expect(summary.language).toBe('en');
    // the second questionnaire is only in the Dutch report: its words come from there
    expect(summary.columnTitles.at(-1)).toMatch(/ in Acme 2026-05-01 nl$/);
    expect(summary.columnTitles[0]).toMatch(/ in Initech 2026-08-01 en$/);
  });
});
