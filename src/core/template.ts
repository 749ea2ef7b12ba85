// The answer-file template `trustcheck init` writes: every statement of every questionnaire,
// unanswered (~), each preceded by a comment with its text, so it can be filled in by hand.
import type { Questionnaire } from './model.js';
import { localize, pickLanguage } from './questionnaire.js';
import { ANSWERS_FORMAT } from './formats.js';
import { pick, RULE } from './language.js';
import { shellQuote } from './text/shell.js';

export interface TemplateOptions {
  subject?: string | undefined;
  assessor?: string | undefined;
  /** The assessor's role (a team audit's respondent: Sales, Support). */
  role?: string | undefined;
  language: string;
  /** The `$schema` reference for editors (yaml-language-server); none when undefined. */
  schemaRef?: string | undefined;
  /** Paths of questionnaires that are not built in, to remind the user to pass them with -q. */
  customPaths?: Record<string, string>;
}

const TEXTS = {
  en: {
    intro: [
      'trustcheck answer file. Answer every statement with yes or no (or na where the',
      'statement allows it, with a note).',
      RULE.en,
      'Add details with the map form:  answer: no / note: … / evidence: …',
      'Who makes a No true, and by when (an action plan item; what defaults to the remedy):',
      '  action: { owner: Bas (Finance), due: "2027-03-31", what: … }',
      'Then run:  trustcheck audit --answers THIS-FILE',
    ],
    subject: 'the organisation audited',
    assessor: 'who answered (optional)',
    date: "the report's date, YYYY-MM-DD (optional; default: today)",
    na: 'yes / no / na (with a note)',
    yn: 'yes / no',
    custom: (path: string) => `not built in: run the audit with -q ${path}`,
  },
  nl: {
    intro: [
      'trustcheck-antwoordbestand. Beantwoord elke uitspraak met yes (ja) of no (nee), of na',
      '(niet van toepassing, alleen waar dat mag, met een toelichting in note).',
      RULE.nl,
      'Details:  answer: no / note: … / evidence: …',
      'Wie een nee waar maakt, en uiterlijk wanneer (actieplan; what is standaard de oplossing):',
      '  action: { owner: Bas (Financiën), due: "2027-03-31", what: … }',
      'Daarna:  trustcheck audit --answers DIT-BESTAND',
    ],
    subject: 'de organisatie die wordt doorgelicht',
    assessor: 'wie de vragen beantwoordde (optioneel)',
    date: 'de datum van het rapport, JJJJ-MM-DD (optioneel; standaard: vandaag)',
    na: 'yes / no / na (met toelichting)',
    yn: 'yes / no',
    custom: (path: string) => `niet ingebouwd: draai de audit met -q ${path}`,
  },
} as const;

const quote = (s: string): string => JSON.stringify(s);
// every line break YAML knows, the other controls and the bidi overrides, so that a comment
// stays one line and reads as it is written
const oneLine = (s: string): string =>
  // eslint-disable-next-line no-control-regex
  s.replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();

/** The comment a template writes above a statement or a question: its words on one line. */
export const commentText = (text: string): string => oneLine(text);

/** The comment a template writes after an unanswered statement: the answers it takes. */
export function answerHint(
  statement: { allowNotApplicable?: boolean | undefined },
  language: string,
): string {
  const t = pick<(typeof TEXTS)[keyof typeof TEXTS]>(TEXTS, language);
  return statement.allowNotApplicable === true ? t.na : t.yn;
}

export function renderTemplate(
  questionnaires: readonly Questionnaire[],
  options: TemplateOptions,
): string {
  const t = pick<(typeof TEXTS)[keyof typeof TEXTS]>(TEXTS, options.language);
  const lines: string[] =
    options.schemaRef === undefined ? [] : [`# yaml-language-server: $schema=${options.schemaRef}`];
  for (const line of t.intro) lines.push(`# ${line}`);
  lines.push(`format: ${ANSWERS_FORMAT}`);
  lines.push(`subject: ${quote(options.subject ?? '')} # ${t.subject}`);
  if (options.assessor !== undefined) lines.push(`assessor: ${quote(options.assessor)}`);
  else lines.push(`# assessor: ""  # ${t.assessor}`);
  if (options.role !== undefined) lines.push(`role: ${quote(options.role)}`);
  // quoted, so that YAML 1.1 readers (ajv-cli, js-yaml) keep it a string instead of a Date
  lines.push(`# date: "YYYY-MM-DD"  # ${t.date}`);
  lines.push(`language: ${options.language}`);
  lines.push('questionnaires:');
  for (const q of questionnaires) {
    const language = pickLanguage(q, options.language);
    const text = (x: Parameters<typeof localize>[0]) =>
      oneLine(localize(x, language, q.languages[0]) ?? '');
    const custom = options.customPaths?.[q.id];
    // a comment is one line: a path with a line break in it must not end it
    const hint = custom === undefined ? '' : ` (${oneLine(t.custom(shellQuote(custom)))})`;
    lines.push(`  # ${text(q.title)}${hint}`);
    lines.push(`  ${q.id}:`);
    lines.push(`    version: ${q.version}`);
    lines.push('    answers:');
    q.sections.forEach((section, i) => {
      lines.push(`      # ${i + 1}. ${text(section.title)}`);
      lines.push(`      ${section.id}:`);
      for (const statement of section.statements) {
        lines.push(`        # ${text(statement.text)}`);
        lines.push(`        ${statement.id}: ~ # ${answerHint(statement, options.language)}`);
      }
    });
  }
  return `${lines.join('\n')}\n`;
}
