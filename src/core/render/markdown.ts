// The Markdown report: title, verdict, a table of every question, what is not true in each
// failing question (with note and remedy), and the changes since a baseline. User text is
// escaped; the output passes markdownlint.
import type { Comparison, Report } from '../model.js';
import { labelsFor, unsatisfiedReason } from './labels.js';
import { escapeMarkdown, escapeMarkdownShort } from './markdown-escape.js';

const WIDTH = 80;

/**
 * Wraps text at 80 columns (markdownlint's MD013): `prefix` starts the first line, `indent` the
 * others. A word that would start a list item or heading on a new line stays on the line before.
 */
export function wrap(prefix: string, text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = prefix;
  let empty = true;
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const unsafeAtStart = /^([-+*=]+|\d+[.)])$/.test(word);
    if (!empty && !unsafeAtStart && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** A top-level heading of at most 80 columns: a long subject is shortened (it is given in full below). */
function heading(before: string, subject: string, after: string): string {
  const room = WIDTH - 2 - before.length - after.length;
  return `# ${before}${escapeMarkdownShort(subject, room)}${after}`;
}

/** Finds a statement's text by its ids: an index made once, so that many lookups stay linear. */
function statementTexts(report: Report): (q: string, s: string, st: string) => string | undefined {
  const texts = new Map<string, string>();
  for (const q of report.questionnaires)
    for (const s of q.sections)
      for (const st of s.statements) texts.set(JSON.stringify([q.id, s.id, st.id]), st.text);
  return (q, s, st) => texts.get(JSON.stringify([q, s, st]));
}

export function renderComparisonMarkdown(c: Comparison, report: Report, heading = 2): string {
  const l = labelsFor(report.language);
  const h = '#'.repeat(heading);
  const out: string[] = [`${h} ${escapeMarkdown(l.changes(c.baseline.date))}`, ''];
  out.push(...wrap('', escapeMarkdown(l.baseline(c.baseline.subject, c.baseline.date)), ''), '');
  const statementText = statementTexts(report);
  const ref = (x: { questionnaire: string; section: string; statement: string }) => {
    const text = statementText(x.questionnaire, x.section, x.statement);
    return `\`${x.questionnaire}.${x.section}.${x.statement}\`${text === undefined ? '' : `: ${escapeMarkdown(text)}`}`;
  };
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    out.push(`${h}# ${title}`, '', ...items.flatMap((i) => wrap('- ', i, '  ')), '');
  };
  if (c.regressions.length + c.sectionRegressions.length + c.missingQuestionnaires.length === 0) {
    out.push(l.noRegressions, '');
  }
  list(l.regressions, c.regressions.map(ref));
  list(
    l.sectionRegressions,
    c.sectionRegressions.map((x) => `\`${x.questionnaire}.${x.section}\``),
  );
  list(
    l.missing,
    c.missingQuestionnaires.map((id) => `\`${id}\``),
  );
  list(l.improvements, c.improvements.map(ref));
  list(l.added, c.added.map(ref));
  list(
    l.removed,
    c.removed.map((x) => `\`${x.questionnaire}.${x.section}.${x.statement}\``),
  );
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderMarkdown(report: Report): string {
  const l = labelsFor(report.language);
  const t = report.totals;
  const out: string[] = [heading(`${l.title}: `, report.subject, ` (${report.date})`), ''];
  out.push(...wrap(`- ${l.subject}: `, escapeMarkdown(report.subject), '  '));
  out.push(`- ${l.date}: ${report.date}`);
  if (report.assessor !== null)
    out.push(...wrap(`- ${l.assessor}: `, escapeMarkdown(report.assessor), '  '));
  out.push(`- ${l.verdict}: **${report.passed ? l.passed : l.failed}**`, '');
  out.push(
    ...wrap(
      '',
      `${l.rule} ${l.totals(t.sectionsPassed, t.sections, t.statementsSatisfied, t.statements)}`,
      '',
    ),
    '',
  );

  out.push(`## ${l.sections}`, '');
  out.push(`| ${l.questionnaire} | ${l.section} | ${l.verdict} | ${l.satisfied} |`);
  out.push('| --- | --- | --- | --- |');
  for (const q of report.questionnaires) {
    for (const s of q.sections) {
      out.push(
        `| \`${q.id}\` | \`${s.id}\` | ${s.passed ? l.pass : `**${l.fail}**`} | ${s.satisfied}/${s.total} |`,
      );
    }
  }
  out.push('');

  const failing = report.questionnaires.flatMap((q) =>
    q.sections.filter((s) => !s.passed).map((s) => ({ q, s })),
  );
  if (failing.length > 0) {
    out.push(`## ${l.notSatisfied}`, '');
    for (const { q, s } of failing) {
      out.push(`### \`${q.id}.${s.id}\``, '', ...wrap('', escapeMarkdown(s.title), ''), '');
      for (const st of s.statements.filter((x) => !x.satisfied)) {
        out.push(
          ...wrap(
            '- ',
            `${escapeMarkdown(st.text)} (\`${st.id}\`, ${unsatisfiedReason(st, l)})`,
            '  ',
          ),
        );
        if (st.note !== null) out.push(...wrap(`  - ${l.note}: `, escapeMarkdown(st.note), '    '));
        if (st.evidence !== null)
          out.push(...wrap(`  - ${l.evidence}: `, escapeMarkdown(st.evidence), '    '));
        if (st.remedy !== null)
          out.push(...wrap(`  - ${l.remedy}: `, escapeMarkdown(st.remedy), '    '));
      }
      out.push('');
    }
  }
  if (report.comparison !== null) {
    out.push(renderComparisonMarkdown(report.comparison, report));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
