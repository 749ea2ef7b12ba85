// Reading the questionnaires' texts against their source articles: the seeds, the quotations
// in a help text, and every text of a questionnaire in one language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { shared } from './skip.js';

export const root = join(import.meta.dirname, '..', '..');
const sharedSeeds = shared('seeds', 'the source articles that the help texts quote');
export const seeds = sharedSeeds.path;
/** Why the tests that read the seeds skip, when ../shared/seeds is not there. */
export const seedsMissing = sharedSeeds.missing;

const seedTexts = new Map<string, string>();
/** A seed article's text, read once (in a test: a skipped suite's body still runs to collect it). */
export const seed = (name: string): string => {
  let text = seedTexts.get(name);
  if (text === undefined) {
    text = readFileSync(join(seeds, name), 'utf8');
    seedTexts.set(name, text);
  }
  return text;
};

export type Text = string | Record<string, string>;
export interface Statement {
  id: string;
  text: Text;
  help?: Text;
  remedy?: Text;
  allowNotApplicable?: boolean;
}
export interface Section {
  id: string;
  title: Text;
  help?: Text;
  statements: Statement[];
}
export interface Questionnaire {
  id: string;
  version: string;
  languages: string[];
  rule: string;
  title: Text;
  description: Text;
  source?: string;
  sections: Section[];
}

/** A questionnaire file of the repository, parsed as plain data. */
export const load = (file: string): Questionnaire =>
  parse(readFileSync(join(root, file), 'utf8')) as Questionnaire;

/** A text in one language: a plain string serves every language. */
export const inLang = (text: Text | undefined, lang: string): string | undefined =>
  typeof text === 'string' ? text : text?.[lang];

/**
 * The quotations in a text: each outermost „…” or “…”, with quotes nested inside it kept
 * (the trustability article itself has “sockpuppet” within its sentences).
 */
export function quotations(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '„' || c === '“') {
      if (depth === 0) start = i + 1;
      depth++;
    } else if (c === '”' && depth > 0) {
      depth--;
      if (depth === 0) out.push(text.slice(start, i));
    }
  }
  if (depth !== 0) throw new Error(`unbalanced quotation marks in: ${text}`);
  return out;
}

/** Every statement with its `section.statement` key. */
export const statementsOf = (q: Questionnaire): [string, Statement][] =>
  q.sections.flatMap((s) =>
    s.statements.map((st): [string, Statement] => [`${s.id}.${st.id}`, st]),
  );

/** Every localized text of a questionnaire in one language. */
export function textsIn(q: Questionnaire, lang: string): string[] {
  const texts: (Text | undefined)[] = [q.title, q.description];
  for (const s of q.sections) {
    texts.push(s.title, s.help);
    for (const st of s.statements) texts.push(st.text, st.help, st.remedy);
  }
  return texts.map((t) => inLang(t, lang)).filter((t): t is string => t !== undefined);
}
