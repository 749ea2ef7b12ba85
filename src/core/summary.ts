// The portfolio summary over many reports: one row per subject and date, one column per section,
// the most common failing statements, and the regressions and improvements between reports of the
// same subject. It is written in one language, the latest report's, and takes every text (question
// titles, statements) from that report, or from the latest report that has it in that language:
// never a mix of languages when the reports hold one.
import { compare, type ComparedReport, type MeaningsOf } from './compare.js';
import { SUMMARY_FORMAT } from './formats.js';
import type { Report, ReportForSummary } from './model.js';
import type { CommonFailure, PortfolioChange, Summary, SummaryRow } from './summary-model.js';
import { labelsFor } from './words.js';

// the summary's types come from its schema (summary-model.ts), the source of the published one
export type { CommonFailure, PortfolioChange, Summary, SummaryRow } from './summary-model.js';

export type PortfolioRegression = PortfolioChange;
export type PortfolioImprovement = PortfolioChange;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The ids of a report's questionnaires, questions and statements, in order: the same for most
 * reports of a portfolio, so it is kept once and shared.
 */
interface Shape {
  questionnaires: {
    id: string;
    version: string;
    digest: string;
    sections: { id: string; statements: string[] }[];
  }[];
  /**
   * Each verdict's place in a report's flags: `questionnaire.section` for a question,
   * `questionnaire.section.statement` for a statement, with the question it belongs to.
   */
  keys: string[];
  questionOf: (string | undefined)[];
  /** The questions (columns), with the place of each one's verdict. */
  questions: { key: string; slot: number }[];
  /**
   * The words of the latest report of this shape, in any language and in each language: each
   * text in the place of its key. (The latest report that has a key is then the latest of the
   * latest reports of the shapes that have it.)
   */
  words: { any?: Words; byLanguage: Map<string, Words> };
}

/** The texts of one report, in the places of its shape's keys, and what orders that report. */
interface Words {
  origin: Origin;
  texts: string[];
}

/** A report's place in date order: its date, then its subject, then the order it was added in. */
interface Origin {
  date: string;
  subject: string;
  index: number;
}

function shapeOf(report: ReportForSummary): Shape {
  const keys: string[] = [];
  const questionOf: (string | undefined)[] = [];
  const questions: { key: string; slot: number }[] = [];
  const questionnaires = report.questionnaires.map((q) => ({
    id: q.id,
    version: q.version,
    digest: q.digest,
    sections: q.sections.map((s) => {
      const question = `${q.id}.${s.id}`;
      questions.push({ key: question, slot: keys.length });
      keys.push(question);
      questionOf.push(undefined);
      for (const st of s.statements) {
        keys.push(`${question}.${st.id}`);
        questionOf.push(question);
      }
      return { id: s.id, statements: s.statements.map((st) => st.id) };
    }),
  }));
  return { questionnaires, keys, questionOf, questions, words: { byLanguage: new Map() } };
}

/**
 * What the summary keeps of a report: its shape, and its verdicts as one string of `1` and `0`
 * (for each question in order, whether it passed, then whether each of its statements is
 * satisfied); its words go to the portfolio's `words`. Small, so that holding a thousand reports
 * costs little.
 */
interface Outline {
  /** The order reports were added in: the last word among equals. */
  index: number;
  subject: string;
  date: string;
  language: string;
  passed: boolean;
  totals: Report['totals'];
  shape: Shape;
  flags: string;
}

/** The report an outline stands for, as far as a comparison reads it. */
function expand(outline: Outline): ComparedReport {
  let at = 0;
  const flag = () => outline.flags.charCodeAt(at++) === 0x31;
  return {
    subject: outline.subject,
    date: outline.date,
    questionnaires: outline.shape.questionnaires.map((q) => ({
      id: q.id,
      version: q.version,
      digest: q.digest,
      sections: q.sections.map((s) => ({
        id: s.id,
        passed: flag(),
        statements: s.statements.map((id) => ({ id, satisfied: flag() })),
      })),
    })),
  };
}

/** Whether report `a` comes after report `b` in date order (then subject, then the order given). */
const later = (a: Origin, b: Origin): boolean =>
  (byText(a.date, b.date) || byText(a.subject, b.subject) || a.index - b.index) > 0;

/**
 * A portfolio summary built one report at a time, so that a caller reading many report files
 * need not hold them all: each report is reduced to its outline (verdicts and ids) and to the
 * words the summary may use (the latest wording of each question and statement, per language).
 */
export class Portfolio {
  private readonly outlines: Outline[] = [];
  /** Each distinct shape once, by its ids (with the words of its latest reports). */
  private readonly shapes = new Map<string, Shape>();

  /** `meaningsOf`: the questionnaires' meanings records, for reports of different versions. */
  constructor(private readonly meaningsOf?: MeaningsOf) {}

  get size(): number {
    return this.outlines.length;
  }

  add(report: ReportForSummary): void {
    const index = this.outlines.length;
    const { subject, date, language } = report;
    // one walk: the ids (to find the shape), the verdicts, and the words in the shape's order
    let ids = '';
    const flags: string[] = [];
    const texts: string[] = [];
    for (const q of report.questionnaires) {
      ids += `\u0000${q.id}\u0000${q.version}\u0000${q.digest}`;
      for (const s of q.sections) {
        ids += `\u0001${s.id}`;
        flags.push(s.passed ? '1' : '0');
        texts.push(s.title);
        for (const st of s.statements) {
          ids += `\u0002${st.id}`;
          flags.push(st.satisfied ? '1' : '0');
          texts.push(st.text);
        }
      }
    }
    let shape = this.shapes.get(ids);
    if (shape === undefined) {
      shape = shapeOf(report);
      this.shapes.set(ids, shape);
    }
    // the report's words are kept only where it is the latest of its shape so far
    const origin: Origin = { date, subject, index };
    const { words } = shape;
    const inLanguage = words.byLanguage.get(language);
    const newer = inLanguage === undefined || later(origin, inLanguage.origin);
    const newest = words.any === undefined || later(origin, words.any.origin);
    if (newer || newest) {
      const latest: Words = { origin, texts };
      if (newer) words.byLanguage.set(language, latest);
      if (newest) words.any = latest;
    }
    this.outlines.push({
      index,
      subject,
      date,
      language,
      passed: report.passed,
      totals: { ...report.totals },
      shape,
      flags: flags.join(''),
    });
  }

  /**
   * The summary of every report added. It is written in the language of the latest report, and
   * takes each text from the latest report in that language that has it, else from the latest
   * report that has it at all (a questionnaire that only some reports hold).
   */
  summary(top = 10): Summary {
    const sorted = [...this.outlines].sort(
      (a, b) => byText(a.subject, b.subject) || byText(a.date, b.date) || a.index - b.index,
    );
    // the columns in the order the sorted reports first hold them: each shape looked at once
    const columnSet = new Set<string>();
    const seen = new Set<Shape>();
    for (const r of sorted) {
      if (seen.has(r.shape)) continue;
      seen.add(r.shape);
      for (const { key } of r.shape.questions) columnSet.add(key);
    }
    const columns = [...columnSet];
    let latestReport: Outline | undefined;
    for (const r of sorted) {
      if (latestReport === undefined || later(r, latestReport)) latestReport = r;
    }
    const language = latestReport?.language ?? 'en';
    const l = labelsFor(language);
    // each key's text: from the latest report in the summary's language that has it, else from
    // the latest report that has it
    const inLanguage = new Map<string, { origin: Origin; text: string }>();
    const inAny = new Map<string, { origin: Origin; text: string }>();
    const take = (into: typeof inLanguage, from: Words | undefined, keys: string[]) => {
      if (from === undefined) return;
      keys.forEach((key, slot) => {
        const known = into.get(key);
        if (known === undefined || later(from.origin, known.origin)) {
          into.set(key, { origin: from.origin, text: from.texts[slot]! });
        }
      });
    };
    for (const shape of this.shapes.values()) {
      take(inLanguage, shape.words.byLanguage.get(language), shape.keys);
      take(inAny, shape.words.any, shape.keys);
    }
    const wordsFor = (key: string): string => (inLanguage.get(key) ?? inAny.get(key))?.text ?? key;
    const rows = sorted.map((r): SummaryRow => {
      const verdicts: Record<string, boolean> = {};
      for (const { key, slot } of r.shape.questions) verdicts[key] = r.flags[slot] === '1';
      return {
        subject: r.subject,
        date: r.date,
        passed: r.passed,
        statementsSatisfied: r.totals.statementsSatisfied,
        statements: r.totals.statements,
        sectionsPassed: r.totals.sectionsPassed,
        sections: r.totals.sections,
        verdicts,
      };
    });

    const bySubject = new Map<string, Outline[]>();
    for (const r of sorted) {
      const history = bySubject.get(r.subject);
      if (history === undefined) bySubject.set(r.subject, [r]);
      else history.push(r);
    }

    const failures = new Map<string, CommonFailure>();
    const regressions: PortfolioRegression[] = [];
    const improvements: PortfolioImprovement[] = [];
    for (const [subject, history] of bySubject) {
      const latest = history.at(-1)!;
      const { keys, questionOf } = latest.shape;
      for (let slot = 0; slot < keys.length; slot++) {
        const question = questionOf[slot];
        if (question === undefined || latest.flags[slot] === '1') continue;
        const key = keys[slot]!;
        const entry = failures.get(key) ?? {
          statement: key,
          text: wordsFor(key),
          question: wordsFor(question),
          subjects: 0,
        };
        entry.subjects++;
        failures.set(key, entry);
      }
      for (let i = 1; i < history.length; i++) {
        const { comparison } = compare(
          expand(history[i - 1]!),
          expand(history[i]!),
          this.meaningsOf,
        );
        const between = { subject, from: history[i - 1]!.date, to: history[i]!.date };
        for (const r of comparison.regressions) {
          const key = `${r.questionnaire}.${r.section}.${r.statement}`;
          regressions.push({ ...between, statement: key, text: wordsFor(key) });
        }
        for (const id of comparison.missingQuestionnaires) {
          regressions.push({
            ...between,
            statement: `${id} (questionnaire missing)`,
            text: l.questionnaireMissing(id),
          });
        }
        for (const r of comparison.improvements) {
          const key = `${r.questionnaire}.${r.section}.${r.statement}`;
          improvements.push({ ...between, statement: key, text: wordsFor(key) });
        }
      }
    }
    const mostCommonFailures = [...failures.values()]
      .sort((a, b) => b.subjects - a.subjects || byText(a.statement, b.statement))
      .slice(0, top);
    return {
      format: SUMMARY_FORMAT,
      subjects: bySubject.size,
      reports: this.outlines.length,
      language,
      columns,
      columnTitles: columns.map(wordsFor),
      rows,
      mostCommonFailures,
      regressions,
      improvements,
    };
  }
}

export function summarize(reports: readonly Report[], top = 10, meaningsOf?: MeaningsOf): Summary {
  const portfolio = new Portfolio(meaningsOf);
  for (const r of reports) portfolio.add(r);
  return portfolio.summary(top);
}

/**
 * The number of each column as the reports number their questions: `questionnaire.question`
 * (1.1, 2.3) when the summary holds several questionnaires, else the question alone.
 */
export function columnNumbers(columns: readonly string[]): string[] {
  const questionnaires = [...new Set(columns.map((c) => c.split('.')[0]!))];
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const q = c.split('.')[0]!;
    const n = (seen.get(q) ?? 0) + 1;
    seen.set(q, n);
    return questionnaires.length > 1 ? `${questionnaires.indexOf(q) + 1}.${n}` : `${n}`;
  });
}
