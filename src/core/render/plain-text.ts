// Plain text for a person at a terminal: what `questionnaires show` prints on a TTY. The same
// content as the Markdown, without its marks: no `\(` escapes, no `&amp;` entities, no `**`, no
// backquotes; every paragraph wrapped to the width it is given (the terminal's), with hanging
// indents for lists. Markdown stays the format for files and pipes.
//
// Pure: the width is a parameter. Text from the questionnaire is made one line (line breaks and
// runs of spaces become one space) and terminal-safe (a control character or bidi mark is shown
// as `\u{…}`, never obeyed) before it is wrapped.
import { pick } from '../language.js';
import { safeLine } from '../text/terminal.js';
import { displayWidth, wrap as wrapLines } from '../text/wrap.js';
import { QUESTIONNAIRE_LABELS, type LocalizedQuestionnaire } from './questionnaire.js';

/** The narrowest width text is wrapped to, whatever the terminal says. */
export const MIN_WIDTH = 20;

/** One line of text: line breaks, tabs and runs of spaces made one space; controls made visible. */
function oneLine(text: string): string {
  return safeLine(text.replace(/\s+/g, ' ').trim());
}

/**
 * `text` as lines of at most `width` columns: the first starts with `first`, the others with
 * `rest` (a hanging indent). Words are never split, except a word longer than a whole line,
 * which is cut to fit.
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  return wrapLines(oneLine(text), Math.max(MIN_WIDTH, width), { indent: first, hang: rest });
}

/** A questionnaire as plain text wrapped to `width` columns, in its language. */
export function renderQuestionnaireText(q: LocalizedQuestionnaire, width: number): string {
  const l = pick<(typeof QUESTIONNAIRE_LABELS)[keyof typeof QUESTIONNAIRE_LABELS]>(
    QUESTIONNAIRE_LABELS,
    q.language,
  );
  const out: string[] = [];
  const title = wrap(`${q.title} (${q.id}@${q.version})`, width);
  out.push(...title, '='.repeat(Math.min(Math.max(...title.map(displayWidth)), width)), '');
  if (q.description !== null) out.push(...wrap(q.description, width), '');
  if (q.source !== null) out.push(...wrap(`${l.source}: ${q.source}`, width, '', '  '), '');
  out.push(...wrap(l.rule, width), '');
  q.sections.forEach((section, i) => {
    const number = `${i + 1}. `;
    const hang = ' '.repeat(number.length);
    out.push(...wrap(section.title, width, number, hang));
    out.push(`${hang}[${section.id}]`);
    if (section.help !== null) out.push(...wrap(section.help, width, hang));
    out.push('');
    for (const st of section.statements) {
      const na = st.allowNotApplicable ? ` (${l.na})` : '';
      out.push(...wrap(`${st.text}${na}`, width, `${hang}- `, `${hang}  `));
      out.push(`${hang}  [${st.id}]`);
      if (st.help !== null) out.push(...wrap(st.help, width, `${hang}  `));
      if (st.remedy !== null) out.push(...wrap(`${l.remedy}: ${st.remedy}`, width, `${hang}  `));
      out.push('');
    }
  });
  return `${out.join('\n').trimEnd()}\n`;
}
